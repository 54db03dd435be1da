// A new recognition request: the learner ticks entries and names the receiving institution.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextArea } from '../../components/base/field/field.tsx';
import { Select } from '../../components/base/select/select.tsx';
import type { CreditSystem } from '../../gql/graphql.ts';
import { execute, isResultError } from '../../lib/graphql.ts';
import { useDraft } from '../../lib/draft.ts';
import { useFormat } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import type { InstitutionInfo } from '../shared/institutions.ts';
import type { LearnerRecord } from '../shared/learner-record.ts';
import { RecognitionProgrammesQuery, RequestRecognitionMutation } from './documents.ts';

const CREDIT_SYSTEMS = ['CN', 'ECTS', 'US_SH', 'KR_CB'] as const;
/** Where the API's error for a field is shown; any other field's error is shown for the form. */
const FIELDS = ['entryIds', 'targetInstitutionId', 'programmeId', 'creditSystem', 'comment'];

export function RequestForm({
  record,
  institutions,
  onFiled,
}: {
  record: LearnerRecord;
  institutions: InstitutionInfo[];
  onFiled: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [draft, update, clear] = useDraft('recognition', {
    entryIds: [] as string[],
    target: '',
    programmeId: '',
    creditSystem: 'CN',
    comment: '',
  });
  const programmes = useQuery(RecognitionProgrammesQuery, {});
  const offered = (programmes.data?.programmes ?? []).filter(
    (p) => p.institutionId === draft.target,
  );
  const programme = offered.find((p) => p.id === draft.programmeId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const entries = [...record.views.values()].filter(
    (v) => !v.voidedBy && v.current && v.entry.achievement?.kind !== 'RECOGNIZED',
  );
  const toggle = (id: string) =>
    update({
      entryIds: draft.entryIds.includes(id)
        ? draft.entryIds.filter((x) => x !== id)
        : [...draft.entryIds, id],
    });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (draft.entryIds.length === 0) local['entryIds'] = t('recognition.chooseEntries');
    if (!draft.target) local['targetInstitutionId'] = t('recognition.chooseTarget');
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const { requestRecognition: r } = await execute(RequestRecognitionMutation, {
        input: {
          entryIds: draft.entryIds,
          targetInstitutionId: draft.target,
          // Toward a programme, its credit system; otherwise the one the learner chose.
          programmeId: programme?.id ?? null,
          creditSystem: programme ? null : (draft.creditSystem as CreditSystem),
          comment: draft.comment.trim() || null,
        },
      });
      if (isResultError(r))
        setErrors({ [r.field && FIELDS.includes(r.field) ? r.field : 'form']: r.message });
      else {
        clear();
        onFiled();
      }
    } catch {
      setErrors({ form: t('common.networkError') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('recognition.newTitle')}>
      <form
        className="form"
        onSubmit={(e) => void submit(e)}
        noValidate
        data-testid="recognition-form"
      >
        <fieldset
          className="choices"
          aria-describedby={errors['entryIds'] ? 'entry-error' : undefined}
        >
          <legend>{t('recognition.entries')}</legend>
          {entries.map((v) => (
            <label key={v.entry.id} className="choice">
              <input
                type="checkbox"
                checked={draft.entryIds.includes(v.entry.id)}
                onChange={() => toggle(v.entry.id)}
                value={v.entry.id}
              />
              {f.text(v.current!.title)} · {f.num(v.current!.credits)}{' '}
              {t(`creditSystem.${v.current!.creditSystem}`)} ·{' '}
              {f.text(institutions.find((i) => i.id === v.entry.institutionId)?.name)}
            </label>
          ))}
          {errors['entryIds'] && (
            <p className="field-error" id="entry-error" role="alert">
              {errors['entryIds']}
            </p>
          )}
        </fieldset>
        <Select
          label={t('recognition.target')}
          value={draft.target}
          onChange={(v) => update({ target: v, programmeId: '' })}
          options={[
            { value: '', label: t('recognition.chooseTarget') },
            ...institutions.map((i) => ({ value: i.id, label: f.text(i.name) })),
          ]}
        />
        {errors['targetInstitutionId'] && (
          <p className="field-error" role="alert">
            {errors['targetInstitutionId']}
          </p>
        )}
        {offered.length > 0 && (
          <Select
            label={t('recognition.programme')}
            value={draft.programmeId}
            onChange={(v) => update({ programmeId: v })}
            options={[
              { value: '', label: t('recognition.noProgramme') },
              ...offered.map((p) => ({ value: p.id, label: f.text(p.name) })),
            ]}
          />
        )}
        {errors['programmeId'] && (
          <p className="field-error" role="alert">
            {errors['programmeId']}
          </p>
        )}
        {!programme && (
          <Select
            label={t('recognition.creditSystem')}
            value={draft.creditSystem}
            onChange={(v) => update({ creditSystem: v })}
            options={CREDIT_SYSTEMS.map((c) => ({ value: c, label: t(`creditSystem.${c}`) }))}
          />
        )}
        {errors['creditSystem'] && (
          <p className="field-error" role="alert">
            {errors['creditSystem']}
          </p>
        )}
        <TextArea
          label={t('recognition.comment')}
          value={draft.comment}
          onChange={(v) => update({ comment: v })}
          rows={3}
          error={errors['comment']}
        />
        {errors['form'] && <Alert tone="error" title={errors['form']} />}
        <Button type="submit" busy={busy}>
          {t('recognition.submit')}
        </Button>
      </form>
    </Card>
  );
}
