// The page behind a printed credential's QR code: the credential as signed, checked now, and its status history.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Badge } from '../../components/base/badge/badge.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { Loading } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { useFormat } from '../../lib/format.ts';
import { CredentialDetails } from '../shared/credential-details.tsx';
import { jwtPayload, readCredential } from '../shared/credential-reader.ts';
import { ChecksTable } from '../verify/checks-table.tsx';
import { readReport, str, type ReportView } from '../verify/report.ts';

interface Printed {
  document: Record<string, unknown>;
  report: ReportView;
  revoked: boolean;
  suspended: boolean;
  history: { action: string; reason: string; at: string }[];
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** A JWT comes in a VC 2.0 envelope (a data: URL); a Data Integrity credential as itself. */
function documentOf(vc: unknown): Record<string, unknown> {
  const id = str(obj(vc)['id']);
  const jwt = /^data:application\/vc\+jwt,(.+)$/.exec(id)?.[1];
  return jwt ? (jwtPayload(jwt) ?? {}) : obj(vc);
}

export default function PrintedCredentialPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { id } = useParams();
  const [params] = useSearchParams();
  const digest = params.get('d') ?? '';
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'failed'; message: string } | ({ status: 'ok' } & Printed)
  >({ status: 'loading' });

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const res = await fetch(
          `/verify/credentials/${encodeURIComponent(id ?? '')}?d=${encodeURIComponent(digest)}`,
          { headers: { accept: 'application/json' } },
        );
        const body = obj(await res.json());
        if (!live) return;
        if (!res.ok) {
          setState({
            status: 'failed',
            message: res.status === 404 ? t('credentials.printed.notFound') : str(body['detail']),
          });
          return;
        }
        setState({
          status: 'ok',
          document: documentOf(body['verifiableCredential']),
          report: readReport(body['verification']),
          revoked: body['revoked'] === true,
          suspended: body['suspended'] === true,
          history: (Array.isArray(body['history']) ? body['history'] : []).map((h) => ({
            action: str(obj(h)['action']),
            reason: str(obj(h)['reason']),
            at: str(obj(h)['at']),
          })),
        });
      } catch {
        if (live) setState({ status: 'failed', message: t('common.networkError') });
      }
    })();
    return () => {
      live = false;
    };
  }, [id, digest, t]);

  const status =
    state.status !== 'ok'
      ? null
      : state.revoked
        ? 'revoked'
        : state.suspended
          ? 'suspended'
          : 'active';
  return (
    <Page title={t('credentials.printed.title')} lead={t('credentials.printed.lead')}>
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && (
        <Alert tone="error" title={t('verify.notVerified')}>
          {state.message}
        </Alert>
      )}
      {state.status === 'ok' && (
        <section id="result" aria-live="polite">
          <p id="verdict" className={state.report.verified ? 'verdict ok' : 'verdict bad'}>
            {state.report.verified ? t('verify.verified') : t('verify.notVerified')}
          </p>
          <Card title={t('credentials.printed.status')}>
            <p data-testid="printed-status" data-status={status}>
              <Badge tone={status === 'active' ? 'good' : status === 'revoked' ? 'bad' : 'warn'}>
                {t(`credentials.status.${status}`)}
              </Badge>
            </p>
            {state.history.length > 0 && (
              <ul className="plain" aria-label={t('credentials.printed.history')}>
                {state.history.map((h, i) => (
                  <li key={i}>
                    {f.dateTime(h.at)} ·{' '}
                    {t(`credentials.printed.action.${h.action}`, { defaultValue: h.action })}
                    {h.reason ? ` · ${h.reason}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t('verify.credential')}>
            <CredentialDetails
              c={readCredential(state.document, f.lang === 'zh' ? 'zh' : 'en')}
              claimedOnly={!state.report.verified}
            />
          </Card>
          <Card title={t('verify.checksTitle')}>
            <ChecksTable report={state.report} />
          </Card>
        </section>
      )}
    </Page>
  );
}
