// A revoked or suspended credential's date and the issuer's reason, asked of this credit bank by the credential's id.
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { graphql } from '../../gql/index.ts';
import { useFormat } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';

const StatusNoticeQuery = graphql(`
  query CredentialStatusNotice($id: ID!) {
    credentialStatusNotice(id: $id) {
      __typename
      ... on CredentialStatusNotice {
        credentialId
        revoked
        suspended
        changes {
          action
          reason
          at
        }
      }
      ... on ResultError {
        code
        message
      }
    }
  }
`);

/** Nothing for a credential in good standing, or one not issued here (its status check says enough). */
export function StatusNotice({ credentialId }: { credentialId: string | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useQuery(StatusNoticeQuery, { id: credentialId ?? '' }, { skip: !credentialId });
  const n = q.data?.credentialStatusNotice;
  if (!n || n.__typename !== 'CredentialStatusNotice' || n.changes.length === 0) return null;
  const last = (action: string) => [...n.changes].reverse().find((c) => c.action === action);
  const revoked = n.revoked ? last('revoked') : undefined;
  const suspended = !n.revoked && n.suspended ? last('suspended') : undefined;
  return (
    <div data-testid="status-notice">
      {revoked && (
        <Alert
          tone="error"
          title={t('portal.verifyMore.revokedOn', {
            date: f.dateTime(revoked.at),
            reason: revoked.reason,
          })}
        />
      )}
      {suspended && (
        <Alert
          tone="warning"
          title={t('portal.verifyMore.suspendedOn', {
            date: f.dateTime(suspended.at),
            reason: suspended.reason,
          })}
        />
      )}
      {!revoked && !suspended && (
        <ul className="plain muted small">
          {n.changes.map((c, i) => (
            <li key={i}>
              {t(
                c.action === 'revoked'
                  ? 'portal.verifyMore.revokedOn'
                  : c.action === 'suspended'
                    ? 'portal.verifyMore.suspendedOn'
                    : 'portal.verifyMore.reinstatedOn',
                { date: f.dateTime(c.at), reason: c.reason },
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
