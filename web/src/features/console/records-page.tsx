// The institution's records: everything (paged), one learner's, or one record id; each entry can be corrected or voided with a reason.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Badge } from '../../components/base/badge/badge.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextField } from '../../components/base/field/field.tsx';
import { Loading } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { Select } from '../../components/base/select/select.tsx';
import type { ConsoleEntryFieldsFragment } from '../../gql/graphql.ts';
import { execute, isResultError, type ResultErrorData } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import {
  EntryQuery,
  FindLearnerQuery,
  InstitutionRecordsQuery,
  LearnerRecordsQuery,
} from './documents.ts';
import { EntryChange } from './entry-change.tsx';
import { useInstitutionId } from './use-institution.ts';

type Mode = 'all' | 'learner' | 'recordId';
type Entry = ConsoleEntryFieldsFragment;

export default function RecordsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const institutionId = useInstitutionId();
  const [mode, setMode] = useState<Mode>('all');
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<Entry[] | null>(null);
  const [cursor, setCursor] = useState<{ next: () => Promise<void> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<{ entry: Entry; action: 'correct' | 'void' } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const fail = (r: ResultErrorData) => {
    setError(r.message);
    setItems(null);
  };

  async function pageAll(after: string | null, previous: Entry[]) {
    const { institutionRecords: r } = await execute(InstitutionRecordsQuery, {
      institutionId,
      first: 50,
      after,
    });
    if (isResultError(r)) return fail(r);
    setItems([...previous, ...r.items]);
    const end = r.pageInfo.endCursor ?? null;
    setCursor(
      r.pageInfo.hasNextPage ? { next: () => pageAll(end, [...previous, ...r.items]) } : null,
    );
  }

  async function pageLearner(learnerId: string, after: string | null, previous: Entry[]) {
    const { learnerRecord: r } = await execute(LearnerRecordsQuery, {
      learnerId,
      institutionId,
      first: 200,
      after,
    });
    if (isResultError(r)) return fail(r);
    setItems([...previous, ...r.items]);
    const end = r.pageInfo.endCursor ?? null;
    setCursor(
      r.pageInfo.hasNextPage
        ? { next: () => pageLearner(learnerId, end, [...previous, ...r.items]) }
        : null,
    );
  }

  async function search(e?: FormEvent) {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    setCursor(null);
    try {
      if (mode === 'all') await pageAll(null, []);
      else if (mode === 'learner') {
        const { findLearner: l } = await execute(FindLearnerQuery, { nationalId: query.trim() });
        if (isResultError(l)) fail(l);
        else await pageLearner(l.id, null, []);
      } else {
        // A record id is the key of its entry: one lookup by id.
        const { ledgerEntry: r } = await execute(EntryQuery, {
          id: `${institutionId}:${query.trim()}`,
        });
        if (isResultError(r)) {
          if (r.code === 'NOT_FOUND') setItems([]);
          else fail(r);
        } else setItems([r]);
      }
    } catch {
      setError(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  }

  async function more() {
    if (!cursor) return;
    setBusy(true);
    try {
      await cursor.next();
    } finally {
      setBusy(false);
    }
  }

  const changedBy = new Map<string, Entry['type']>();
  for (const e of items ?? []) if (e.targetEntryId) changedBy.set(e.targetEntryId, e.type);

  return (
    <Page title={t('console.records')} lead={t('console.homeRecords')}>
      <form className="filter-row" onSubmit={(e) => void search(e)}>
        <Select
          label={t('console.search.by')}
          value={mode}
          options={[
            { value: 'all', label: t('console.search.all') },
            { value: 'learner', label: t('console.search.learner') },
            { value: 'recordId', label: t('console.search.recordId') },
          ]}
          onChange={(v) => setMode(v as Mode)}
        />
        {mode !== 'all' && (
          <TextField
            label={t('console.search.query')}
            value={query}
            onChange={setQuery}
            name="query"
          />
        )}
        <Button type="submit" busy={busy}>
          {t('console.search.go')}
        </Button>
      </form>
      {error && <Alert tone="error" title={error} />}
      {notice && <Alert tone="success" title={notice} />}
      {editing && (
        <EntryChange
          entry={editing.entry}
          action={editing.action}
          onCancel={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null);
            setNotice(message);
            void search();
          }}
        />
      )}
      {busy && !items && <Loading />}
      {items &&
        (items.length === 0 ? (
          <p>{t('console.search.none')}</p>
        ) : (
          <Card>
            <table className="table" data-testid="records-table">
              <caption>{t('console.search.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('console.search.recorded')}</th>
                  <th scope="col">{t('console.search.id')}</th>
                  <th scope="col">{t('console.search.learner_')}</th>
                  <th scope="col">{t('console.search.what')}</th>
                  <th scope="col" className="num">
                    {t('console.search.credits')}
                  </th>
                  <th scope="col">{t('console.search.type')}</th>
                  <th scope="col">{t('console.search.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => {
                  const change = changedBy.get(e.id);
                  const a = e.achievement;
                  return (
                    <tr key={e.id} data-record-id={e.sourceRecordId}>
                      <td>{f.dateTime(e.recordedAt)}</td>
                      <td>{e.sourceRecordId}</td>
                      <td>
                        <code>{e.learnerId.slice(0, 8)}</code>
                      </td>
                      <td>
                        {a ? `${a.courseCode ? `${a.courseCode} · ` : ''}${f.text(a.title)}` : ''}
                        {e.reason && <span className="muted"> · {e.reason}</span>}
                      </td>
                      <td className="num">{a ? f.num(a.credits) : ''}</td>
                      <td>
                        <Badge
                          tone={
                            e.type === 'VOID' ? 'bad' : e.type === 'CORRECTION' ? 'warn' : 'neutral'
                          }
                        >
                          {t(`entryType.${e.type}`)}
                        </Badge>
                        {change && (
                          <span className="muted">
                            {' '}
                            ·{' '}
                            {change === 'VOID'
                              ? t('console.search.voided')
                              : t('console.search.corrected')}
                          </span>
                        )}
                      </td>
                      <td>
                        {(e.type === 'ACHIEVEMENT' || e.type === 'CORRECTION') &&
                          changedBy.get(e.id) !== 'VOID' && (
                            <span className="actions">
                              <Button
                                variant="secondary"
                                aria-label={`${t('console.search.correct')} ${e.sourceRecordId}`}
                                onClick={() => setEditing({ entry: e, action: 'correct' })}
                              >
                                {t('console.search.correct')}
                              </Button>
                              <Button
                                variant="danger"
                                aria-label={`${t('console.search.void')} ${e.sourceRecordId}`}
                                onClick={() => setEditing({ entry: e, action: 'void' })}
                              >
                                {t('console.search.void')}
                              </Button>
                            </span>
                          )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {cursor && (
              <Button variant="secondary" busy={busy} onClick={() => void more()}>
                {t('console.search.more')}
              </Button>
            )}
          </Card>
        ))}
    </Page>
  );
}
