// The credentials the institution issued, newest first, filtered by state, kind, programme and learner, a page at a time.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Badge } from '../../components/base/badge/badge.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextField } from '../../components/base/field/field.tsx';
import { Select } from '../../components/base/select/select.tsx';
import type {
  ConsoleInstitutionCredentialsQuery,
  CredentialKind,
  CredentialState,
} from '../../gql/graphql.ts';
import { execute, isResultError } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import { InstitutionCredentialsQuery } from './award-documents.ts';
import { fieldErrorsOf, useInstitutionId, type FieldErrors } from './use-institution.ts';

type Page = Extract<
  ConsoleInstitutionCredentialsQuery['institutionCredentials'],
  { __typename: 'IssuedCredentialPage' }
>;
type Item = Page['items'][number];

const PAGE = 20;
const STATES = ['ACTIVE', 'SUSPENDED', 'REVOKED'] as const;
const KINDS = ['ACHIEVEMENT', 'QUALIFICATION', 'TRANSCRIPT'] as const;
const EMPTY = { status: '', kind: '', programmeId: '', learnerId: '' };

/** `reloadKey` changes when a credential's status changed elsewhere on the page: the list is read again. */
export function CredentialsList({
  onOpen,
  reloadKey,
}: {
  onOpen: (id: string) => void;
  reloadKey: number;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const institutionId = useInstitutionId();
  const [form, setForm] = useState(EMPTY);
  const [applied, setApplied] = useState(EMPTY);
  const [items, setItems] = useState<Item[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function load(filter: typeof EMPTY, after: string | null) {
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      const { institutionCredentials: r } = await execute(InstitutionCredentialsQuery, {
        institutionId,
        first: PAGE,
        after,
        filter: {
          ...(filter.status ? { status: filter.status as CredentialState } : {}),
          ...(filter.kind ? { kind: filter.kind as CredentialKind } : {}),
          ...(filter.programmeId.trim() ? { programmeId: filter.programmeId.trim() } : {}),
          ...(filter.learnerId.trim() ? { learnerId: filter.learnerId.trim() } : {}),
        },
      });
      if (isResultError(r)) {
        const { fields, general: g } = fieldErrorsOf(r, [
          'status',
          'kind',
          'programmeId',
          'learnerId',
        ]);
        setErrors(fields);
        setGeneral(g);
        return;
      }
      setItems((before) => (after ? [...(before ?? []), ...r.items] : r.items));
      setCursor(r.pageInfo.hasNextPage ? (r.pageInfo.endCursor ?? null) : null);
    } catch {
      setGeneral(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    void load(applied, null);
    // A new filter, or a status changed below: the first page again.
  }, [applied, reloadKey, institutionId]);

  function submit(e: FormEvent) {
    e.preventDefault();
    setApplied(form);
  }

  const state = (c: Item) => (c.revoked ? 'REVOKED' : c.suspended ? 'SUSPENDED' : 'ACTIVE');
  return (
    <Card title={t('console.awards.listTitle')}>
      <form className="form" onSubmit={submit} noValidate data-testid="credentials-filter">
        <div className="grid-2">
          <Select
            label={t('console.awards.listStatus')}
            name="status"
            value={form.status}
            options={[
              { value: '', label: t('console.awards.listAny') },
              ...STATES.map((s) => ({ value: s, label: t(`console.awards.state.${s}`) })),
            ]}
            onChange={(v) => setForm((x) => ({ ...x, status: v }))}
          />
          <Select
            label={t('console.awards.credentialKind')}
            name="kind"
            value={form.kind}
            options={[
              { value: '', label: t('console.awards.listAny') },
              ...KINDS.map((k) => ({ value: k, label: t(`console.awards.kind.${k}`) })),
            ]}
            onChange={(v) => setForm((x) => ({ ...x, kind: v }))}
          />
          <TextField
            label={t('console.programmes.programme')}
            name="programmeId"
            value={form.programmeId}
            onChange={(v) => setForm((x) => ({ ...x, programmeId: v }))}
            error={errors['programmeId']}
            autoComplete="off"
          />
          <TextField
            label={t('console.awards.listLearner')}
            name="learnerId"
            value={form.learnerId}
            onChange={(v) => setForm((x) => ({ ...x, learnerId: v }))}
            error={errors['learnerId']}
            autoComplete="off"
          />
        </div>
        <Button type="submit" variant="secondary" busy={busy && items === null}>
          {t('console.awards.listFilter')}
        </Button>
      </form>
      {general && <Alert tone="error" title={general} />}
      {items &&
        (items.length === 0 ? (
          <p>{t('console.awards.listNone')}</p>
        ) : (
          <table className="table" data-testid="credentials">
            <caption>{t('console.awards.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.awards.listIssued')}</th>
                <th scope="col">{t('console.search.learner_')}</th>
                <th scope="col">{t('console.awards.credentialKind')}</th>
                <th scope="col">{t('console.programmes.programme')}</th>
                <th scope="col">{t('console.awards.listStatus')}</th>
                <th scope="col">{t('console.search.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} data-credential-id={c.id} data-state={state(c)}>
                  <td>{f.dateTime(c.issuedAt)}</td>
                  <td>
                    <code>{c.learnerId.slice(0, 8)}</code>
                  </td>
                  <td>{t(`console.awards.kind.${c.kind}`)}</td>
                  <td>{c.programmeId ?? '—'}</td>
                  <td>
                    <Badge tone={c.revoked ? 'bad' : c.suspended ? 'warn' : 'good'}>
                      {t(`console.awards.state.${state(c)}`)}
                    </Badge>
                  </td>
                  <td>
                    <Button
                      variant="quiet"
                      aria-label={`${t('console.awards.listOpen')} ${c.id.slice(0, 8)}`}
                      onClick={() => onOpen(c.id)}
                    >
                      {t('console.awards.listOpen')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {cursor && (
        <Button variant="secondary" busy={busy} onClick={() => void load(applied, cursor)}>
          {t('console.awards.listMore')}
        </Button>
      )}
    </Card>
  );
}
