// Credit balances derived from the ledger: by category, level, institution and credit system; expired apart.
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/base/card/card.tsx';
import { LoadError, Loading } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { graphql } from '../../gql/index.ts';
import { useFormat } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { useInstitutions } from '../shared/institutions.ts';

const CreditAccountQuery = graphql(`
  query CreditAccount($learnerId: ID!) {
    creditAccount(learnerId: $learnerId) {
      __typename
      ... on CreditAccount {
        asOf
        achievements
        totals {
          creditSystem
          key
          credits
        }
        byCategory {
          creditSystem
          key
          credits
        }
        byLevel {
          creditSystem
          key
          credits
        }
        byInstitution {
          creditSystem
          key
          credits
        }
        expired {
          creditSystem
          key
          credits
        }
        recognized {
          creditSystem
          key
          credits
        }
      }
      ... on ResultError {
        code
        message
      }
    }
  }
`);

interface Balance {
  creditSystem: string;
  key: string;
  credits: number;
}

function BalanceTable({
  caption,
  rows,
  keyLabel,
  name,
}: {
  caption: string;
  rows: Balance[];
  keyLabel: string;
  name: (key: string) => string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  if (rows.length === 0) return <p className="muted">{t('balances.none')}</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyLabel}</th>
          <th scope="col">{t('balances.system')}</th>
          <th scope="col" className="num">
            {t('balances.credits')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.creditSystem}/${r.key}`}>
            <th scope="row">{name(r.key)}</th>
            <td>{t(`creditSystem.${r.creditSystem}`)}</td>
            <td className="num">{f.num(r.credits)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function BalancesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { session } = useSession();
  const q = useQuery(CreditAccountQuery, { learnerId: session!.learnerId! });
  const institutions = useInstitutions();
  const acc = q.data?.creditAccount;
  const instName = (id: string) => f.text(institutions.byId.get(id)?.name) || id;
  return (
    <Page title={t('balances.title')} lead={t('balances.lead')}>
      {q.error && <LoadError error={q.error} />}
      {q.loading && !acc && <Loading />}
      {acc?.__typename === 'ResultError' && <LoadError error={new Error(acc.message)} />}
      {acc?.__typename === 'CreditAccount' && (
        <>
          <div className="totals" data-testid="balance-totals">
            {acc.totals.length === 0 && <p>{t('balances.empty')}</p>}
            {acc.totals.map((b) => (
              <div className="total" key={b.creditSystem}>
                <span className="total-value">{f.num(b.credits)}</span>
                <span className="total-label">{t(`creditSystem.${b.creditSystem}`)}</span>
              </div>
            ))}
          </div>
          <p className="muted">
            {t('balances.asOf', { date: f.date(acc.asOf), count: acc.achievements })}
          </p>
          <div className="grid-2">
            <Card title={t('balances.byCategory')}>
              <BalanceTable
                caption={t('balances.byCategory')}
                rows={acc.byCategory}
                keyLabel={t('balances.category')}
                name={(k) => k}
              />
            </Card>
            <Card title={t('balances.byLevel')}>
              <BalanceTable
                caption={t('balances.byLevel')}
                rows={acc.byLevel}
                keyLabel={t('balances.level')}
                name={(k) => t('record.level', { level: k })}
              />
            </Card>
            <Card title={t('balances.byInstitution')}>
              <BalanceTable
                caption={t('balances.byInstitution')}
                rows={acc.byInstitution}
                keyLabel={t('balances.institution')}
                name={instName}
              />
            </Card>
            <Card title={t('balances.recognized')}>
              <p className="muted small">{t('balances.recognizedHint')}</p>
              <BalanceTable
                caption={t('balances.recognized')}
                rows={acc.recognized}
                keyLabel={t('balances.institution')}
                name={instName}
              />
            </Card>
            <Card title={t('balances.expired')}>
              <p className="muted small">{t('balances.expiredHint')}</p>
              <BalanceTable
                caption={t('balances.expired')}
                rows={acc.expired}
                keyLabel={t('balances.category')}
                name={(k) => k}
              />
            </Card>
          </div>
        </>
      )}
    </Page>
  );
}
