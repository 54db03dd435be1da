// The operator's audit trail: every administrative action, newest first, a page at a time.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Badge } from '../../components/base/badge/badge.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { LoadError, Loading } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import type { ConsoleOperatorAuditTrailQuery } from '../../gql/graphql.ts';
import { execute, isResultError } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import { OperatorAuditTrailQuery } from './operator-documents.ts';

const TONE = { SUCCEEDED: 'good', FAILED: 'bad', ATTEMPTED: 'warn' } as const;

type Page_ = Extract<
  ConsoleOperatorAuditTrailQuery['operatorAuditTrail'],
  { __typename: 'OperatorActionPage' }
>;
type Action = Page_['items'][number];

const PAGE_SIZE = 25;

export default function AuditTrailPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [items, setItems] = useState<Action[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function load(after: string | null) {
    setBusy(true);
    try {
      const { operatorAuditTrail: r } = await execute(OperatorAuditTrailQuery, {
        first: PAGE_SIZE,
        after,
      });
      if (isResultError(r)) setRefused(r.message);
      else {
        setItems((old) => [...(after ? (old ?? []) : []), ...r.items]);
        setCursor(r.pageInfo.hasNextPage ? (r.pageInfo.endCursor ?? null) : null);
      }
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    void load(null);
  }, []);

  const who = (a: Action) =>
    a.actorEmail ??
    (a.actorKind === 'system'
      ? t('operator.audit.system')
      : a.actorKind === 'apikey'
        ? t('operator.audit.apikey', { id: a.actorId })
        : a.actorId);
  return (
    <Page title={t('operator.audit.title')} lead={t('operator.audit.lead')}>
      {error && <LoadError error={error} />}
      {refused && <Alert tone="error" title={refused} />}
      {!items && busy && <Loading />}
      {items &&
        (items.length === 0 ? (
          <p>{t('operator.audit.none')}</p>
        ) : (
          <Card>
            <table className="table" data-testid="audit-trail">
              <caption>{t('operator.audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('operator.audit.seq')}
                  </th>
                  <th scope="col">{t('operator.audit.at')}</th>
                  <th scope="col">{t('operator.audit.who')}</th>
                  <th scope="col">{t('operator.audit.what')}</th>
                  <th scope="col">{t('operator.audit.target')}</th>
                  <th scope="col">{t('operator.audit.change')}</th>
                  <th scope="col">{t('operator.audit.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.seq} data-action={a.action} data-status={a.status}>
                    <td className="num">{a.seq}</td>
                    <td className="when">{f.dateTime(a.at)}</td>
                    <td>{who(a)}</td>
                    <td>{t(`operator.audit.action.${a.action}`)}</td>
                    <td>
                      <code>{a.target.label}</code>
                    </td>
                    <td className="change">
                      {a.before && (
                        <>
                          <del>{a.before}</del> →{' '}
                        </>
                      )}
                      {a.after}
                    </td>
                    <td>
                      <Badge tone={TONE[a.status]}>{t(`operator.audit.status.${a.status}`)}</Badge>
                      {a.error && <div className="small muted">{a.error}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {cursor && (
              <Button variant="secondary" busy={busy} onClick={() => void load(cursor)}>
                {t('operator.audit.more')}
              </Button>
            )}
          </Card>
        ))}
    </Page>
  );
}
