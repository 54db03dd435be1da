// Awards and credentials: award applications to confirm, one credential or a class's, and a credential's status.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Badge } from '../../components/base/badge/badge.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { LoadError, Loading } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { execute, isResultError } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { ApplicationsQuery, ConfirmAwardMutation } from './award-documents.ts';
import { CredentialStatus } from './credential-status.tsx';
import { CredentialsList } from './credentials-list.tsx';
import { IssueBatch } from './issue-batch.tsx';
import { IssueOne } from './issue-one.tsx';
import { useInstitutionId } from './use-institution.ts';

const TONE = { APPLIED: 'warn', UNDER_REVIEW: 'warn', AWARDED: 'good' } as const;

function Applications({
  onCredential,
  onConfirmed,
}: {
  onCredential: (id: string) => void;
  onConfirmed: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const institutionId = useInstitutionId();
  const q = useQuery(ApplicationsQuery, { institutionId });
  const [rowError, setRowError] = useState<{ id: string; message: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const list = q.data?.awardApplications;
  const items = list?.__typename === 'AwardApplicationList' ? list.items : [];

  async function confirm(id: string) {
    setBusy(id);
    setRowError(null);
    setNotice(null);
    try {
      const { confirmAward: r } = await execute(ConfirmAwardMutation, { applicationId: id });
      if (isResultError(r)) setRowError({ id, message: r.message });
      else {
        setNotice(t('console.awards.confirmed'));
        q.reload();
        onConfirmed();
      }
    } catch {
      setRowError({ id, message: t('common.networkError') });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card title={t('console.awards.applicationsTitle')}>
      {q.error && <LoadError error={q.error} />}
      {list?.__typename === 'ResultError' && <LoadError error={new Error(list.message)} />}
      {q.loading && !q.data && <Loading />}
      {notice && <Alert tone="success" title={notice} />}
      {q.data &&
        (items.length === 0 ? (
          <p>{t('console.awards.noApplications')}</p>
        ) : (
          <table className="table" data-testid="applications">
            <caption>{t('console.awards.applicationsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.awards.appliedOn')}</th>
                <th scope="col">{t('console.search.learner_')}</th>
                <th scope="col">{t('console.programmes.programme')}</th>
                <th scope="col">{t('console.queue.status')}</th>
                <th scope="col">{t('console.search.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {[...items]
                .sort((a, b) => a.appliedAt.localeCompare(b.appliedAt))
                .map((a) => (
                  <tr key={a.id} data-application-id={a.id}>
                    <td>{f.dateTime(a.appliedAt)}</td>
                    <td>
                      <code>{a.learnerId.slice(0, 8)}</code>
                    </td>
                    <td>
                      {a.programmeId} v{a.programmeVersion}
                    </td>
                    <td>
                      <Badge tone={TONE[a.status]}>{t(`console.awards.status.${a.status}`)}</Badge>
                      {a.reviewReason && <div className="small muted">{a.reviewReason}</div>}
                      {rowError?.id === a.id && (
                        <p className="field-error" role="alert">
                          {rowError.message}
                        </p>
                      )}
                    </td>
                    <td>
                      {a.status === 'AWARDED' ? (
                        a.credentialId && (
                          <Button variant="quiet" onClick={() => onCredential(a.credentialId!)}>
                            {t('console.awards.credential')}
                          </Button>
                        )
                      ) : (
                        <Button
                          busy={busy === a.id}
                          aria-label={`${t('console.awards.confirm')} ${a.learnerId.slice(0, 8)}`}
                          onClick={() => void confirm(a.id)}
                        >
                          {t('console.awards.confirm')}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        ))}
    </Card>
  );
}

export default function AwardsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const credentialId = params.get('credential') ?? '';
  const [changes, setChanges] = useState(0);
  const reload = () => setChanges((n) => n + 1);
  const show = (id: string) => {
    reload();
    setParams({ credential: id });
    document.getElementById('credential-status')?.scrollIntoView();
  };
  return (
    <Page title={t('console.awards.title')} lead={t('console.awards.lead')}>
      <Applications onCredential={show} onConfirmed={reload} />
      <IssueOne onIssued={show} />
      <IssueBatch />
      <CredentialsList onOpen={show} reloadKey={changes} />
      <div id="credential-status">
        <CredentialStatus initialId={credentialId} onChanged={reload} />
      </div>
    </Page>
  );
}
