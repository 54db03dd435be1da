// The learner's credentials: each with its status, downloadable as issued (JSON or JWT) and as a printable PDF.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Badge } from '../../components/base/badge/badge.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { LoadError, Loading } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import type { LearnerCredentialsQuery as Result } from '../../gql/graphql.ts';
import { SessionExpired } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { jwtPayload, readCredential } from '../shared/credential-reader.ts';
import { useInstitutions } from '../shared/institutions.ts';
import { LearnerCredentialsQuery } from './documents.ts';
import { downloadIssued, downloadPdf } from './download.ts';

type Item = Extract<
  Result['learnerCredentials'],
  { __typename: 'IssuedCredentialList' }
>['items'][number];

function documentOf(serialized: string): Record<string, unknown> {
  const text = serialized.trim();
  if (!text.startsWith('{')) return jwtPayload(text) ?? {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function StatusLine({ c }: { c: Item }) {
  const { t } = useTranslation();
  const f = useFormat();
  const status = c.revoked ? 'revoked' : c.suspended ? 'suspended' : 'active';
  const last = [...c.history].reverse().find((h) => h.action === status);
  return (
    <p className="credential-status" data-testid="credential-status" data-status={status}>
      <Badge tone={status === 'active' ? 'good' : status === 'revoked' ? 'bad' : 'warn'}>
        {t(`credentials.status.${status}`)}
      </Badge>{' '}
      {last &&
        t('credentials.status.since', {
          status: t(`credentials.status.${status}`),
          date: f.date(last.at),
          reason: last.reason,
        })}
    </p>
  );
}

function CredentialCard({ c }: { c: Item }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { session } = useSession();
  const institutions = useInstitutions();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const readable = readCredential(documentOf(c.serialized), f.lang === 'zh' ? 'zh' : 'en');
  const issuer = f.text(institutions.byId.get(c.institutionId)?.name) || readable.issuerName;
  const jwt = c.format === 'VC_JWT';
  async function pdf() {
    setBusy(true);
    setError(null);
    try {
      await downloadPdf(c.id, session!.token);
    } catch (e) {
      if (!(e instanceof SessionExpired))
        setError(t('credentials.pdfFailed', { message: e instanceof Error ? e.message : '' }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="credential" data-testid="credential" data-credential-id={c.id}>
      <Card
        headingLevel={2}
        title={readable.name || t(`credentials.kind.${c.kind}`)}
        actions={<Badge>{t(`credentials.kind.${c.kind}`)}</Badge>}
      >
        <StatusLine c={c} />
        <p>{t('credentials.issuedBy', { issuer, date: f.date(c.issuedAt) })}</p>
        {readable.courses.length > 0 && (
          <p className="muted">{t('credentials.courses', { count: readable.courses.length })}</p>
        )}
        <p className="muted small">
          {t('credentials.securedAs', { format: t(`credentials.format.${c.format}`) })}{' '}
          {jwt ? t('credentials.onlyJwt') : t('credentials.onlyJson')}
        </p>
        <div className="actions">
          <Button
            variant="secondary"
            onClick={() => downloadIssued(c)}
            data-testid="download-issued"
          >
            {jwt ? t('credentials.downloadJwt') : t('credentials.downloadJson')}
          </Button>
          <Button busy={busy} onClick={() => void pdf()} data-testid="download-pdf">
            {t('credentials.downloadPdf')}
          </Button>
        </div>
        {error && <Alert tone="error">{error}</Alert>}
      </Card>
    </li>
  );
}

export default function CredentialsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const q = useQuery(LearnerCredentialsQuery, { learnerId: session!.learnerId! });
  const list = q.data?.learnerCredentials;
  return (
    <Page title={t('credentials.title')} lead={t('credentials.lead')}>
      {q.error && <LoadError error={q.error} />}
      {q.loading && !list && <Loading />}
      {list?.__typename === 'ResultError' && <LoadError error={new Error(list.message)} />}
      {list?.__typename === 'IssuedCredentialList' && (
        <>
          {list.items.length === 0 && <p>{t('credentials.empty')}</p>}
          {list.items.length > 0 && <p className="muted">{t('credentials.pdfHint')}</p>}
          <ul className="credential-list">
            {[...list.items]
              .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))
              .map((c) => (
                <CredentialCard key={c.id} c={c} />
              ))}
          </ul>
        </>
      )}
    </Page>
  );
}
