// One entry of the timeline: what it records, who recorded it, and what later changed it.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/base/badge/badge.tsx';
import { useFormat } from '../../lib/format.ts';
import type { Entry } from '../shared/learner-record.ts';
import { gradeText } from '../shared/words.ts';

/**
 * Memoised on what it shows, so that the older pages arriving under it (the record is loaded
 * newest first) do not render the entries already on the screen again.
 */
export const EntryItem = memo(function EntryItem({
  entry,
  institutionName,
  correctedBy,
  voidedBy,
  target,
}: {
  entry: Entry;
  /** The institution's name in the current language ('' while the registry loads). */
  institutionName: string;
  /** The seqs of the later corrections of this entry, as shown ('#4, #9'; '' for none). */
  correctedBy: string;
  /** The seq of the later void of this entry. */
  voidedBy: number | undefined;
  /** The entry a correction or void changed, once it is loaded. */
  target: Entry | undefined;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const inst = institutionName || entry.institutionId;
  const a = entry.achievement;
  const targetTitle = f.text(target?.achievement?.title);
  const tone =
    entry.type === 'VOID'
      ? 'bad'
      : entry.type === 'CORRECTION'
        ? 'warn'
        : entry.type === 'ACHIEVEMENT'
          ? 'neutral'
          : 'good';
  return (
    <li
      className={`entry entry-${entry.type.toLowerCase()}${voidedBy ? ' entry-voided' : ''}`}
      data-entry-type={entry.type}
      data-seq={entry.seq}
    >
      <div className="entry-head">
        <Badge tone={tone}>{t(`entryType.${entry.type}`)}</Badge>
        <span className="entry-seq">#{entry.seq}</span>
        <time dateTime={entry.recordedAt}>{f.date(entry.recordedAt)}</time>
      </div>
      {a && (
        <h3 className="entry-title">
          {f.text(a.title)}
          {a.courseCode && <span className="muted"> · {a.courseCode}</span>}
        </h3>
      )}
      {entry.type === 'VOID' && (
        <h3 className="entry-title">
          {t('record.voidOf', { seq: target?.seq ?? '?', title: targetTitle })}
        </h3>
      )}
      {entry.type === 'CREDENTIAL' && (
        <h3 className="entry-title">
          {t('record.credentialEntry', { action: entry.credentialAction ?? '' })}
        </h3>
      )}
      {entry.type === 'AWARD' && <h3 className="entry-title">{t('record.awardEntry')}</h3>}
      <dl className="entry-facts">
        <div>
          <dt>{t('record.institution')}</dt>
          <dd>{inst}</dd>
        </div>
        {a && (
          <>
            <div>
              <dt>{t('record.credits')}</dt>
              <dd>
                {f.num(a.credits)} {t(`creditSystem.${a.creditSystem}`)}
              </dd>
            </div>
            {a.grade && (
              <div>
                <dt>{t('record.grade')}</dt>
                <dd>{gradeText(a.grade, t)}</dd>
              </div>
            )}
            <div>
              <dt>{t('record.earned')}</dt>
              <dd>{f.date(a.earnedAt)}</dd>
            </div>
            <div>
              <dt>{t('record.category')}</dt>
              <dd>
                {a.category} · {t('record.level', { level: a.level })}
              </dd>
            </div>
            {a.expiresAt && (
              <div>
                <dt>{t('record.expires')}</dt>
                <dd>{f.date(a.expiresAt)}</dd>
              </div>
            )}
            {a.recognition && (
              <div>
                <dt>{t('record.recognisedUnder')}</dt>
                <dd>
                  {a.recognition.ruleId} v{a.recognition.ruleVersion}
                </dd>
              </div>
            )}
          </>
        )}
      </dl>
      {entry.type === 'CORRECTION' && (
        <p className="entry-note">
          {t('record.correctionOf', { seq: target?.seq ?? '?', reason: entry.reason ?? '' })}
        </p>
      )}
      {entry.type === 'VOID' && (
        <p className="entry-note">{t('record.reason', { reason: entry.reason ?? '' })}</p>
      )}
      {correctedBy && (
        <p className="entry-note">{t('record.correctedLater', { seqs: correctedBy })}</p>
      )}
      {voidedBy !== undefined && (
        <p className="entry-note entry-note-bad">{t('record.voidedLater', { seq: voidedBy })}</p>
      )}
    </li>
  );
});
