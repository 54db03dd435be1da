// One credential the institution issued: its status and every change with date and reason; revoke, suspend or reinstate with a reason.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Badge } from '../../components/base/badge/badge.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextArea, TextField } from '../../components/base/field/field.tsx';
import type { ConsoleCredentialFieldsFragment } from '../../gql/graphql.ts';
import { execute, isResultError } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import {
  CredentialQuery,
  ReinstateMutation,
  RevokeMutation,
  SuspendMutation,
} from './award-documents.ts';
import { fieldErrorsOf, type FieldErrors } from './use-institution.ts';

type Action = 'revoke' | 'suspend' | 'reinstate';
const DONE = {
  revoke: 'console.awards.revoked',
  suspend: 'console.awards.suspended',
  reinstate: 'console.awards.reinstated',
} as const;

export function CredentialStatus({
  initialId,
  onChanged,
}: {
  initialId: string;
  /** Told after a revocation, suspension or reinstatement (the list above shows the new state). */
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [id, setId] = useState(initialId);
  const [credential, setCredential] = useState<ConsoleCredentialFieldsFragment | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<Action | 'find' | null>(null);

  async function find(credentialId: string, e?: FormEvent) {
    e?.preventDefault();
    setBusy('find');
    setErrors({});
    setGeneral(null);
    setNotice(null);
    try {
      const { credential: r } = await execute(CredentialQuery, { id: credentialId.trim() });
      if (isResultError(r)) {
        setCredential(null);
        setErrors({ id: r.message });
      } else setCredential(r);
    } catch {
      setGeneral(t('common.networkError'));
    } finally {
      setBusy(null);
    }
  }

  useEffect(() => {
    setId(initialId);
    if (initialId) void find(initialId);
    // Only a new id from outside (an application's or an issued credential's link) looks it up again.
  }, [initialId]);

  async function change(action: Action) {
    if (!credential) return;
    setBusy(action);
    setErrors({});
    setGeneral(null);
    setNotice(null);
    try {
      const vars = { id: credential.id, reason };
      const r =
        action === 'revoke'
          ? (await execute(RevokeMutation, vars)).revokeCredential
          : action === 'suspend'
            ? (await execute(SuspendMutation, vars)).suspendCredential
            : (await execute(ReinstateMutation, vars)).reinstateCredential;
      if (isResultError(r)) {
        const { fields, general: g } = fieldErrorsOf(r, ['reason']);
        setErrors(fields);
        setGeneral(g);
      } else {
        setCredential(r);
        setReason('');
        setNotice(t(DONE[action]));
        onChanged?.();
      }
    } catch {
      setGeneral(t('common.networkError'));
    } finally {
      setBusy(null);
    }
  }

  const c = credential;
  return (
    <Card title={t('console.awards.statusTitle')}>
      <form className="filter-row" onSubmit={(e) => void find(id, e)}>
        <TextField
          label={t('console.awards.credentialId')}
          value={id}
          onChange={setId}
          error={errors['id']}
          name="credentialId"
          autoComplete="off"
        />
        <Button type="submit" variant="secondary" busy={busy === 'find'} disabled={!id.trim()}>
          {t('console.search.go')}
        </Button>
      </form>
      {general && <Alert tone="error" title={general} />}
      {notice && <Alert tone="success" title={notice} />}
      {c && (
        <div data-testid="credential-status">
          <p>
            <strong>{t(`console.awards.kind.${c.kind}`)}</strong> ·{' '}
            {t('console.queue.learner', { id: c.learnerId.slice(0, 8) })} ·{' '}
            {t('console.awards.issuedOn', { date: f.dateTime(c.issuedAt) })} ·{' '}
            <Badge tone={c.revoked ? 'bad' : c.suspended ? 'warn' : 'good'}>
              {t(
                c.revoked
                  ? 'console.awards.revokedState'
                  : c.suspended
                    ? 'console.awards.suspendedState'
                    : 'console.awards.validState',
              )}
            </Badge>
          </p>
          <h3>{t('console.awards.statusHistory')}</h3>
          {c.history.length === 0 ? (
            <p className="muted">{t('console.awards.noChanges')}</p>
          ) : (
            <ol className="plain" data-testid="status-history">
              {c.history.map((h, i) => (
                <li key={i}>
                  {f.dateTime(h.at)} ·{' '}
                  <strong>
                    {t(`console.awards.action.${h.action}`, { defaultValue: h.action })}
                  </strong>{' '}
                  · {h.reason}
                </li>
              ))}
            </ol>
          )}
          {!c.revoked && (
            <form className="form" noValidate onSubmit={(e) => e.preventDefault()}>
              <TextArea
                label={t('console.awards.reason')}
                hint={t('console.awards.reasonHint')}
                value={reason}
                onChange={setReason}
                error={errors['reason']}
                rows={2}
                name="statusReason"
              />
              <div className="actions">
                {c.suspended ? (
                  <Button
                    variant="secondary"
                    busy={busy === 'reinstate'}
                    onClick={() => void change('reinstate')}
                  >
                    {t('console.awards.reinstate')}
                  </Button>
                ) : (
                  <Button
                    variant="secondary"
                    busy={busy === 'suspend'}
                    onClick={() => void change('suspend')}
                  >
                    {t('console.awards.suspend')}
                  </Button>
                )}
                <Button
                  variant="danger"
                  busy={busy === 'revoke'}
                  onClick={() => void change('revoke')}
                >
                  {t('console.awards.revoke')}
                </Button>
              </div>
            </form>
          )}
        </div>
      )}
    </Card>
  );
}
