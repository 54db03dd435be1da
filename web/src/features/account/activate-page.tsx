// A learner activates their account with the one-time code their institution or the operator gave them.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { TextField } from '../../components/base/field/field.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { useDraft } from '../../lib/draft.ts';
import { execute, isResultError } from '../../lib/graphql.ts';
import { useSession } from '../../lib/session.tsx';
import { ActivateMutation, sessionOf } from './documents.ts';
import { mismatch, NewPasswordFields, type NewPassword } from './new-password-fields.tsx';

const FIELDS = ['nationalId', 'code', 'email', 'password'] as const;

export default function ActivatePage() {
  const { t } = useTranslation();
  const { session, signIn } = useSession();
  // What is typed survives a reload; passwords are never kept.
  const [draft, update, clear] = useDraft('activate', { nationalId: '', code: '', email: '' });
  const [secret, setSecret] = useState<NewPassword>({ password: '', confirm: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  if (session) return <Navigate to={session.role === 'LEARNER' ? '/record' : '/'} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const differ = mismatch(secret, t);
    if (differ) {
      setErrors({ confirm: differ });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const { activateAccount: r } = await execute(ActivateMutation, {
        input: { ...draft, email: draft.email.trim(), password: secret.password },
      });
      if (isResultError(r)) {
        const field = FIELDS.find((f) => f === r.field) ?? 'form';
        setErrors({ [field]: r.message });
      } else if (r.__typename === 'LoginOk') {
        clear();
        signIn(sessionOf(r));
      }
    } catch {
      setErrors({ form: t('common.networkError') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('portal.activate.title')} lead={t('portal.activate.lead')}>
      <form
        className="card form narrow"
        onSubmit={(e) => void submit(e)}
        noValidate
        data-testid="activate-form"
      >
        <TextField
          label={t('portal.activate.nationalId')}
          hint={t('portal.activate.nationalIdHint')}
          name="nationalId"
          autoComplete="off"
          required
          value={draft.nationalId}
          onChange={(v) => update({ nationalId: v })}
          error={errors['nationalId']}
        />
        <TextField
          label={t('portal.activate.code')}
          hint={t('portal.activate.codeHint')}
          name="code"
          autoComplete="one-time-code"
          required
          value={draft.code}
          onChange={(v) => update({ code: v })}
          error={errors['code']}
        />
        <TextField
          label={t('portal.activate.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={draft.email}
          onChange={(v) => update({ email: v })}
          error={errors['email']}
        />
        <NewPasswordFields
          label={t('portal.activate.password')}
          value={secret}
          onChange={setSecret}
          errors={errors}
        />
        {errors['form'] && <Alert tone="error" title={errors['form']} />}
        <Button type="submit" busy={busy}>
          {t('portal.activate.submit')}
        </Button>
        <p className="form-links">
          <Link to="/signin">{t('portal.activate.haveAccount')}</Link>
        </p>
      </form>
    </Page>
  );
}
