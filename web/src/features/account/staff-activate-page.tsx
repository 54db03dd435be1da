// A staff member (or operator) activates the account made for them with the one-time code they were handed.
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { TextField } from '../../components/base/field/field.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { execute } from '../../lib/graphql.ts';
import { useCodeSignIn } from './code-sign-in.ts';
import { ActivateStaffMutation } from './documents.ts';
import { NewPasswordFields } from './new-password-fields.tsx';

const EMPTY = { email: '', code: '' };

export default function StaffActivatePage() {
  const { t } = useTranslation();
  // What is typed survives a reload; passwords are never kept.
  const { session, draft, update, secret, setSecret, errors, busy, submit } = useCodeSignIn(
    'activate-staff',
    EMPTY,
    async (fields, password) =>
      (
        await execute(ActivateStaffMutation, {
          input: { email: fields.email.trim(), code: fields.code, password },
        })
      ).activateStaffAccount,
  );

  if (session) return <Navigate to={session.role === 'LEARNER' ? '/record' : '/console'} replace />;

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
