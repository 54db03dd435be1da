// Keys and integration: the institution's API keys (secret shown once, last use, revoke), signing keys (rotate, revoke) and DID document.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Badge } from '../../components/base/badge/badge.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextField } from '../../components/base/field/field.tsx';
import { LoadError, Loading } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import type { ApiKeyScope, ConsoleSigningKeysQuery, KeyType } from '../../gql/graphql.ts';
import { execute, isResultError } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import {
  ApiKeysQuery,
  CreateApiKeyMutation,
  RevokeApiKeyMutation,
  RevokeSigningKeyMutation,
  RotateSigningKeyMutation,
  SigningKeysQuery,
} from './operator-documents.ts';
import { fieldErrorsOf, useInstitutionId, type FieldErrors } from './use-institution.ts';

const SCOPES: ApiKeyScope[] = ['RECORDS_WRITE', 'RECORDS_READ', 'CREDENTIALS_ISSUE'];
const KEY_TYPES: KeyType[] = ['ED25519', 'P256'];
const TYPE_NAME: Record<KeyType, string> = { ED25519: 'Ed25519', P256: 'P-256' };

type SigningKey = ConsoleSigningKeysQuery['signingKeys'][number];

/** The last part of a verification method id (`did:web:…#key-1` → `key-1`). */
const shortKey = (id: string) => id.split('#').at(-1) ?? id;

export default function KeysPage() {
  const { t } = useTranslation();
  const institutionId = useInstitutionId();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Page title={t('operator.keys.title')} lead={t('operator.keys.lead')}>
      {notice && <Alert tone="success" title={notice} />}
      <ApiKeys institutionId={institutionId} onNotice={setNotice} />
      <SigningKeys institutionId={institutionId} onNotice={setNotice} />
    </Page>
  );
}

