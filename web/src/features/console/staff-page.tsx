// The operator's staff accounts: pick an institution, see its staff, create an account, disable or enable one.
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
import {
  CreateStaffMutation,
  InstitutionsQuery,
  SetUserDisabledMutation,
  StaffQuery,
} from './operator-documents.ts';
import { fieldErrorsOf, type FieldErrors } from './use-institution.ts';

const FIELDS = ['email', 'name', 'password'] as const;

// No 0/O, 1/l/I: a password handed over on paper or read aloud.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A random 16-character password from the browser's cryptographic generator. */
function generatePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
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

  async function setDisabled(userId: string, email: string, disabled: boolean) {
    setBusyId(userId);
    setNotice(null);
    setGeneral(null);
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
                      ) : (
                        <Badge tone="good">{t('operator.staff.enabled')}</Badge>
                      )}
                    </td>
                    <td>
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
          onDone={(email) => {
            setNotice(t('operator.staff.createdOk', { email }));
            staff.reload();
          }}
        />
      )}
    </Page>
  );
}

const EMPTY = { email: '', name: '', password: '' };

function CreateStaffForm({
  institutionId,
  onDone,
}: {
  institutionId: string;
  onDone: (email: string) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [generated, setGenerated] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      const { createStaff: r } = await execute(CreateStaffMutation, { institutionId, input: form });
      if (isResultError(r)) {
        const { fields, general: g } = fieldErrorsOf(r, FIELDS);
        setErrors(fields);
        setGeneral(g);
      } else {
        setForm(EMPTY);
        setGenerated(null);
        onDone(r.email);
      }
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
        <div className="filter-row">
          <TextField
            label={t('operator.staff.password')}
            hint={
              generated
                ? t('operator.staff.generated', { password: generated })
                : t('operator.staff.passwordHint')
            }
            type="text"
            value={form.password}
            onChange={(v) => {
              setGenerated(null);
              setForm((f) => ({ ...f, password: v }));
            }}
            error={errors['password']}
            name="password"
            autoComplete="new-password"
          />
          <Button
            variant="secondary"
            onClick={() => {
              const password = generatePassword();
              setGenerated(password);
              setForm((f) => ({ ...f, password }));
            }}
          >
            {t('operator.staff.generate')}
          </Button>
        </div>
        <Button type="submit" busy={busy}>
          {t('operator.staff.submit')}
        </Button>
      </form>
    </Card>
  );
}
