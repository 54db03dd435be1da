// The chain check in words: the server recomputes every hash of the learner's record.
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { graphql } from '../../gql/index.ts';
import { useFormat } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';

const VerifyChainQuery = graphql(`
  query VerifyChain($learnerId: ID!) {
    verifyChain(learnerId: $learnerId) {
      __typename
      ... on ChainVerification {
        valid
        entries
        headHash
        firstBroken {
          seq
          reason
        }
      }
      ... on ResultError {
        message
      }
    }
  }
`);

export function ChainCheck({
  learnerId,
  lastRecordedAt,
}: {
  learnerId: string;
  lastRecordedAt: string | undefined;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useQuery(VerifyChainQuery, { learnerId });
  const v = q.data?.verifyChain;
  if (!v) return null;
  if (v.__typename !== 'ChainVerification') return null;
  if (v.valid) {
    return (
      <div data-testid="chain-check">
        <Alert
          tone="success"
          title={t('record.chainIntact', { count: v.entries, last: f.date(lastRecordedAt) })}
        >
          <p className="muted small">{t('record.chainHow', { hash: v.headHash.slice(0, 16) })}</p>
        </Alert>
      </div>
    );
  }
  return (
    <div data-testid="chain-check">
      <Alert tone="error" title={t('record.chainBroken', { seq: v.firstBroken?.seq ?? '?' })}>
        <p>{v.firstBroken?.reason}</p>
      </Alert>
    </div>
  );
}
