// Record one achievement: the learner by national ID, a course from the catalogue (its facts filled in), the API's errors beside each field.
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextField } from '../../components/base/field/field.tsx';
import { LoadError } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { Select } from '../../components/base/select/select.tsx';
import type { AchievementKind, CreditSystem } from '../../gql/graphql.ts';
import { execute, isResultError } from '../../lib/graphql.ts';
import { useDraft } from '../../lib/draft.ts';
import { useFormat } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { CoursesQuery, FindLearnerQuery, RecordAchievementMutation } from './documents.ts';
import { fieldErrorsOf, useInstitutionId, type FieldErrors } from './use-institution.ts';

const KINDS: AchievementKind[] = [
  'COURSE',
  'MOOC',
  'VOCATIONAL_CERTIFICATE',
  'SKILLS_CERTIFICATE',
  'TRAINING',
  'AWARD',
  'WORK_EXPERIENCE',
];
const SYSTEMS: CreditSystem[] = ['CN', 'ECTS', 'US_SH', 'KR_CB'];
const FIELDS = [
  'learnerId',
  'sourceRecordId',
  'courseCode',
  'title',
  'credits',
  'creditSystem',
  'category',
  'level',
  'earnedAt',
  'term',
  'score',
] as const;

const newRecordId = () =>
  `WEB-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${crypto.randomUUID().slice(0, 8)}`;

const EMPTY = {
  nationalId: '',
  learnerId: '',
  learnerName: '',
  sourceRecordId: '',
  kind: 'COURSE' as AchievementKind,
  courseQuery: '',
  courseCode: '',
  titleZh: '',
  titleEn: '',
  credits: '',
  creditSystem: 'CN' as CreditSystem,
  category: '',
  level: '',
  earnedAt: '',
  term: '',
  score: '',
};

/** A number field's value, or undefined when left empty (NaN is sent as given: the API explains). */
const numberOf = (s: string) => (s.trim() === '' ? undefined : Number(s));

