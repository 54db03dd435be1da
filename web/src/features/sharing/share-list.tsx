// The learner's links, newest first: for whom, which credentials, until when, every opening; withdraw at will.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/base/badge/badge.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { execute, isResultError } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import { WithdrawMutation } from './documents.ts';
import type { ShareableCredential } from './share-form.tsx';

export interface ShareItem {
  id: string;
  credentialIds: string[];
  audience: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string | null;
  active: boolean;
  views: { at: string; viewer?: string | null; via: string }[];
}

export function ShareList({
  shares,
  credentials,
  onChanged,
}: {
  shares: ShareItem[];
  credentials: ShareableCredential[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function withdraw(id: string) {
    setBusy(id);
    setError(null);
    try {
      const { revokeShare: r } = await execute(WithdrawMutation, { id });
      if (isResultError(r)) setError(r.message);
      else onChanged();
    } catch {
      setError(t('common.networkError'));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card title={t('portal.sharing.yours')}>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {shares.length === 0 && <p>{t('portal.sharing.noShares')}</p>}
      <ul className="plain share-list" data-testid="share-list">
        {shares.map((s) => (
          <li key={s.id} className="share-item" data-share-id={s.id}>
            <h3>
              {t('portal.sharing.withAudience', { audience: s.audience })}{' '}
              {s.active ? (
                <Badge tone="good">{t('portal.sharing.active')}</Badge>
              ) : s.revokedAt ? (
                <Badge tone="bad">{t('portal.sharing.withdrawn')}</Badge>
              ) : (
                <Badge>{t('portal.sharing.expired')}</Badge>
              )}
            </h3>
            <p className="muted small">
              {t('portal.sharing.created', { date: f.dateTime(s.createdAt) })} ·{' '}
              {s.revokedAt
                ? t('portal.sharing.withdrawnOn', { date: f.dateTime(s.revokedAt) })
                : t('portal.sharing.until', { date: f.dateTime(s.expiresAt) })}
            </p>
            <p>
              {t('portal.sharing.credentialsOf', { count: s.credentialIds.length })}:{' '}
              {s.credentialIds
                .map((id) => credentials.find((c) => c.id === id)?.label ?? id)
                .join('；')}
            </p>
            {s.views.length === 0 ? (
              <p className="muted">{t('portal.sharing.notOpened')}</p>
            ) : (
              <table className="table" data-testid="share-openings">
                <caption>
                  {t('portal.sharing.openings', { count: s.views.length })} ·{' '}
                  {t('portal.sharing.openingsCaption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('portal.sharing.when')}</th>
                    <th scope="col">{t('portal.sharing.who')}</th>
                    <th scope="col">{t('portal.sharing.how')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.views.map((v, i) => (
                    <tr key={i}>
                      <td>{f.dateTime(v.at)}</td>
                      <td>
                        {v.viewer ?? <span className="muted">{t('portal.sharing.anonymous')}</span>}
                      </td>
                      <td>{t(`portal.sharing.via.${v.via}`, { defaultValue: v.via })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {s.active && (
              <Button
                variant="danger"
                busy={busy === s.id}
                onClick={() => void withdraw(s.id)}
                data-testid="withdraw-share"
              >
                {t('portal.sharing.withdraw')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
