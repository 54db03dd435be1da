// One recognition request under review: the rules' proposals (editable credits and category), the
// source entries, the request's history with any appeal, the learner's history here, and the decision.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Badge } from '../../components/base/badge/badge.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextArea, TextField } from '../../components/base/field/field.tsx';
import { LoadError, Loading } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import type { QueueRequestFieldsFragment } from '../../gql/graphql.ts';
import { execute, isResultError, type ResultErrorData } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import {
  ApproveMutation,
  LearnerRecordsQuery,
  PartlyApproveMutation,
  QueueRequestQuery,
  RejectMutation,
} from './documents.ts';
import { STATUS_TONE } from './recognition-page.tsx';
import { fieldErrorsOf, useInstitutionId, type FieldErrors } from './use-institution.ts';

type Decision = 'approve' | 'partly' | 'reject';
const FIELDS = ['reason', 'comment', 'items'] as const;

export function RecognitionReview({
  id,
  others,
  onDecided,
}: {
  id: string;
  others: QueueRequestFieldsFragment[];
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const institutionId = useInstitutionId();
  const req = useQuery(QueueRequestQuery, { id });
  const r = req.data?.recognitionRequest;
  const request = r?.__typename === 'RecognitionRequest' ? r : null;
  const recorded = useQuery(
    LearnerRecordsQuery,
    { learnerId: request?.learnerId ?? '', institutionId, first: 200, after: null },
    { skip: !request },
  );
  const [rows, setRows] = useState<Record<string, { credits: string; category: string }>>({});
  const [form, setForm] = useState({ reason: '', comment: '', supersede: false });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<ResultErrorData | null>(null);
  const [busy, setBusy] = useState<Decision | null>(null);
  const [decided, setDecided] = useState<string | null>(null);

  useEffect(() => {
    if (!request) return;
    setRows(
      Object.fromEntries(
        request.proposals.map((p) => [
          p.entryId,
          { credits: String(p.credits), category: p.category ?? '' },
        ]),
      ),
    );
  }, [request]);

  if (req.error) return <LoadError error={req.error} />;
  if (r?.__typename === 'ResultError') return <LoadError error={new Error(r.message)} />;
  if (!request) return <Loading />;

  const open = request.status === 'PENDING' || request.status === 'APPEALED';
  const source = new Map(request.sourceEntries.map((e) => [e.id, e]));
  const titleOf = (entryId: string) => {
    const a = source.get(entryId)?.achievement;
    return a ? `${a.courseCode ? `${a.courseCode} · ` : ''}${f.text(a.title)}` : entryId;
  };
  const changed = request.proposals.some(
    (p) =>
      rows[p.entryId] &&
      (Number(rows[p.entryId]!.credits) !== p.credits ||
        (rows[p.entryId]!.category || null) !== (p.category ?? null)),
  );
  const items = () =>
    request.proposals.map((p) => ({
      entryId: p.entryId,
      credits: Number(rows[p.entryId]?.credits ?? p.credits),
      category: rows[p.entryId]?.category || null,
    }));

  async function decide(e: FormEvent | null, decision: Decision) {
    e?.preventDefault();
    setBusy(decision);
    setErrors({});
    setGeneral(null);
    try {
      const supersede = form.supersede || null;
      const res =
        decision === 'approve'
          ? (
              await execute(ApproveMutation, {
                requestId: id,
                items: changed ? items() : null,
                comment: form.comment || null,
                supersede,
              })
            ).approveRecognition
          : decision === 'partly'
            ? (
                await execute(PartlyApproveMutation, {
                  requestId: id,
                  items: items(),
                  reason: form.reason,
                  supersede,
                })
              ).partlyApproveRecognition
            : (await execute(RejectMutation, { requestId: id, reason: form.reason }))
                .rejectRecognition;
      if (isResultError(res)) {
        const { fields, general: g } = fieldErrorsOf(res, FIELDS);
        setErrors(fields);
        setGeneral(g ? res : null);
      } else {
        setDecided(t(`recognition.status.${res.status}`));
        req.reload();
        recorded.reload();
        onDecided();
      }
    } catch {
      setGeneral({ code: 'NETWORK', message: t('common.networkError') } as ResultErrorData);
    } finally {
      setBusy(null);
    }
  }

  const recordedError =
    recorded.error?.message ??
    (recorded.data?.learnerRecord.__typename === 'ResultError'
      ? recorded.data.learnerRecord.message
      : null);
  const recordedHere =
    recorded.data?.learnerRecord.__typename === 'LedgerPage'
      ? recorded.data.learnerRecord.items
      : [];
  const appeal = [...request.history].reverse().find((h) => h.type === 'APPEALED');
  return (
    <Page
      title={t('console.queue.reviewTitle', { id: request.id.slice(0, 8) })}
      lead={
        <>
          {t('console.queue.learner', { id: request.learnerId.slice(0, 8) })} ·{' '}
          {t('console.queue.filed', { date: f.dateTime(request.createdAt) })} ·{' '}
          <Badge tone={STATUS_TONE[request.status]}>
            {t(`recognition.status.${request.status}`)}
          </Badge>
        </>
      }
    >
      <p>
        <Link to="/console/recognition">← {t('console.queue.back')}</Link>
      </p>
      {decided && <Alert tone="success" title={t('console.queue.decided', { status: decided })} />}
      {appeal && open && (
        <Alert tone="warning" title={t('console.queue.appealed')}>
          {appeal.comment}
        </Alert>
      )}
      <Card title={t('console.queue.proposals')}>
        <table className="table" data-testid="proposals">
          <caption className="visually-hidden">{t('console.queue.proposals')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('console.search.what')}</th>
              <th scope="col">{t('console.queue.outcome')}</th>
              <th scope="col">{t('console.queue.rule')}</th>
              <th scope="col">{t('console.queue.credits')}</th>
              <th scope="col">{t('console.queue.category')}</th>
            </tr>
          </thead>
          <tbody>
            {request.proposals.map((p) => (
              <tr key={p.entryId}>
                <td>{titleOf(p.entryId)}</td>
                <td>
                  <Badge tone={p.outcome === 'NOT_RECOGNIZED' ? 'bad' : 'good'}>
                    {t(`console.queue.outcomes.${p.outcome}`, { defaultValue: p.outcome })}
                  </Badge>
                  <div className="small muted">{f.text(p.text)}</div>
                </td>
                <td>{p.ruleId ? `${p.ruleId} v${p.ruleVersion ?? ''}` : '—'}</td>
                <td>
                  {open ? (
                    <TextField
                      label={
                        <span className="visually-hidden">
                          {t('console.queue.creditsFor', { what: titleOf(p.entryId) })}
                        </span>
                      }
                      inputMode="decimal"
                      value={rows[p.entryId]?.credits ?? ''}
                      onChange={(v) =>
                        setRows({ ...rows, [p.entryId]: { ...rows[p.entryId]!, credits: v } })
                      }
                      name={`credits-${p.entryId}`}
                    />
                  ) : (
                    `${f.num(p.credits)} ${t(`creditSystem.${p.creditSystem}`)}`
                  )}
                </td>
                <td>
                  {open ? (
                    <TextField
                      label={
                        <span className="visually-hidden">
                          {t('console.queue.categoryFor', { what: titleOf(p.entryId) })}
                        </span>
                      }
                      value={rows[p.entryId]?.category ?? ''}
                      onChange={(v) =>
                        setRows({ ...rows, [p.entryId]: { ...rows[p.entryId]!, category: v } })
                      }
                      name={`category-${p.entryId}`}
                    />
                  ) : (
                    (p.category ?? '—')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {errors['items'] && (
          <p className="field-error" role="alert">
            {errors['items']}
          </p>
        )}
        {request.granted.length > 0 && (
          <p>
            {t('console.queue.granted')}{' '}
            {request.granted
              .map(
                (g) =>
                  `${titleOf(g.sourceEntryId)}: ${f.num(g.credits)} ${t(`creditSystem.${g.creditSystem}`)} ${g.category} (${g.ruleId} v${g.ruleVersion})`,
              )
              .join('; ')}
          </p>
        )}
      </Card>
      {open && (
        <Card title={t('console.queue.decision')}>
          <form className="form" noValidate onSubmit={(e) => void decide(e, 'approve')}>
            {general && (
              <Alert tone="error" title={general.message}>
                {general.code === 'ALREADY_RECOGNIZED' && t('console.queue.supersedeHint')}
              </Alert>
            )}
            <div className="grid-2">
              <TextArea
                label={t('console.queue.comment')}
                value={form.comment}
                onChange={(v) => setForm({ ...form, comment: v })}
                error={errors['comment']}
                rows={2}
                name="comment"
              />
              <TextArea
                label={t('console.queue.reason')}
                hint={t('console.queue.reasonHint')}
                value={form.reason}
                onChange={(v) => setForm({ ...form, reason: v })}
                error={errors['reason']}
                rows={2}
                name="reason"
              />
            </div>
            <div className="choice">
              <input
                id="supersede"
                type="checkbox"
                checked={form.supersede}
                onChange={(e) => setForm({ ...form, supersede: e.target.checked })}
              />
              <label htmlFor="supersede">{t('console.queue.supersede')}</label>
            </div>
            <div className="actions">
              <Button type="submit" busy={busy === 'approve'} disabled={busy !== null}>
                {t(changed ? 'console.queue.approveEdited' : 'console.queue.approve')}
              </Button>
              <Button
                variant="secondary"
                busy={busy === 'partly'}
                disabled={busy !== null}
                onClick={() => void decide(null, 'partly')}
              >
                {t('console.queue.partly')}
              </Button>
              <Button
                variant="danger"
                busy={busy === 'reject'}
                disabled={busy !== null}
                onClick={() => void decide(null, 'reject')}
              >
                {t('console.queue.reject')}
              </Button>
            </div>
          </form>
        </Card>
      )}
      <div className="grid-2">
        <Card title={t('console.queue.sources')} headingLevel={2}>
          <ul className="plain" data-testid="source-entries">
            {request.sourceEntries.map((e) => (
              <li key={e.id} className={e.type === 'VOID' ? 'entry entry-void' : 'entry'}>
                <strong>{f.text(e.institution?.name) || e.institutionId}</strong>
                {e.achievement && (
                  <>
                    {' · '}
                    {e.achievement.courseCode ? `${e.achievement.courseCode} · ` : ''}
                    {f.text(e.achievement.title)} · {f.num(e.achievement.credits)}{' '}
                    {t(`creditSystem.${e.achievement.creditSystem}`)}
                    {e.achievement.grade?.score != null &&
                      ` · ${t('console.field.score')} ${f.num(e.achievement.grade.score)}`}
                    {' · '}
                    {f.date(e.achievement.earnedAt)}
                  </>
                )}
                {e.type !== 'ACHIEVEMENT' && (
                  <>
                    {' '}
                    <Badge tone={e.type === 'VOID' ? 'bad' : 'warn'}>
                      {t(`entryType.${e.type}`)}
                    </Badge>
                    {e.reason && <span className="muted"> · {e.reason}</span>}
                  </>
                )}
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t('console.queue.history')}>
          <ol className="plain" data-testid="request-history">
            {request.history.map((h) => (
              <li key={h.seq}>
                {f.dateTime(h.at)} · <strong>{t(`recognition.event.${h.type}`)}</strong>
                {h.reason && ` · ${h.reason}`}
                {h.comment && <span className="muted"> · {h.comment}</span>}
              </li>
            ))}
          </ol>
        </Card>
        <Card title={t('console.queue.otherRequests')}>
          {others.filter((o) => o.learnerId === request.learnerId).length === 0 ? (
            <p className="muted">{t('console.queue.noneHere')}</p>
          ) : (
            <ul className="plain">
              {others
                .filter((o) => o.learnerId === request.learnerId)
                .map((o) => (
                  <li key={o.id}>
                    <Link to={`?id=${encodeURIComponent(o.id)}`}>{f.dateTime(o.createdAt)}</Link> ·{' '}
                    {o.entryIds.length} ·{' '}
                    <Badge tone={STATUS_TONE[o.status]}>
                      {t(`recognition.status.${o.status}`)}
                    </Badge>
                  </li>
                ))}
            </ul>
          )}
        </Card>
        <Card title={t('console.queue.recordedHere')}>
          {recordedError ? (
            <LoadError error={new Error(recordedError)} />
          ) : recorded.loading || !recorded.data ? (
            <Loading />
          ) : recordedHere.length === 0 ? (
            <p className="muted">{t('console.queue.noneHere')}</p>
          ) : (
            <ul className="plain" data-testid="recorded-here">
              {recordedHere.map((e) => (
                <li key={e.id}>
                  {t(`entryType.${e.type}`)}
                  {e.achievement &&
                    ` · ${e.achievement.courseCode ? `${e.achievement.courseCode} · ` : ''}${f.text(e.achievement.title)} · ${f.num(e.achievement.credits)} ${e.achievement.category ?? ''}`}
                  {e.reason && <span className="muted"> · {e.reason}</span>}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </Page>
  );
}
