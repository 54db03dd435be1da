// The operator's registry: register an institution with its accreditation scope, change the scope, suspend and reinstate.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Badge } from '../../components/base/badge/badge.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextField } from '../../components/base/field/field.tsx';
import { LoadError, Loading } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { Select } from '../../components/base/select/select.tsx';
import type {
  AccreditationScopeInput,
  ConsoleInstitutionFieldsFragment,
  InstitutionType,
  QualificationType,
} from '../../gql/graphql.ts';
import { execute, isResultError } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import {
  InstitutionsQuery,
  RegisterInstitutionMutation,
  SetAccreditationMutation,
  SetInstitutionStatusMutation,
} from './operator-documents.ts';
import { fieldErrorsOf, type FieldErrors } from './use-institution.ts';

const TYPES: InstitutionType[] = [
  'UNIVERSITY',
  'VOCATIONAL_COLLEGE',
  'OPEN_UNIVERSITY',
  'MOOC_PLATFORM',
  'TRAINING_PROVIDER',
  'CREDIT_BANK',
];
const QUALIFICATIONS: QualificationType[] = [
  'DOCTORATE',
  'MASTER',
  'BACHELOR',
  'ASSOCIATE',
  'VOCATIONAL_DIPLOMA',
  'VOCATIONAL_CERTIFICATE',
  'TRAINING_CERTIFICATE',
  'COURSE_CERTIFICATE',
  'TRANSCRIPT',
];
const FIELDS = ['slug', 'name', 'type', 'region', 'accreditation'] as const;

type Institution = ConsoleInstitutionFieldsFragment;
/** The scope being edited: for each chosen qualification, its levels as typed ("5, 6"). */
type ScopeDraft = Partial<Record<QualificationType, string>>;

const draftOf = (i: Institution | null): ScopeDraft =>
  Object.fromEntries(
    (i?.accreditation ?? []).map((a) => [a.qualificationType, a.levels.join(', ')]),
  );

/** Typed levels as numbers; anything that is not a number is sent as NaN for the API to explain. */
const scopeInput = (draft: ScopeDraft): AccreditationScopeInput[] =>
  QUALIFICATIONS.filter((q) => draft[q] !== undefined).map((q) => ({
    qualificationType: q,
    levels: (draft[q] ?? '')
      .split(/[,，\s]+/)
      .filter(Boolean)
      .map((l) => (/^-?\d+$/.test(l) ? Number(l) : Number.NaN))
      .map((n) => (Number.isNaN(n) ? -1 : n)),
  }));

