// A staff member (or operator) activates the account made for them with the one-time code they were handed.
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
import { ActivateStaffMutation, sessionOf } from './documents.ts';
import { mismatch, NewPasswordFields, type NewPassword } from './new-password-fields.tsx';

const FIELDS = ['email', 'code', 'password'] as const;

export default function StaffActivatePage() {
  const { t } = useTranslation();
  const { session, signIn } = useSession();
  // What is typed survives a reload; passwords are never kept.
  const [draft, update, clear] = useDraft('activate-staff', { email: '', code: '' });
  const [secret, setSecret] = useState<NewPassword>({ password: '', confirm: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  if (session) return <Navigate to={session.role === 'LEARNER' ? '/record' : '/console'} replace />;

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
      const { activateStaffAccount: r } = await execute(ActivateStaffMutation, {
        input: { email: draft.email.trim(), code: draft.code, password: secret.password },
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
    <Page title={t('operator.activate.title')} lead={t('operator.activate.lead')}>
      <form
        className="card form narrow"
        onSubmit={(e) => void submit(e)}
        noValidate
        data-testid="activate-staff-form"
      >
        <TextField
          label={t('operator.activate.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={draft.email}
          onChange={(v) => update({ email: v })}
          error={errors['email']}
        />
        <TextField
          label={t('operator.activate.code')}
          hint={t('operator.activate.codeHint')}
          name="code"
          autoComplete="one-time-code"
          required
          value={draft.code}
          onChange={(v) => update({ code: v })}
          error={errors['code']}
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
