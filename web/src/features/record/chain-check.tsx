// The chain check in words: the server recomputes every hash of the learner's whole record.
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { LoadError } from '../../components/base/loading/loading.tsx';
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

/** Asks for the check at once (the page calls it first, so it runs beside the record's first page). */
export function useChainCheck(learnerId: string) {
  return useQuery(VerifyChainQuery, { learnerId });
}

export function ChainCheck({
  check,
  lastRecordedAt,
}: {
  check: ReturnType<typeof useChainCheck>;
  lastRecordedAt: string | undefined;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const v = check.data?.verifyChain;
  if (check.error) return <LoadError error={check.error} />;
  if (!v) {
    return (
      <p className="muted" role="status" data-testid="chain-checking">
        {t('record.checking')}
      </p>
    );
  }
  if (v.__typename !== 'ChainVerification') return <LoadError error={new Error(v.message)} />;
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
