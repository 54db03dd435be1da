// Issuing one credential: the learner by national ID, a course result they hold here (or their transcript), a format.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextField } from '../../components/base/field/field.tsx';
import { Select } from '../../components/base/select/select.tsx';
import type { ConsoleEntryFieldsFragment, CredentialFormat } from '../../gql/graphql.ts';
import { execute, isResultError } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import { IssueCredentialMutation } from './award-documents.ts';
import { FindLearnerQuery, LearnerRecordsQuery } from './documents.ts';
import { fieldErrorsOf, useInstitutionId, type FieldErrors } from './use-institution.ts';

const FORMATS: CredentialFormat[] = [
  'EDDSA_RDFC_2022',
  'ECDSA_RDFC_2019',
  'ECDSA_SD_2023',
  'VC_JWT',
];
const FIELDS = ['nationalId', 'learnerId', 'entryId', 'entryIds', 'kind', 'format'] as const;

/** The entries that stand: achievements and corrections no later correction or void replaced. */
export function currentEntries(items: ConsoleEntryFieldsFragment[]): ConsoleEntryFieldsFragment[] {
  const replaced = new Set(items.map((e) => e.targetEntryId).filter(Boolean));
  return items.filter(
    (e) => (e.type === 'ACHIEVEMENT' || e.type === 'CORRECTION') && !replaced.has(e.id),
  );
}

export function IssueOne({ onIssued }: { onIssued: (credentialId: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const institutionId = useInstitutionId();
  const [nationalId, setNationalId] = useState('');
  const [learner, setLearner] = useState<{ id: string; name: string } | null>(null);
  const [entries, setEntries] = useState<ConsoleEntryFieldsFragment[]>([]);
  const [kind, setKind] = useState<'ACHIEVEMENT' | 'TRANSCRIPT'>('ACHIEVEMENT');
  const [entryId, setEntryId] = useState('');
  const [format, setFormat] = useState<CredentialFormat>('EDDSA_RDFC_2022');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per issuing: pressing twice, or a retry after a lost answer, issues one credential.
  const [key, setKey] = useState(() => crypto.randomUUID());

  async function findLearner() {
    setErrors({});
    setLearner(null);
    setEntries([]);
    const { findLearner: l } = await execute(FindLearnerQuery, { nationalId: nationalId.trim() });
    if (isResultError(l)) return setErrors({ nationalId: l.message });
    setLearner({ id: l.id, name: l.name });
    const { learnerRecord: r } = await execute(LearnerRecordsQuery, {
      learnerId: l.id,
      institutionId,
      first: 200,
      after: null,
    });
    if (r.__typename === 'LedgerPage') {
      const current = currentEntries(r.items);
      setEntries(current);
      setEntryId(current[0]?.id ?? '');
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral(null);
    setDone(null);
    try {
      const { issueCredential: r } = await execute(IssueCredentialMutation, {
        institutionId,
        input: {
          learnerId: learner?.id ?? '',
          kind,
          entryId: kind === 'ACHIEVEMENT' ? entryId || null : null,
          format,
          requestKey: `console:${key}`,
        },
      });
      if (isResultError(r)) {
        const { fields, general: g } = fieldErrorsOf(
          !learner && !r.field ? { ...r, field: 'nationalId' } : r,
          FIELDS,
        );
        setErrors(fields);
        setGeneral(g);
      } else {
        setDone({ id: r.id });
        setKey(crypto.randomUUID());
        onIssued(r.id);
      }
    } catch {
      setGeneral(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('console.awards.issueTitle')}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {done && (
          <Alert tone="success" title={t('console.awards.issued')}>
            <code>{done.id}</code>
          </Alert>
        )}
        {general && <Alert tone="error" title={general} />}
        <div className="filter-row">
          <TextField
            label={t('console.field.learner')}
            hint={
              learner
                ? t('console.field.found', { name: learner.name })
                : t('console.field.learnerHint')
            }
            value={nationalId}
            onChange={(v) => {
              setNationalId(v);
              setLearner(null);
            }}
            error={errors['nationalId'] || errors['learnerId']}
            name="issueNationalId"
            autoComplete="off"
          />
          <Button
            variant="secondary"
            onClick={() => void findLearner()}
            disabled={!nationalId.trim()}
          >
            {t('console.field.find')}
          </Button>
        </div>
        <div className="grid-2">
          <Select
            label={t('console.awards.credentialKind')}
            value={kind}
            options={(['ACHIEVEMENT', 'TRANSCRIPT'] as const).map((k) => ({
              value: k,
              label: t(`console.awards.kind.${k}`),
            }))}
            onChange={(v) => setKind(v as 'ACHIEVEMENT' | 'TRANSCRIPT')}
            name="kind"
          />
          <Select
            label={t('console.awards.format')}
            value={format}
            options={FORMATS.map((v) => ({ value: v, label: t(`console.awards.formats.${v}`) }))}
            onChange={(v) => setFormat(v as CredentialFormat)}
            name="format"
          />
          {kind === 'ACHIEVEMENT' && (
            <Select
              label={t('console.awards.entry')}
              value={entryId}
              options={
                entries.length === 0
                  ? [{ value: '', label: t('console.awards.findFirst') }]
                  : entries.map((e) => ({
                      value: e.id,
                      label: `${e.sourceRecordId} · ${e.achievement?.courseCode ?? ''} ${f.text(e.achievement?.title)}`,
                    }))
              }
              onChange={setEntryId}
              name="entryId"
            />
          )}
        </div>
        {errors['entryId'] && (
          <p className="field-error" role="alert">
            {errors['entryId']}
          </p>
        )}
        <div className="actions">
          <Button type="submit" busy={busy}>
            {t('console.awards.issue')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
