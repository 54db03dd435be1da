// Correcting or voiding one entry: a reason always, the changed facts for a correction; the API's errors beside the fields.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextArea, TextField } from '../../components/base/field/field.tsx';
import type { ConsoleEntryFieldsFragment } from '../../gql/graphql.ts';
import { execute, isResultError } from '../../lib/graphql.ts';
import { CorrectMutation, VoidMutation } from './documents.ts';
import { fieldErrorsOf, type FieldErrors } from './use-institution.ts';

const FIELDS = ['reason', 'credits', 'category', 'earnedAt', 'score', 'title'] as const;

export function EntryChange({
  entry,
  action,
  onCancel,
  onDone,
}: {
  entry: ConsoleEntryFieldsFragment;
  action: 'correct' | 'void';
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const a = entry.achievement;
  const [form, setForm] = useState({
    reason: '',
    credits: a ? String(a.credits) : '',
    category: a?.category ?? '',
    earnedAt: a?.earnedAt ?? '',
    score: a?.grade?.score != null ? String(a.grade.score) : '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The correction's or void's own record id: derived, so pressing twice records it once.
  const [key] = useState(() => `${entry.sourceRecordId}~${action}-${Date.now().toString(36)}`);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      const base = { entryId: entry.id, sourceRecordId: key, reason: form.reason };
      const r =
        action === 'void'
          ? (await execute(VoidMutation, { input: base })).voidAchievement
          : (
              await execute(CorrectMutation, {
                input: {
                  ...base,
                  credits: form.credits.trim() === '' ? null : Number(form.credits),
                  category: form.category || null,
                  earnedAt: form.earnedAt || null,
                  grade: form.score.trim() === '' ? null : { score: Number(form.score) },
                },
              })
            ).correctAchievement;
      if (isResultError(r)) {
        const { fields, general: g } = fieldErrorsOf(r, FIELDS);
        setErrors(fields);
        setGeneral(g);
      } else {
        onDone(t(action === 'void' ? 'console.search.voidedOk' : 'console.search.correctedOk'));
      }
    } catch {
      setGeneral(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  }

  const title = t(action === 'void' ? 'console.search.voidTitle' : 'console.search.correctTitle', {
    id: entry.sourceRecordId,
  });
  return (
    <Card title={title} className="entry-change">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {general && <Alert tone="error" title={general} />}
        {action === 'void' ? (
          <p>{t('console.search.voidWarning')}</p>
        ) : (
          <div className="grid-2">
            <TextField
              label={t('console.field.credits')}
              inputMode="decimal"
              value={form.credits}
              onChange={(v) => setForm({ ...form, credits: v })}
              error={errors['credits']}
              name="credits"
            />
            <TextField
              label={t('console.field.category')}
              value={form.category}
              onChange={(v) => setForm({ ...form, category: v })}
              error={errors['category']}
              name="category"
            />
            <TextField
              label={t('console.field.earnedAt')}
              type="date"
              value={form.earnedAt}
              onChange={(v) => setForm({ ...form, earnedAt: v })}
              error={errors['earnedAt']}
              name="earnedAt"
            />
            <TextField
              label={t('console.field.score')}
              inputMode="decimal"
              value={form.score}
              onChange={(v) => setForm({ ...form, score: v })}
              error={errors['score']}
              name="score"
            />
          </div>
        )}
        <TextArea
          label={t('console.field.reason')}
          value={form.reason}
          onChange={(v) => setForm({ ...form, reason: v })}
          error={errors['reason']}
          rows={2}
          name="reason"
        />
        <div className="actions">
          <Button type="submit" variant={action === 'void' ? 'danger' : 'primary'} busy={busy}>
            {t(action === 'void' ? 'console.search.saveVoid' : 'console.search.saveCorrection')}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
