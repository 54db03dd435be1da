// A new shared link: the learner ticks credentials, names the audience and the duration; the link and its QR code follow.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextField } from '../../components/base/field/field.tsx';
import { Select } from '../../components/base/select/select.tsx';
import { useDraft } from '../../lib/draft.ts';
import { execute, isResultError } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import { ShareMutation } from './documents.ts';
import { QrLink } from './qr-link.tsx';

/** Fields whose errors are shown beside them; any other field's error is shown for the form. */
const SHOWN = ['credentialIds', 'audience', 'expiresInHours'];

export interface ShareableCredential {
  id: string;
  label: string;
  issuer: string;
  issuedAt: string;
  kind: string;
}

const DURATIONS = [24, 72, 168, 720, 2160];

export function ShareForm({
  credentials,
  onShared,
}: {
  credentials: ShareableCredential[];
  onShared: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [draft, update, clear] = useDraft('share', {
    credentialIds: [] as string[],
    audience: '',
    hours: '168',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ url: string; audience: string; until: string } | null>(
    null,
  );
  const chosen = draft.credentialIds.filter((id) => credentials.some((c) => c.id === id));
  const toggle = (id: string) =>
    update({
      credentialIds: chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id],
    });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (chosen.length === 0) local['credentialIds'] = t('portal.sharing.chooseOne');
    if (!draft.audience.trim()) local['audience'] = t('portal.sharing.audienceMissing');
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const { shareCredential: r } = await execute(ShareMutation, {
        input: {
          credentialIds: chosen,
          audience: draft.audience.trim(),
          expiresInHours: Number(draft.hours),
        },
      });
      if (isResultError(r))
        setErrors({ [r.field && SHOWN.includes(r.field) ? r.field : 'form']: r.message });
      else if (r.__typename === 'CreatedShare') {
        setCreated({ url: r.url, audience: r.share.audience, until: r.share.expiresAt });
        clear();
        onShared();
      }
    } catch {
      setErrors({ form: t('common.networkError') });
    } finally {
      setBusy(false);
    }
  }

  const duration = (h: number) =>
    h < 72 ? t('portal.sharing.hours', { count: h }) : t('portal.sharing.days', { count: h / 24 });

  return (
    <Card title={t('portal.sharing.newTitle')}>
      {created && (
        <div data-testid="share-created">
          <Alert tone="success" title={t('portal.sharing.createdTitle')}>
            <p>
              {t('portal.sharing.createdText', {
                audience: created.audience,
                until: f.dateTime(created.until),
              })}
            </p>
          </Alert>
          <QrLink url={created.url} />
        </div>
      )}
      {credentials.length === 0 ? (
        <p>{t('portal.sharing.none')}</p>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="share-form">
          <fieldset
            className="choices"
            aria-describedby={errors['credentialIds'] ? 'share-choice-error' : undefined}
          >
            <legend>{t('portal.sharing.choose')}</legend>
            {credentials.map((c) => (
              <label key={c.id} className="choice">
                <input
                  type="checkbox"
                  value={c.id}
                  checked={chosen.includes(c.id)}
                  onChange={() => toggle(c.id)}
                />
                <span>
                  {c.label} · {c.issuer} ·{' '}
                  <span className="muted">
                    {t('portal.sharing.issuedOn', { date: f.date(c.issuedAt) })}
                  </span>
                </span>
              </label>
            ))}
            {errors['credentialIds'] && (
              <p className="field-error" id="share-choice-error" role="alert">
                {errors['credentialIds']}
              </p>
            )}
          </fieldset>
          <TextField
            label={t('portal.sharing.audience')}
            hint={t('portal.sharing.audienceHint')}
            name="audience"
            maxLength={200}
            value={draft.audience}
            onChange={(v) => update({ audience: v })}
            error={errors['audience']}
          />
          <Select
            label={t('portal.sharing.duration')}
            name="hours"
            value={draft.hours}
            onChange={(v) => update({ hours: v })}
            options={DURATIONS.map((h) => ({ value: String(h), label: duration(h) }))}
          />
          {(errors['form'] || errors['expiresInHours']) && (
            <Alert tone="error" title={errors['form'] ?? errors['expiresInHours']} />
          )}
          <Button type="submit" busy={busy}>
            {t('portal.sharing.submit')}
          </Button>
        </form>
      )}
    </Card>
  );
}
