// The learner's sharing page: one link for one or several credentials, with its QR code, and every opening.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Loading } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { isResultError } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { useInstitutions } from '../shared/institutions.ts';
import { credentialName } from './credential-label.ts';
import { SharingQuery } from './documents.ts';
import { ShareForm, type ShareableCredential } from './share-form.tsx';
import { ShareList } from './share-list.tsx';

export default function SharingPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { session } = useSession();
  const institutions = useInstitutions();
  const q = useQuery(SharingQuery, { learnerId: session?.learnerId ?? '' });
  const creds = q.data?.learnerCredentials;
  const shares = q.data?.credentialShares;

  const credentials: ShareableCredential[] = useMemo(
    () =>
      creds && !isResultError(creds) && creds.__typename === 'IssuedCredentialList'
        ? creds.items
            .filter((c) => !c.revoked)
            .map((c) => ({
              id: c.id,
              kind: c.kind,
              issuedAt: c.issuedAt,
              label:
                credentialName(c.serialized, f.lang === 'zh' ? 'zh' : 'en') ||
                t(`portal.sharing.kind.${c.kind}`, { defaultValue: c.kind }),
              issuer: f.text(institutions.byId.get(c.institutionId)?.name) || c.institutionId,
            }))
        : [],
    [creds, f, t, institutions.byId],
  );

  const failure =
    q.error?.message ??
    (isResultError(creds) ? creds.message : isResultError(shares) ? shares.message : null);

  return (
    <Page title={t('portal.sharing.title')} lead={t('portal.sharing.lead')}>
      {q.loading && !q.data && <Loading />}
      {failure && (
        <Alert tone="error" title={t('common.loadFailed')}>
          <p>{failure}</p>
        </Alert>
      )}
      {q.data && (
        <div className="grid-2">
          <ShareForm credentials={credentials} onShared={q.reload} />
          <ShareList
            shares={shares && shares.__typename === 'CredentialShareList' ? shares.items : []}
            credentials={credentials}
            onChanged={q.reload}
          />
        </div>
      )}
    </Page>
  );
}
