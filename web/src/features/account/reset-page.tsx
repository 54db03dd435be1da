// A learner sets a new password with the one-time reset code their institution or the operator gave them.
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { TextField } from '../../components/base/field/field.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { execute } from '../../lib/graphql.ts';
import { useCodeSignIn } from './code-sign-in.ts';
import { ResetMutation } from './documents.ts';
import { NewPasswordFields } from './new-password-fields.tsx';

const EMPTY = { email: '', code: '' };

export default function ResetPage() {
  const { t } = useTranslation();
  // What is typed survives a reload; passwords are never kept.
  const { session, draft, update, secret, setSecret, errors, busy, submit } = useCodeSignIn(
    'reset',
    EMPTY,
    async (fields, password) =>
      (
        await execute(ResetMutation, {
          input: { email: fields.email.trim(), code: fields.code, password },
        })
      ).resetPassword,
  );

  if (session) return <Navigate to={session.role === 'LEARNER' ? '/record' : '/'} replace />;

  return (
    <Page title={t('portal.reset.title')} lead={t('portal.reset.lead')}>
      <form className="card form narrow" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('portal.reset.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={draft.email}
          onChange={(v) => update({ email: v })}
          error={errors['email']}
        />
        <TextField
          label={t('portal.reset.code')}
          name="code"
          autoComplete="one-time-code"
          required
          value={draft.code}
          onChange={(v) => update({ code: v })}
          error={errors['code']}
        />
        <NewPasswordFields
          label={t('portal.reset.password')}
          value={secret}
          onChange={setSecret}
          errors={errors}
        />
        {errors['form'] && <Alert tone="error" title={errors['form']} />}
        <Button type="submit" busy={busy}>
          {t('portal.reset.submit')}
        </Button>
      </form>
    </Page>
  );
}
