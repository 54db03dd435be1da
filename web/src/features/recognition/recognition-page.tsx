// Recognition: the learner's requests with every step, an appeal once, and a new request.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Badge } from '../../components/base/badge/badge.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextArea } from '../../components/base/field/field.tsx';
import { LoadError, Loading } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import type { RecognitionRequestFieldsFragment } from '../../gql/graphql.ts';
import { execute, isResultError } from '../../lib/graphql.ts';
import { useDraft } from '../../lib/draft.ts';
import { useFormat } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { useInstitutions } from '../shared/institutions.ts';
import { useLearnerRecord, type LearnerRecord } from '../shared/learner-record.ts';
import { AppealRecognitionMutation, RecognitionRequestsQuery } from './documents.ts';
import { RequestForm } from './request-form.tsx';

const TONE = {
  PENDING: 'warn',
  APPEALED: 'warn',
  AUTO_APPROVED: 'good',
  APPROVED: 'good',
  PARTLY_APPROVED: 'warn',
  REJECTED: 'bad',
} as const;

function Appeal({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [draft, update, clear] = useDraft(`appeal-${id}`, { comment: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const { appealRecognition: r } = await execute(AppealRecognitionMutation, {
        requestId: id,
        comment: draft.comment,
      });
      if (isResultError(r)) setError(r.message);
      else {
        clear();
        onDone();
      }
    } catch {
      setError(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="appeal">
      <TextArea
        label={t('recognition.appealComment')}
        value={draft.comment}
        onChange={(v) => update({ comment: v })}
        rows={2}
        error={error}
      />
      <Button
        variant="secondary"
        busy={busy}
        disabled={!draft.comment.trim()}
        onClick={() => void submit()}
      >
        {t('recognition.appeal')}
      </Button>
    </div>
  );
}

function RequestCard({
  r,
  record,
  instName,
  onChange,
}: {
  r: RecognitionRequestFieldsFragment;
  record: LearnerRecord | undefined;
  instName: (id: string) => string;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = (id: string) => f.text(record?.views.get(id)?.current?.title) || id;
  const appealed = r.history.some((h) => h.type === 'APPEALED');
  return (
    <li className="card" data-testid="recognition-request" data-status={r.status}>
      <div className="card-head">
        <h3>{t('recognition.requestTo', { institution: instName(r.targetInstitutionId) })}</h3>
        <Badge tone={TONE[r.status]}>{t(`recognition.status.${r.status}`)}</Badge>
      </div>
      <p className="muted">{t('recognition.filedOn', { date: f.dateTime(r.createdAt) })}</p>
      <h4>{t('recognition.proposals')}</h4>
      <ul>
        {r.proposals.map((p) => (
          <li key={p.entryId}>
            <strong>{title(p.entryId)}</strong>: {f.text(p.text)}
          </li>
        ))}
      </ul>
      {r.granted.length > 0 && (
        <>
          <h4>{t('recognition.granted')}</h4>
          <ul>
            {r.granted.map((g) => (
              <li key={g.sourceEntryId}>
                {t('recognition.grantedLine', {
                  title: title(g.sourceEntryId),
                  credits: f.num(g.credits),
                  system: t(`creditSystem.${g.creditSystem}`),
                  category: g.category,
                  rule: `${g.ruleId} v${g.ruleVersion}`,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('recognition.history')}</h4>
      <ol className="history">
        {r.history.map((h) => (
          <li key={h.seq}>
            <time dateTime={h.at}>{f.dateTime(h.at)}</time> · {t(`recognition.event.${h.type}`)}
            {h.reason && <> · {t('record.reason', { reason: h.reason })}</>}
            {h.comment && <> · “{h.comment}”</>}
          </li>
        ))}
      </ol>
      {(r.status === 'REJECTED' || r.status === 'PARTLY_APPROVED') &&
        (appealed ? (
          <p className="muted">{t('recognition.appealedOnce')}</p>
        ) : (
          <Appeal id={r.id} onDone={onChange} />
        ))}
    </li>
  );
}

export default function RecognitionPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const learnerId = useSession().session!.learnerId!;
  const q = useQuery(RecognitionRequestsQuery, { learnerId });
  const institutions = useInstitutions();
  const { record } = useLearnerRecord(learnerId);
  const [filed, setFiled] = useState(false);
  const list = q.data?.recognitionRequests;
  const instName = (id: string) => f.text(institutions.byId.get(id)?.name) || id;
  return (
    <Page title={t('recognition.title')} lead={t('recognition.lead')}>
      {q.error && <LoadError error={q.error} />}
      {q.loading && !q.data && <Loading />}
      {filed && <Alert tone="success" title={t('recognition.filed')} />}
      {list?.__typename === 'RecognitionRequestList' && (
        <Card title={t('recognition.yours')}>
          {list.items.length === 0 ? (
            <p>{t('recognition.none')}</p>
          ) : (
            <ul className="plain">
              {[...list.items].reverse().map((r) => (
                <RequestCard
                  key={r.id}
                  r={r}
                  record={record}
                  instName={instName}
                  onChange={q.reload}
                />
              ))}
            </ul>
          )}
        </Card>
      )}
      {record && (
        <RequestForm
          record={record}
          institutions={institutions.list}
          onFiled={() => {
            setFiled(true);
            q.reload();
          }}
        />
      )}
    </Page>
  );
}
