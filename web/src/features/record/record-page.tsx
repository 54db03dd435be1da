// The learner's record: every entry as a timeline, newest first, with filters and the chain check in
// words. The newest entries show as soon as they arrive; the older ones follow page by page.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/base/card/card.tsx';
import { TextField } from '../../components/base/field/field.tsx';
import { LoadError, Loading } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { Select } from '../../components/base/select/select.tsx';
import { useFormat } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { useInstitutions } from '../shared/institutions.ts';
import { useLearnerRecord } from '../shared/learner-record.ts';
import { ChainCheck, useChainCheck } from './chain-check.tsx';
import { EntryItem } from './entry-item.tsx';

const TYPES = ['ACHIEVEMENT', 'CORRECTION', 'VOID', 'CREDENTIAL', 'AWARD'] as const;
/** Entries rendered at first (a few screens); more on demand. */
const SHOWN = 100;

export default function RecordPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { session } = useSession();
  const learnerId = session!.learnerId!;
  // Asked first, so the check of the whole chain runs beside the record's first page.
  const check = useChainCheck(learnerId);
  // The older pages wait for the check: on a small server they would slow it down.
  const { record, complete, total, error, loading } = useLearnerRecord(learnerId, {
    progressive: true,
    holdRest: check.loading,
  });
  const institutions = useInstitutions();
  const [type, setType] = useState('');
  const [institution, setInstitution] = useState('');
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(SHOWN);

  const filtered = useMemo(() => {
    if (!record) return [];
    const needle = text.trim().toLowerCase();
    return record.entries
      .filter(
        (e) =>
          (!type || e.type === type) &&
          (!institution || e.institutionId === institution) &&
          (!needle ||
            [e.achievement?.title.zh, e.achievement?.title.en, e.achievement?.courseCode, e.reason]
              .filter(Boolean)
              .some((s) => s!.toLowerCase().includes(needle))),
      )
      .reverse();
  }, [record, type, institution, text]);

  const present = useMemo(
    () => [...new Set(record?.entries.map((e) => e.institutionId) ?? [])],
    [record],
  );

  return (
    <Page title={t('record.title')} lead={t('record.lead')}>
      {error && <LoadError error={error} />}
      {loading && <Loading />}
      {record && (
        <>
          <ChainCheck check={check} lastRecordedAt={record.entries.at(-1)?.recordedAt} />
          <Card title={t('record.filters')} className="filters">
            <div className="filter-row">
              <Select
                label={t('record.type')}
                value={type}
                onChange={setType}
                options={[
                  { value: '', label: t('record.allTypes') },
                  ...TYPES.map((v) => ({ value: v, label: t(`entryType.${v}`) })),
                ]}
              />
              <Select
                label={t('record.institution')}
                value={institution}
                onChange={setInstitution}
                options={[
                  { value: '', label: t('record.allInstitutions') },
                  ...present.map((id) => ({
                    value: id,
                    label: f.text(institutions.byId.get(id)?.name) || id,
                  })),
                ]}
              />
              <TextField label={t('record.search')} type="search" value={text} onChange={setText} />
            </div>
            <p className="muted" role="status" data-testid="record-count">
              {t('record.showing', {
                shown: Math.min(filtered.length, limit),
                total: filtered.length,
              })}
            </p>
            {!complete && (
              <p className="muted small" data-testid="record-loading">
                {t('record.loadingRest', { loaded: record.entries.length, total })}
              </p>
            )}
          </Card>
          {record.entries.length === 0 ? (
            <p>{t('record.empty')}</p>
          ) : (
            <ol className="timeline" aria-label={t('record.timeline')}>
              {filtered.slice(0, limit).map((e) => (
                <EntryItem
                  key={e.id}
                  entry={e}
                  institutionName={f.text(institutions.byId.get(e.institutionId)?.name)}
                  correctedBy={
                    record.views
                      .get(e.id)
                      ?.correctedBy.map((c) => `#${c.seq}`)
                      .join(', ') ?? ''
                  }
                  voidedBy={record.views.get(e.id)?.voidedBy?.seq}
                  target={e.targetEntryId ? record.views.get(e.targetEntryId)?.entry : undefined}
                />
              ))}
            </ol>
          )}
          {filtered.length > limit && (
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => setLimit((n) => n + SHOWN)}
            >
              {t('record.more')}
            </button>
          )}
        </>
      )}
    </Page>
  );
}
