// A degree audit in plain words: passed or what is missing, a progress bar per requirement, what does not count.
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { ProgressBar } from '../../components/base/progress-bar/progress-bar.tsx';
import type { AuditFieldsFragment } from '../../gql/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import type { LearnerRecord } from '../shared/learner-record.ts';

export function AuditView({
  audit,
  record,
}: {
  audit: AuditFieldsFragment;
  record: LearnerRecord | undefined;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = (id: string) => {
    const e = record?.views.get(id);
    return e
      ? f.text(e.current?.title)
      : id.startsWith('hypothetical')
        ? t('programmes.hypotheticalCourse')
        : id;
  };
  const amount = (n: number, unit: string) =>
    unit === 'CREDITS' ? t('programmes.credits', { n: f.num(n) }) : f.num(n);
  const depth = new Map<string, number>();
  for (const r of audit.requirements)
    depth.set(r.id, r.parentId ? (depth.get(r.parentId) ?? 0) + 1 : 0);
  return (
    <div data-testid="audit">
      {audit.passed ? (
        <Alert
          tone="success"
          title={t('programmes.passed', { name: f.text(audit.programme.name) })}
        />
      ) : (
        <Alert
          tone="warning"
          title={t('programmes.notYet', { name: f.text(audit.programme.name) })}
        >
          <ul>
            {audit.missing.map((m, i) => (
              <li key={i}>{f.text(m)}</li>
            ))}
          </ul>
        </Alert>
      )}
      {audit.hypothetical > 0 && (
        <p className="muted">{t('programmes.whatIfNote', { count: audit.hypothetical })}</p>
      )}
      <p>
        {t('programmes.totals', {
          counted: f.num(audit.totals.counted),
          system: t(`creditSystem.${audit.totals.creditSystem}`),
          excluded: f.num(audit.totals.excluded),
        })}
        {audit.totals.gpa != null && ` ${t('programmes.gpa', { gpa: f.num(audit.totals.gpa) })}`}
      </p>
      <Card title={t('programmes.requirements')} headingLevel={3}>
        {audit.requirements
          .filter((r) => r.required > 0 || r.kind !== 'allOf')
          .map((r) => (
            <div
              key={r.id}
              className={`req req-depth-${Math.min(depth.get(r.id) ?? 0, 3)}`}
              data-requirement={r.id}
              data-met={r.met}
            >
              <ProgressBar
                label={f.text(r.label) || r.id}
                value={r.counted}
                max={r.required}
                met={r.met}
                detail={
                  <>
                    {r.met ? t('programmes.reqMet') : t('programmes.reqNotMet')} ·{' '}
                    {amount(r.counted, r.unit)} / {amount(r.required, r.unit)}
                    {!r.met && f.text(r.missing) && <> · {f.text(r.missing)}</>}
                    {r.entries.length > 0 && (
                      <>
                        <br />
                        {t('programmes.counting', {
                          list: r.entries.slice(0, 8).map(title).join('、'),
                        })}
                        {r.entries.length > 8 && ` +${r.entries.length - 8}`}
                      </>
                    )}
                  </>
                }
              />
            </div>
          ))}
      </Card>
      {audit.excluded.length > 0 && (
        <Card title={t('programmes.excluded')} headingLevel={3}>
          <ul>
            {audit.excluded.map((x) => (
              <li key={`${x.entryId}/${x.reason}`}>
                <strong>{title(x.entryId)}</strong>: {f.text(x.text)}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