export default function RecordPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const institutionId = useInstitutionId();
  const courses = useQuery(CoursesQuery, { institutionId });
  const [draft, update, clear] = useDraft('console-record', {
    ...EMPTY,
    sourceRecordId: newRecordId(),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState<{ seq: number; created: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  // The latest version of each course, matched by code or by title in either language.
  const latest = useMemo(() => {
    const byCode = new Map<string, NonNullable<typeof courses.data>['courses'][number]>();
    for (const c of courses.data?.courses ?? []) {
      const seen = byCode.get(c.code);
      if (!seen || seen.version < c.version) byCode.set(c.code, c);
    }
    return [...byCode.values()];
  }, [courses.data]);
  const q = draft.courseQuery.trim().toLowerCase();
  const matches =
    q && draft.courseCode !== draft.courseQuery
      ? latest
          .filter((c) => [c.code, c.title.zh, c.title.en].some((s) => s.toLowerCase().includes(q)))
          .slice(0, 8)
      : [];

  async function findLearner() {
    setErrors((e) => ({ ...e, learnerId: '' }));
    const { findLearner: r } = await execute(FindLearnerQuery, {
      nationalId: draft.nationalId.trim(),
    });
    if (isResultError(r)) setErrors((e) => ({ ...e, learnerId: r.message }));
    else update({ learnerId: r.id, learnerName: r.name });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral(null);
    setDone(null);
    try {
      const title =
        draft.titleZh || draft.titleEn ? { zh: draft.titleZh, en: draft.titleEn } : null;
      const { recordAchievement: r } = await execute(RecordAchievementMutation, {
        institutionId,
        input: {
          learnerId: draft.learnerId,
          sourceRecordId: draft.sourceRecordId.trim(),
          kind: draft.kind,
          courseCode: draft.courseCode || null,
          title,
          credits: numberOf(draft.credits) ?? null,
          creditSystem: draft.creditSystem,
          category: draft.category || null,
          level: numberOf(draft.level) ?? null,
          earnedAt: draft.earnedAt,
          term: draft.term || null,
          grade: draft.score ? { score: Number(draft.score) } : null,
        },
      });
      if (isResultError(r)) {
        const named =
          r.code === 'NOT_FOUND' && !r.field && /^Learner/.test(r.message)
            ? { ...r, field: 'learnerId' }
            : r;
        const { fields, general: g } = fieldErrorsOf(named, FIELDS);
        setErrors(fields);
        setGeneral(g);
      } else {
        setDone({ seq: r.entry.seq, created: r.created });
        clear();
        update({ sourceRecordId: newRecordId() });
      }
    } catch {
      setGeneral(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  }

  const err = (k: (typeof FIELDS)[number]) => errors[k] || undefined;
  return (
    <Page title={t('console.recordOne')}>
      {courses.error && <LoadError error={courses.error} />}
      {done && (
        <Alert
          tone="success"
          title={
            done.created ? t('console.record.done', { seq: done.seq }) : t('console.record.replay')
          }
        />
      )}
      {general && (
        <Alert tone="error" title={t('console.record.failed')}>
          {general}
        </Alert>
      )}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Card title={t('console.search.learner_')}>
          <div className="filter-row">
            <TextField
              label={t('console.field.learner')}
              hint={
                draft.learnerName
                  ? t('console.field.found', { name: draft.learnerName })
                  : t('console.field.learnerHint')
              }
              value={draft.nationalId}
              autoComplete="off"
              onChange={(v) => update({ nationalId: v, learnerId: '', learnerName: '' })}
              error={err('learnerId')}
              name="nationalId"
            />
            <Button
              variant="secondary"
              onClick={() => void findLearner()}
              disabled={!draft.nationalId.trim()}
            >
              {t('console.field.find')}
            </Button>
          </div>
        </Card>
        <Card title={t('console.field.course')}>
          <TextField
            label={t('console.field.course')}
            hint={t('console.field.courseHint')}
            value={draft.courseQuery}
            onChange={(v) => update({ courseQuery: v, courseCode: '' })}
            error={err('courseCode')}
            name="courseQuery"
            autoComplete="off"
          />
          {q &&
            draft.courseCode !== draft.courseQuery &&
            (matches.length === 0 ? (
              <p className="muted">{t('console.field.noCourse')}</p>
            ) : (
              <ul className="plain course-matches" aria-label={t('console.field.course')}>
                {matches.map((c) => (
                  <li key={c.id}>
                    <Button
                      variant="quiet"
                      onClick={() =>
                        update({
                          courseQuery: c.code,
                          courseCode: c.code,
                          titleZh: c.title.zh,
                          titleEn: c.title.en,
                          credits: String(c.credits),
                          creditSystem: c.creditSystem,
                          category: c.category,
                          level: String(c.level),
                        })
                      }
                    >
                      {c.code} · {f.text(c.title)} · {f.num(c.credits)}
                    </Button>
                  </li>
                ))}
              </ul>
            ))}
          <div className="grid-2">
            <TextField
              label={t('console.field.titleZh')}
              value={draft.titleZh}
              onChange={(v) => update({ titleZh: v })}
              error={err('title')}
              name="titleZh"
            />
            <TextField
              label={t('console.field.titleEn')}
              value={draft.titleEn}
              onChange={(v) => update({ titleEn: v })}
              name="titleEn"
            />
            <TextField
              label={t('console.field.credits')}
              inputMode="decimal"
              value={draft.credits}
              onChange={(v) => update({ credits: v })}
              error={err('credits')}
              name="credits"
            />
            <Select
              label={t('console.field.creditSystem')}
              value={draft.creditSystem}
              options={SYSTEMS.map((s) => ({ value: s, label: t(`creditSystem.${s}`) }))}
              onChange={(v) => update({ creditSystem: v as CreditSystem })}
            />
            <TextField
              label={t('console.field.category')}
              value={draft.category}
              onChange={(v) => update({ category: v })}
              error={err('category')}
              name="category"
            />
            <TextField
              label={t('console.field.level')}
              inputMode="numeric"
              value={draft.level}
              onChange={(v) => update({ level: v })}
              error={err('level')}
              name="level"
            />
          </div>
        </Card>
        <Card title={t('console.field.earnedAt')}>
          <div className="grid-2">
            <Select
              label={t('console.field.kind')}
              value={draft.kind}
              options={KINDS.map((k) => ({ value: k, label: t(`console.kind.${k}`) }))}
              onChange={(v) => update({ kind: v as AchievementKind })}
            />
            <TextField
              label={t('console.field.earnedAt')}
              type="date"
              value={draft.earnedAt}
              onChange={(v) => update({ earnedAt: v })}
              error={err('earnedAt')}
              name="earnedAt"
            />
            <TextField
              label={t('console.field.score')}
              inputMode="decimal"
              value={draft.score}
              onChange={(v) => update({ score: v })}
              error={err('score')}
              name="score"
            />
            <TextField
              label={t('console.field.term')}
              value={draft.term}
              onChange={(v) => update({ term: v })}
              error={err('term')}
              name="term"
            />
            <TextField
              label={t('console.field.sourceRecordId')}
              hint={t('console.field.sourceRecordIdHint')}
              value={draft.sourceRecordId}
              onChange={(v) => update({ sourceRecordId: v })}
              error={err('sourceRecordId')}
              name="sourceRecordId"
            />
          </div>
        </Card>
        <div className="actions">
          <Button type="submit" busy={busy}>
            {t('console.record.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