export default function InstitutionsPage() {
  const { t } = useTranslation();
  const list = useQuery(InstitutionsQuery, {});
  const [notice, setNotice] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [editing, setEditing] = useState<Institution | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function setStatus(i: Institution, status: 'ACTIVE' | 'SUSPENDED') {
    setBusyId(i.id);
    setNotice(null);
    setGeneral(null);
    try {
      const { setInstitutionStatus: r } = await execute(SetInstitutionStatusMutation, {
        id: i.id,
        status,
      });
      if (isResultError(r)) setGeneral(r.message);
      else
        setNotice(
          t(
            status === 'SUSPENDED'
              ? 'operator.institutions.suspended'
              : 'operator.institutions.reinstated',
            { slug: i.slug },
          ),
        );
      list.reload();
    } catch {
      setGeneral(t('common.networkError'));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <Page title={t('operator.institutions.title')} lead={t('operator.institutions.lead')}>
      {notice && <Alert tone="success" title={notice} />}
      {general && (
        <Alert tone="error" title={t('operator.institutions.failed')}>
          {general}
        </Alert>
      )}
      {list.error && <LoadError error={list.error} />}
      {!list.data && list.loading && <Loading />}
      {editing && (
        <ScopeForm
          institution={editing}
          onCancel={() => setEditing(null)}
          onDone={(slug) => {
            setEditing(null);
            setNotice(t('operator.institutions.saved', { slug }));
            list.reload();
          }}
        />
      )}
      {list.data && (
        <Card>
          <InstitutionTable
            list={list.data.institutions}
            busyId={busyId}
            onStatus={(i, s) => void setStatus(i, s)}
            onEdit={(i) => (setNotice(null), setEditing(i))}
          />
        </Card>
      )}
      <RegisterForm
        onDone={(slug) => {
          setNotice(t('operator.institutions.registered', { slug }));
          list.reload();
        }}
      />
    </Page>
  );
}

function ScopeSummary({ scopes }: { scopes: Institution['accreditation'] }) {
  const { t } = useTranslation();
  if (scopes.length === 0) return <>{t('operator.institutions.none')}</>;
  return (
    <ul className="plain">
      {scopes.map((s) => (
        <li key={s.qualificationType}>
          {t(`operator.qualification.${s.qualificationType}`)}{' '}
          <span className="muted">
            (
            {s.levels.length
              ? t('operator.institutions.levels', { levels: s.levels.join(', ') })
              : t('operator.institutions.any')}
            )
          </span>
        </li>
      ))}
    </ul>
  );
}

function InstitutionTable({
  list,
  busyId,
  onStatus,
  onEdit,
}: {
  list: Institution[];
  busyId: string | null;
  onStatus: (i: Institution, s: 'ACTIVE' | 'SUSPENDED') => void;
  onEdit: (i: Institution) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <table className="table" data-testid="institutions">
      <caption>{t('operator.institutions.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('operator.institutions.slug')}</th>
          <th scope="col">{t('operator.institutions.name')}</th>
          <th scope="col">{t('operator.institutions.type')}</th>
          <th scope="col">{t('operator.institutions.accreditation')}</th>
          <th scope="col">{t('operator.institutions.status')}</th>
          <th scope="col">{t('operator.institutions.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((i) => (
          <tr key={i.id} data-slug={i.slug}>
            <td>
              <code>{i.slug}</code>
            </td>
            <td>
              {f.text(i.name)} <span className="muted">· {i.region}</span>
            </td>
            <td>{t(`operator.type.${i.type}`)}</td>
            <td>
              <ScopeSummary scopes={i.accreditation} />
            </td>
            <td>
              <Badge tone={i.status === 'ACTIVE' ? 'good' : 'bad'}>
                {t(`operator.status.${i.status}`)}
              </Badge>
            </td>
            <td>
              <span className="actions">
                <Button
                  variant="secondary"
                  aria-label={`${t('operator.institutions.editScope')} ${i.slug}`}
                  onClick={() => onEdit(i)}
                >
                  {t('operator.institutions.editScope')}
                </Button>
                {i.status === 'ACTIVE' ? (
                  <Button
                    variant="danger"
                    busy={busyId === i.id}
                    aria-label={`${t('operator.institutions.suspend')} ${i.slug}`}
                    onClick={() => onStatus(i, 'SUSPENDED')}
                  >
                    {t('operator.institutions.suspend')}
                  </Button>
                ) : (
                  <Button
                    variant="secondary"
                    busy={busyId === i.id}
                    aria-label={`${t('operator.institutions.reinstate')} ${i.slug}`}
                    onClick={() => onStatus(i, 'ACTIVE')}
                  >
                    {t('operator.institutions.reinstate')}
                  </Button>
                )}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The qualifications an institution may award, each with its levels; the API's error below. */
function ScopeFields({
  idPrefix,
  draft,
  onChange,
  error,
}: {
  idPrefix: string;
  draft: ScopeDraft;
  onChange: (d: ScopeDraft) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const errorId = `${idPrefix}-scope-error`;
  return (
    <fieldset className="choices scope-choices" aria-describedby={error ? errorId : undefined}>
      <legend>{t('operator.institutions.scopeLegend')}</legend>
      {QUALIFICATIONS.map((q) => {
        const chosen = draft[q] !== undefined;
        const what = t(`operator.qualification.${q}`);
        return (
          <div key={q} className="scope-choice">
            <label className="choice">
              <input
                type="checkbox"
                checked={chosen}
                onChange={() => {
                  const next = { ...draft };
                  if (chosen) delete next[q];
                  else next[q] = '';
                  onChange(next);
                }}
              />
              <span>{what}</span>
            </label>
            {chosen && (
              <TextField
                label={t('operator.institutions.levelsFor', { what })}
                hint={t('operator.institutions.levelsHint')}
                value={draft[q] ?? ''}
                onChange={(v) => onChange({ ...draft, [q]: v })}
                name={`levels-${q}`}
                inputMode="numeric"
              />
            )}
          </div>
        );
      })}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function ScopeForm({
  institution,
  onCancel,
  onDone,
}: {
  institution: Institution;
  onCancel: () => void;
  onDone: (slug: string) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ScopeDraft>(() => draftOf(institution));
  const [error, setError] = useState<string | undefined>();
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setGeneral(null);
    try {
      const { setAccreditation: r } = await execute(SetAccreditationMutation, {
        id: institution.id,
        accreditation: scopeInput(draft),
      });
      if (isResultError(r)) {
        const { fields, general: g } = fieldErrorsOf(r, ['accreditation', 'qualificationType']);
        setError(fields['accreditation'] ?? fields['qualificationType']);
        setGeneral(g);
      } else onDone(institution.slug);
    } catch {
      setGeneral(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={t('operator.institutions.editTitle', { slug: institution.slug })}
      className="entry-change"
    >
      {general && (
        <Alert tone="error" title={t('operator.institutions.failed')}>
          {general}
        </Alert>
      )}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="scope-form">
        <ScopeFields idPrefix="edit" draft={draft} onChange={setDraft} error={error} />
        <div className="actions">
          <Button type="submit" busy={busy}>
            {t('operator.institutions.save')}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('operator.institutions.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

const EMPTY = {
  slug: '',
  nameZh: '',
  nameEn: '',
  type: 'UNIVERSITY' as InstitutionType,
  region: '',
};

function RegisterForm({ onDone }: { onDone: (slug: string) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [scope, setScope] = useState<ScopeDraft>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      const { registerInstitution: r } = await execute(RegisterInstitutionMutation, {
        input: {
          slug: form.slug,
          name: { zh: form.nameZh, en: form.nameEn },
          type: form.type,
          region: form.region,
          accreditation: scopeInput(scope),
        },
      });
      if (isResultError(r)) {
        // A scope's qualification type is reported as accreditation.qualificationType.
        const named = r.field?.startsWith('accreditation') ? { ...r, field: 'accreditation' } : r;
        const { fields, general: g } = fieldErrorsOf(named, FIELDS);
        setErrors(fields);
        setGeneral(g);
      } else {
        setForm(EMPTY);
        setScope({});
        onDone(r.slug);
      }
    } catch {
      setGeneral(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('operator.institutions.register')}>
      {general && (
        <Alert tone="error" title={t('operator.institutions.failed')}>
          {general}
        </Alert>
      )}
      <form
        className="form"
        onSubmit={(e) => void submit(e)}
        noValidate
        data-testid="register-form"
      >
        <TextField
          label={t('operator.institutions.slug')}
          hint={t('operator.institutions.slugHint')}
          value={form.slug}
          onChange={(v) => update({ slug: v })}
          error={errors['slug']}
          name="slug"
          autoComplete="off"
        />
        <div className="grid-2">
          <TextField
            label={t('operator.institutions.nameZh')}
            value={form.nameZh}
            onChange={(v) => update({ nameZh: v })}
            error={errors['name']}
            name="nameZh"
          />
          <TextField
            label={t('operator.institutions.nameEn')}
            value={form.nameEn}
            onChange={(v) => update({ nameEn: v })}
            name="nameEn"
          />
        </div>
        <div className="grid-2">
          <Select
            label={t('operator.institutions.type')}
            value={form.type}
            options={TYPES.map((v) => ({ value: v, label: t(`operator.type.${v}`) }))}
            onChange={(v) => update({ type: v as InstitutionType })}
            name="type"
          />
          <TextField
            label={t('operator.institutions.region')}
            hint={t('operator.institutions.regionHint')}
            value={form.region}
            onChange={(v) => update({ region: v })}
            error={errors['region']}
            name="region"
          />
        </div>
        <ScopeFields
          idPrefix="register"
          draft={scope}
          onChange={setScope}
          error={errors['accreditation']}
        />
        <Button type="submit" busy={busy}>
          {t('operator.institutions.submit')}
        </Button>
      </form>
    </Card>
  );
}
