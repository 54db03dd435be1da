// The operator's staff accounts: pick an institution, see its staff, create an account with a one-time
// activation code, give a reset code, disable or enable one.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Badge } from '../../components/base/badge/badge.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextField } from '../../components/base/field/field.tsx';
import { LoadError, Loading } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { Select } from '../../components/base/select/select.tsx';
import { execute, isResultError } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import type { AccountCodePurpose } from '../../gql/graphql.ts';
import {
  CreateStaffCodeMutation,
  CreateStaffMutation,
  InstitutionsQuery,
  SetUserDisabledMutation,
  StaffQuery,
} from './operator-documents.ts';
import { fieldErrorsOf, type FieldErrors } from './use-institution.ts';

const FIELDS = ['email', 'name'] as const;

/** A code just made: shown this once, then only its hash is left on the server. */
interface ShownCode {
  secret: string;
  purpose: AccountCodePurpose;
  email: string;
  expiresAt: string;
}

export default function StaffPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const institutions = useQuery(InstitutionsQuery, {});
  const [params, setParams] = useSearchParams();
  const list = institutions.data?.institutions ?? [];
  const institutionId = params.get('institution') ?? list[0]?.id ?? '';
  const institution = list.find((i) => i.id === institutionId);
  const staff = useQuery(StaffQuery, { institutionId }, { skip: !institutionId });
  const [notice, setNotice] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [shown, setShown] = useState<ShownCode | null>(null);

  async function makeCode(userId: string, purpose: AccountCodePurpose) {
    setBusyId(userId);
    setNotice(null);
    setGeneral(null);
    setShown(null);
    try {
      const { createStaffCode: r } = await execute(CreateStaffCodeMutation, { userId, purpose });
      if (isResultError(r)) setGeneral(r.message);
      else setShown(r);
    } catch {
      setGeneral(t('common.networkError'));
    } finally {
      setBusyId(null);
    }
  }

  async function setDisabled(userId: string, email: string, disabled: boolean) {
    setBusyId(userId);
    setNotice(null);
    setGeneral(null);
    setShown(null);
    try {
      const { setUserDisabled: r } = await execute(SetUserDisabledMutation, { userId, disabled });
      if (isResultError(r)) setGeneral(r.message);
      else
        setNotice(
          t(disabled ? 'operator.staff.disabledOk' : 'operator.staff.enabledOk', { email }),
        );
      staff.reload();
    } catch {
      setGeneral(t('common.networkError'));
    } finally {
      setBusyId(null);
    }
  }

  const result = staff.data?.staff;
  return (
    <Page title={t('operator.staff.title')} lead={t('operator.staff.lead')}>
      {institutions.error && <LoadError error={institutions.error} />}
      {!institutions.data && institutions.loading && <Loading />}
      {notice && <Alert tone="success" title={notice} />}
      {shown && <CodeCard shown={shown} />}
      {general && (
        <Alert tone="error" title={t('operator.staff.failed')}>
          {general}
        </Alert>
      )}
      {list.length > 0 && (
        <Select
          label={t('operator.staff.institution')}
          value={institutionId}
          options={list.map((i) => ({ value: i.id, label: `${f.text(i.name)} (${i.slug})` }))}
          onChange={(v) => {
            setNotice(null);
            setParams({ institution: v });
          }}
          name="institution"
        />
      )}
      {staff.error && <LoadError error={staff.error} />}
      {result && isResultError(result) && <Alert tone="error" title={result.message} />}
      {result && !isResultError(result) && institution && (
        <Card>
          {result.items.length === 0 ? (
            <p>{t('operator.staff.none')}</p>
          ) : (
            <table className="table" data-testid="staff">
              <caption>{t('operator.staff.caption', { name: f.text(institution.name) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('operator.staff.email')}</th>
                  <th scope="col">{t('operator.staff.name')}</th>
                  <th scope="col">{t('operator.staff.created')}</th>
                  <th scope="col">{t('operator.staff.status')}</th>
                  <th scope="col">{t('operator.institutions.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((u) => (
                  <tr key={u.id} data-email={u.email}>
                    <td>{u.email}</td>
                    <td>{u.name}</td>
                    <td>{f.dateTime(u.createdAt)}</td>
                    <td>
                      {u.disabledAt ? (
                        <Badge tone="bad">{t('operator.staff.disabled')}</Badge>
                      ) : u.activated ? (
                        <Badge tone="good">{t('operator.staff.enabled')}</Badge>
                      ) : (
                        <Badge tone="warn">{t('operator.staff.pending')}</Badge>
                      )}
                    </td>
                    <td className="actions">
                      {!u.disabledAt && (
                        <Button
                          variant="secondary"
                          busy={busyId === u.id}
                          aria-label={`${t(u.activated ? 'operator.staff.resetCode' : 'operator.staff.activationCode')} ${u.email}`}
                          onClick={() => void makeCode(u.id, u.activated ? 'RESET' : 'ACTIVATION')}
                        >
                          {t(
                            u.activated
                              ? 'operator.staff.resetCode'
                              : 'operator.staff.activationCode',
                          )}
                        </Button>
                      )}{' '}
                      <Button
                        variant={u.disabledAt ? 'secondary' : 'danger'}
                        busy={busyId === u.id}
                        aria-label={`${t(u.disabledAt ? 'operator.staff.enable' : 'operator.staff.disable')} ${u.email}`}
                        onClick={() => void setDisabled(u.id, u.email, !u.disabledAt)}
                      >
                        {t(u.disabledAt ? 'operator.staff.enable' : 'operator.staff.disable')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      )}
      {institution && (
        <CreateStaffForm
          key={institution.id}
          institutionId={institution.id}
          onDone={(email, code) => {
            setGeneral(null);
            setNotice(t('operator.staff.createdOk', { email }));
            setShown(code);
            staff.reload();
          }}
        />
      )}
    </Page>
  );
}

/** The code, once, with where its holder uses it. */
function CodeCard({ shown }: { shown: ShownCode }) {
  const { t } = useTranslation();
  const f = useFormat();
  const activation = shown.purpose === 'ACTIVATION';
  return (
    <Card
      title={t(activation ? 'operator.staff.activationTitle' : 'operator.staff.resetTitle', {
        email: shown.email,
      })}
    >
      <p className="code-shown" data-testid="staff-code">
        <code>{shown.secret}</code>
      </p>
      <p>
        {t(activation ? 'operator.staff.activationHowTo' : 'operator.staff.resetHowTo', {
          expires: f.dateTime(shown.expiresAt),
        })}{' '}
        <code>{`${window.location.origin}${activation ? '/activate/staff' : '/reset'}`}</code>
      </p>
    </Card>
  );
}

const EMPTY = { email: '', name: '' };

function CreateStaffForm({
  institutionId,
  onDone,
}: {
  institutionId: string;
  onDone: (email: string, code: ShownCode | null) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      // No password: the account waits for its holder, who chooses one with the activation code.
      const { createStaff: r } = await execute(CreateStaffMutation, { institutionId, input: form });
      if (isResultError(r)) {
        const { fields, general: g } = fieldErrorsOf(r, FIELDS);
        setErrors(fields);
        setGeneral(g);
        return;
      }
      setForm(EMPTY);
      // Should this fail, the list offers a new activation code for the account.
      const { createStaffCode: c } = await execute(CreateStaffCodeMutation, {
        userId: r.id,
        purpose: 'ACTIVATION',
      });
      onDone(r.email, isResultError(c) ? null : c);
    } catch {
      setGeneral(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('operator.staff.create')}>
      {general && (
        <Alert tone="error" title={t('operator.staff.failed')}>
          {general}
        </Alert>
      )}
      <p>{t('operator.staff.createLead')}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="staff-form">
        <div className="grid-2">
          <TextField
            label={t('operator.staff.email')}
            type="email"
            value={form.email}
            onChange={(v) => setForm((f) => ({ ...f, email: v }))}
            error={errors['email']}
            name="email"
            autoComplete="off"
          />
          <TextField
            label={t('operator.staff.name')}
            value={form.name}
            onChange={(v) => setForm((f) => ({ ...f, name: v }))}
            error={errors['name']}
            name="name"
            autoComplete="off"
          />
        </div>
        <Button type="submit" busy={busy}>
          {t('operator.staff.submit')}
        </Button>
      </form>
    </Card>
  );
}
