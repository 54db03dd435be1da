// The employer's page: verify a pasted or dropped credential, or open a shared link, and see every check.
import { useCallback, useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextArea, TextField } from '../../components/base/field/field.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { useFormat } from '../../lib/format.ts';
import { CredentialDetails } from '../shared/credential-details.tsx';
import { jwtPayload, readCredential } from '../shared/credential-reader.ts';
import { useInstitutions } from '../shared/institutions.ts';
import { ChecksTable } from './checks-table.tsx';
import { readFileAsCredential } from './read-file.ts';
import { readReport, str, verifyText, type ReportView } from './report.ts';
import { Registration } from './registration.tsx';
import { SharedItems, type SharedItem } from './shared-items.tsx';
import { StatusNotice } from './status-notice.tsx';
import { Verdict } from './verdict.tsx';

const VIEWER_KEY = 'creditbank.viewer';

interface SharedInfo {
  audience: string;
  expiresAt: string;
}

export default function VerifyPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const lang = i18n.language === 'zh' ? 'zh' : 'en';
  const { token } = useParams();
  const [params] = useSearchParams();
  const institutions = useInstitutions();
  const [text, setText] = useState('');
  const [viewer, setViewer] = useState(
    () => params.get('viewer') ?? localStorage.getItem(VIEWER_KEY) ?? '',
  );
  const [report, setReport] = useState<ReportView | null>(null);
  const [shared, setShared] = useState<SharedInfo | null>(null);
  const [items, setItems] = useState<SharedItem[]>([]);
  const [recorded, setRecorded] = useState(false);
  const [gone, setGone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [inputError, setInputError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const openShared = useCallback(
    async (name: string) => {
      if (!token) return;
      setBusy(true);
      try {
        const q = name.trim() ? `?viewer=${encodeURIComponent(name.trim())}` : '';
        const res = await fetch(`/shared/${encodeURIComponent(token)}${q}`, {
          headers: { accept: 'application/json' },
        });
        const body = (await res.json()) as Record<string, unknown>;
        if (res.ok) {
          const vc = body['verifiableCredential'];
          setText(typeof vc === 'string' ? vc : JSON.stringify(vc, null, 2));
          setShared({ audience: str(body['audience']), expiresAt: str(body['expiresAt']) });
          setGone(null);
          setReport(readReport(body['verification']));
          const list = Array.isArray(body['credentials']) ? (body['credentials'] as unknown[]) : [];
          setItems(
            list.map((raw) => {
              const c = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
              const vc = c['verifiableCredential'];
              return {
                id: str(c['id']),
                text: typeof vc === 'string' ? vc : JSON.stringify(vc ?? null),
                report: readReport(c['verification']),
              };
            }),
          );
          if (name.trim()) setRecorded(true);
        } else {
          setShared(null);
          setItems([]);
          setGone(str(body['detail']) || str(body['title']) || String(res.status));
          setReport({
            ...readReport({ verified: false }),
            problem: str(body['detail']) || str(body['title']) || String(res.status),
          });
        }
      } catch {
        setReport({ ...readReport({ verified: false }), problem: t('common.networkError') });
      } finally {
        setBusy(false);
      }
    },
    [token, t],
  );

  // Each opening is recorded for the learner: open once per link, whatever React re-runs.
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (!token || opened.current === token) return;
    opened.current = token;
    void openShared(params.get('viewer') ?? localStorage.getItem(VIEWER_KEY) ?? '');
  }, [token, openShared, params]);

  async function verify(e?: FormEvent) {
    e?.preventDefault();
    if (!text.trim()) {
      setInputError(t('verify.emptyInput'));
      return;
    }
    setInputError(null);
    setBusy(true);
    try {
      setReport(await verifyText(text));
    } catch {
      setReport({ ...readReport({ verified: false }), problem: t('common.networkError') });
    } finally {
      setBusy(false);
    }
  }

  async function takeFile(file: File | undefined) {
    if (!file) return;
    const r = await readFileAsCredential(file);
    if (r.ok) {
      setText(r.text);
      setInputError(null);
    } else setInputError(t(`verify.file.${r.reason}`));
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    void takeFile(e.dataTransfer.files[0]);
  }

  const doc = report?.document ?? (text.trim().startsWith('{') ? safeJson(text) : jwtPayload(text));
  const readable = doc && report ? readCredential(doc, lang) : undefined;

  return (
    <Page
      title={token ? t('verify.sharedTitle') : t('verify.title')}
      lead={token ? undefined : t('verify.lead')}
    >
      {token && (
        <div id="shared">
          {shared && (
            <Alert
              tone="info"
              title={t('verify.sharedWith', {
                audience: shared.audience,
                until: f.dateTime(shared.expiresAt),
              })}
            />
          )}
          {gone && (
            <Alert tone="error" title={t('verify.linkGone')}>
              <p>{gone}</p>
            </Alert>
          )}
        </div>
      )}
      {items.length > 1 && <SharedItems items={items} institutions={institutions.list} />}
      {report && items.length <= 1 && (
        <section id="result" aria-live="polite">
          <Verdict id="verdict" report={report} />
          {readable && (
            <Card title={t('verify.credential')}>
              <StatusNotice credentialId={readable.id} />
              <CredentialDetails c={readable} claimedOnly={!report.verified} />
              {readable.inner.map((c, i) => (
                <CredentialDetails key={i} c={c} claimedOnly={!report.credentials[i]?.verified} />
              ))}
            </Card>
          )}
          {readable && (
            <Card title={t('verify.issuer')}>
              <Registration issuerId={readable.issuerId} institutions={institutions.list} />
            </Card>
          )}
          <Card title={t('verify.checksTitle')}>
            <ChecksTable report={report} />
            {report.credentials.map((r, i) => (
              <ChecksTable key={i} report={r} />
            ))}
          </Card>
        </section>
      )}
      {token && shared && (
        <Card title={t('verify.whoAreYou')}>
          {recorded && <Alert tone="success" title={t('portal.verifyMore.recorded')} />}
          <form
            className="form narrow"
            onSubmit={(e) => {
              e.preventDefault();
              localStorage.setItem(VIEWER_KEY, viewer.trim());
              void openShared(viewer);
            }}
          >
            <TextField
              label={t('verify.viewerName')}
              hint={t('verify.viewerHint')}
              value={viewer}
              onChange={setViewer}
              maxLength={200}
              name="viewer"
            />
            <Button type="submit" variant="secondary" busy={busy} disabled={!viewer.trim()}>
              {t('verify.tellLearner')}
            </Button>
          </form>
        </Card>
      )}
      <Card title={token ? t('verify.again') : t('verify.inputTitle')}>
        <form id="verify-form" className="form" onSubmit={(e) => void verify(e)} noValidate>
          <div
            className={dragging ? 'drop-zone dragging' : 'drop-zone'}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            data-testid="drop-zone"
          >
            <p>{t('verify.drop')}</p>
            <label className="btn btn-secondary file-label">
              {t('verify.chooseFile')}
              <input
                id="file"
                className="visually-hidden"
                type="file"
                accept=".json,.jsonld,.jwt,.txt,.pdf,application/json,application/pdf"
                onChange={(e) => void takeFile(e.target.files?.[0])}
              />
            </label>
          </div>
          <TextArea
            id="credential"
            label={t('verify.paste')}
            value={text}
            onChange={setText}
            rows={8}
            spellCheck={false}
            error={inputError}
          />
          <Button id="verify" type="submit" busy={busy}>
            {t('verify.submit')}
          </Button>
        </form>
      </Card>
    </Page>
  );
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
