// The recognition queue: requests to the institution, to decide (pending or appealed) or all; one opens for review.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Badge } from '../../components/base/badge/badge.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { LoadError, Loading } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { Select } from '../../components/base/select/select.tsx';
import { useFormat } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { QueueQuery } from './documents.ts';
import { RecognitionReview } from './recognition-review.tsx';
import { useInstitutionId } from './use-institution.ts';

export const STATUS_TONE = {
  PENDING: 'warn',
  APPEALED: 'warn',
  AUTO_APPROVED: 'good',
  APPROVED: 'good',
  PARTLY_APPROVED: 'warn',
  REJECTED: 'bad',
} as const;

const OPEN = new Set(['PENDING', 'APPEALED']);

export default function RecognitionQueuePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const institutionId = useInstitutionId();
  const [params] = useSearchParams();
  const [show, setShow] = useState<'open' | 'all'>('open');
  const queue = useQuery(QueueQuery, { institutionId });
  const openId = params.get('id');
  const list = queue.data?.recognitionRequests;
  const items = list?.__typename === 'RecognitionRequestList' ? list.items : [];

  if (openId)
    return (
      <RecognitionReview
        id={openId}
        others={items.filter((r) => r.id !== openId)}
        onDecided={queue.reload}
      />
    );

  // Oldest first: the queue is worked in the order learners asked.
  const shown = items
    .filter((r) => show === 'all' || OPEN.has(r.status))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <Page title={t('console.queue.title')} lead={t('console.queue.lead')}>
      <div className="filter-row">
        <Select
          label={t('console.queue.show')}
          value={show}
          options={[
            { value: 'open', label: t('console.queue.toDecide') },
            { value: 'all', label: t('console.queue.all') },
          ]}
          onChange={(v) => setShow(v as 'open' | 'all')}
          name="show"
        />
      </div>
      {queue.error && <LoadError error={queue.error} />}
      {list?.__typename === 'ResultError' && <LoadError error={new Error(list.message)} />}
      {queue.loading && !queue.data && <Loading />}
      {queue.data &&
        (shown.length === 0 ? (
          <p>{t('console.queue.none')}</p>
        ) : (
          <Card>
            <table className="table" data-testid="recognition-queue">
              <caption>{t('console.queue.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('console.queue.filedOn')}</th>
                  <th scope="col">{t('console.search.learner_')}</th>
                  <th scope="col" className="num">
                    {t('console.queue.entries')}
                  </th>
                  <th scope="col" className="num">
                    {t('console.queue.proposed')}
                  </th>
                  <th scope="col">{t('console.queue.status')}</th>
                  <th scope="col">{t('console.search.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.id} data-request-id={r.id}>
                    <td>{f.dateTime(r.createdAt)}</td>
                    <td>
                      <code>{r.learnerId.slice(0, 8)}</code>
                    </td>
                    <td className="num">{r.entryIds.length}</td>
                    <td className="num">
                      {f.num(r.proposals.reduce((s, p) => s + p.credits, 0))}{' '}
                      {t(`creditSystem.${r.creditSystem}`)}
                    </td>
                    <td>
                      <Badge tone={STATUS_TONE[r.status]}>
                        {t(`recognition.status.${r.status}`)}
                      </Badge>
                    </td>
                    <td>
                      <Link
                        to={`?id=${encodeURIComponent(r.id)}`}
                        aria-label={`${t('console.queue.open')} ${r.id.slice(0, 8)}`}
                      >
                        {t(OPEN.has(r.status) ? 'console.queue.open' : 'console.queue.view')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        ))}
    </Page>
  );
}