function ApiKeys({
  institutionId,
  onNotice,
}: {
  institutionId: string;
  onNotice: (m: string | null) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useQuery(ApiKeysQuery, { institutionId });
  const [label, setLabel] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['RECORDS_WRITE', 'RECORDS_READ']);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [created, setCreated] = useState<{ label: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);

  async function create(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral(null);
    setCreated(null);
    onNotice(null);
    try {
      const { createApiKey: r } = await execute(CreateApiKeyMutation, {
        institutionId,
        label,
        scopes,
      });
      if (isResultError(r)) {
        const { fields, general: g } = fieldErrorsOf(r, ['label', 'scopes']);
        setErrors(fields);
        setGeneral(g);
      } else {
        setCreated({ label: r.apiKey.label, token: r.token });
        setCopied(false);
        setLabel('');
        list.reload();
      }
    } catch {
      setGeneral(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(id: string, keyLabel: string) {
    onNotice(null);
    setGeneral(null);
    try {
      const { revokeApiKey: r } = await execute(RevokeApiKeyMutation, { id });
      if (isResultError(r)) setGeneral(r.message);
      else onNotice(t('operator.keys.revokedOk', { label: keyLabel }));
      list.reload();
    } catch {
      setGeneral(t('common.networkError'));
    }
  }

  const result = list.data?.apiKeys;
  const toggle = (s: ApiKeyScope) =>
    setScopes((all) => (all.includes(s) ? all.filter((x) => x !== s) : [...all, s]));
  return (
    <Card title={t('operator.keys.apiKeys')}>
      {list.error && <LoadError error={list.error} />}
      {general && (
        <Alert tone="error" title={t('operator.keys.failed')}>
          {general}
        </Alert>
      )}
      {created && (
        <Alert tone="success" title={t('operator.keys.secretTitle', { label: created.label })}>
          <div className="secret-row">
            <TextField
              label={t('operator.keys.secretLabel')}
              value={created.token}
              readOnly
              onChange={() => undefined}
              name="apiKeySecret"
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button
              variant="secondary"
              onClick={() =>
                void navigator.clipboard?.writeText(created.token).then(() => setCopied(true))
              }
            >
              {copied ? t('operator.keys.copied') : t('operator.keys.copy')}
            </Button>
          </div>
        </Alert>
      )}
      {!result && list.loading && <Loading />}
      {result && isResultError(result) && <Alert tone="error" title={result.message} />}
      {result &&
        !isResultError(result) &&
        (result.items.length === 0 ? (
          <p>{t('operator.keys.none')}</p>
        ) : (
          <table className="table" data-testid="api-keys">
            <caption>{t('operator.keys.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('operator.keys.label')}</th>
                <th scope="col">{t('operator.keys.scopes')}</th>
                <th scope="col">{t('operator.keys.created')}</th>
                <th scope="col">{t('operator.keys.lastUsed')}</th>
                <th scope="col">{t('operator.keys.status')}</th>
                <th scope="col">{t('operator.institutions.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {[...result.items].reverse().map((k) => (
                <tr key={k.id} data-key-label={k.label}>
                  <td>
                    {k.label} <code className="muted">{k.id}</code>
                  </td>
                  <td>{k.scopes.map((s) => t(`operator.keys.scope.${s}`)).join(', ')}</td>
                  <td>{f.dateTime(k.createdAt)}</td>
                  <td>{k.lastUsedAt ? f.dateTime(k.lastUsedAt) : t('operator.keys.never')}</td>
                  <td>
                    {k.revokedAt ? (
                      <Badge tone="bad">{t('operator.keys.revoked')}</Badge>
                    ) : (
                      <Badge tone="good">{t('operator.keys.active')}</Badge>
                    )}
                  </td>
                  <td>
                    {!k.revokedAt && (
                      <Button
                        variant="danger"
                        aria-label={`${t('operator.keys.revoke')} ${k.label}`}
                        onClick={() => void revoke(k.id, k.label)}
                      >
                        {t('operator.keys.revoke')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <form className="form" onSubmit={(e) => void create(e)} noValidate data-testid="api-key-form">
        <h3>{t('operator.keys.create')}</h3>
        <TextField
          label={t('operator.keys.label')}
          hint={t('operator.keys.labelHint')}
          value={label}
          onChange={setLabel}
          error={errors['label']}
          name="label"
          autoComplete="off"
        />
        <fieldset
          className="choices"
          aria-describedby={errors['scopes'] ? 'api-key-scopes-error' : undefined}
        >
          <legend>{t('operator.keys.scopes')}</legend>
          {SCOPES.map((s) => (
            <label key={s} className="choice">
              <input
                type="checkbox"
                value={s}
                checked={scopes.includes(s)}
                onChange={() => toggle(s)}
              />
              <span>{t(`operator.keys.scope.${s}`)}</span>
            </label>
          ))}
          {errors['scopes'] && (
            <p className="field-error" id="api-key-scopes-error" role="alert">
              {errors['scopes']}
            </p>
          )}
        </fieldset>
        <Button type="submit" busy={busy}>
          {t('operator.keys.submit')}
        </Button>
      </form>
    </Card>
  );
}

function SigningKeys({
  institutionId,
  onNotice,
}: {
  institutionId: string;
  onNotice: (m: string | null) => void;
}) {
  const { t } = useTranslation();
  const keys = useQuery(SigningKeysQuery, { institutionId });
  const [general, setGeneral] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<SigningKey | null>(null);
  const [busy, setBusy] = useState(false);

  async function rotate(type: KeyType) {
    setBusy(true);
    setGeneral(null);
    onNotice(null);
    try {
      const { rotateSigningKey: r } = await execute(RotateSigningKeyMutation, {
        institutionId,
        type,
      });
      if (isResultError(r)) setGeneral(r.message);
      else onNotice(t('operator.keys.rotated', { type: TYPE_NAME[type] }));
      keys.reload();
    } catch {
      setGeneral(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  }

  const data = keys.data;
  // Newest first: the current key of each type leads.
  const list = [...(data?.signingKeys ?? [])].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <>
      <Card
        title={t('operator.keys.signing')}
        actions={KEY_TYPES.map((type) => (
          <Button key={type} variant="secondary" busy={busy} onClick={() => void rotate(type)}>
            {t('operator.keys.rotate', { type: TYPE_NAME[type] })}
          </Button>
        ))}
      >
        <p className="muted">{t('operator.keys.signingLead')}</p>
        {keys.error && <LoadError error={keys.error} />}
        {general && (
          <Alert tone="error" title={t('operator.keys.failed')}>
            {general}
          </Alert>
        )}
        {!data && keys.loading && <Loading />}
        {revoking && (
          <RevokeSigningKey
            signingKey={revoking}
            onCancel={() => setRevoking(null)}
            onDone={() => {
              setRevoking(null);
              onNotice(t('operator.keys.signingRevoked'));
              keys.reload();
            }}
          />
        )}
        {data && <SigningKeyTable list={list} onRevoke={(k) => (onNotice(null), setRevoking(k))} />}
      </Card>
      {data?.institutionDid && (
        <Card title={t('operator.keys.did')}>
          <p className="muted">{t('operator.keys.didLead')}</p>
          <p>
            <code data-testid="institution-did">{data.institutionDid.did}</code>
          </p>
          <pre className="did-document" tabIndex={0} aria-label={t('operator.keys.did')}>
            {JSON.stringify(JSON.parse(data.institutionDid.document), null, 2)}
          </pre>
        </Card>
      )}
    </>
  );
}

function SigningKeyTable({
  list,
  onRevoke,
}: {
  list: SigningKey[];
  onRevoke: (k: SigningKey) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <table className="table" data-testid="signing-keys">
      <caption>{t('operator.keys.signingCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('operator.keys.keyId')}</th>
          <th scope="col">{t('operator.keys.type')}</th>
          <th scope="col">{t('operator.keys.created')}</th>
          <th scope="col">{t('operator.keys.status')}</th>
          <th scope="col">{t('operator.institutions.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((k) => (
          <tr key={k.id} data-key-id={k.id}>
            <td>
              <code>{shortKey(k.id)}</code>
            </td>
            <td>{TYPE_NAME[k.type]}</td>
            <td>{f.dateTime(k.createdAt)}</td>
            <td>
              {k.revokedAt ? (
                <>
                  <Badge tone="bad">
                    {t('operator.keys.revokedAt', { date: f.dateTime(k.revokedAt) })}
                  </Badge>
                  {k.revocationReason && <span className="muted"> · {k.revocationReason}</span>}
                </>
              ) : k.retiredAt ? (
                <Badge>{t('operator.keys.retired', { date: f.dateTime(k.retiredAt) })}</Badge>
              ) : (
                <Badge tone="good">{t('operator.keys.current')}</Badge>
              )}
            </td>
            <td>
              {!k.revokedAt && (
                <Button
                  variant="danger"
                  aria-label={`${t('operator.keys.revoke')} ${shortKey(k.id)}`}
                  onClick={() => onRevoke(k)}
                >
                  {t('operator.keys.revoke')}
                </Button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A `datetime-local` value (local time, no zone) as an ISO timestamp, or null when empty. */
function localToIso(v: string): string | null {
  if (!v.trim()) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : d.toISOString();
}

function RevokeSigningKey({
  signingKey,
  onCancel,
  onDone,
}: {
  signingKey: SigningKey;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [compromisedAt, setCompromisedAt] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      const { revokeSigningKey: r } = await execute(RevokeSigningKeyMutation, {
        keyId: signingKey.id,
        reason,
        compromisedAt: localToIso(compromisedAt),
      });
      if (isResultError(r)) {
        const { fields, general: g } = fieldErrorsOf(r, ['reason', 'compromisedAt']);
        setErrors(fields);
        setGeneral(g);
      } else onDone();
    } catch {
      setGeneral(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={t('operator.keys.revokeTitle', { id: shortKey(signingKey.id) })}
      headingLevel={3}
      className="entry-change"
    >
      {general && (
        <Alert tone="error" title={t('operator.keys.failed')}>
          {general}
        </Alert>
      )}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('operator.keys.reason')}
          hint={t('operator.keys.reasonHint')}
          value={reason}
          onChange={setReason}
          error={errors['reason']}
          name="reason"
        />
        <TextField
          label={t('operator.keys.compromisedAt')}
          hint={t('operator.keys.compromisedAtHint')}
          type="datetime-local"
          step={1}
          value={compromisedAt}
          onChange={setCompromisedAt}
          error={errors['compromisedAt']}
          name="compromisedAt"
        />
        <div className="actions">
          <Button type="submit" variant="danger" busy={busy}>
            {t('operator.keys.revokeSubmit')}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('operator.institutions.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
