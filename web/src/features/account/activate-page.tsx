// A learner activates their account with the one-time code their institution or the operator gave them.
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { TextField } from '../../components/base/field/field.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { execute } from '../../lib/graphql.ts';
import { useCodeSignIn } from './code-sign-in.ts';
import { ActivateMutation } from './documents.ts';
import { NewPasswordFields } from './new-password-fields.tsx';

const EMPTY = { nationalId: '', code: '', email: '' };

export default function ActivatePage() {
  const { t } = useTranslation();
  // What is typed survives a reload; passwords are never kept.
  const { session, draft, update, secret, setSecret, errors, busy, submit } = useCodeSignIn(
    'activate',
    EMPTY,
    async (fields, password) =>
      (
        await execute(ActivateMutation, {
          input: { ...fields, email: fields.email.trim(), password },
        })
      ).activateAccount,
  );

  if (session) return <Navigate to={session.role === 'LEARNER' ? '/record' : '/'} replace />;

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
