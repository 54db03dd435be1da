// The signed-in person's account: change the password, sign out on every device.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextField } from '../../components/base/field/field.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { execute, isResultError, SessionExpired } from '../../lib/graphql.ts';
import { useSession } from '../../lib/session.tsx';
import { ChangePasswordMutation, SignOutEverywhereMutation, sessionOf } from './documents.ts';

export default function AccountPage() {
  const { t } = useTranslation();
  const { session, signIn, signOut } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [changed, setChanged] = useState(false);
  const [busy, setBusy] = useState<'change' | 'everywhere' | null>(null);

  async function change(e: FormEvent) {
    e.preventDefault();
    setBusy('change');
    setErrors({});
    setChanged(false);
    try {
      const { changePassword: r } = await execute(ChangePasswordMutation, {
        currentPassword: current,
        newPassword: next,
      });
      if (isResultError(r)) {
        setErrors({
          [r.field === 'currentPassword' || r.field === 'newPassword' ? r.field : 'form']:
            r.message,
        });
      } else if (r.__typename === 'LoginOk') {
        // The old token has just been ended: this device carries on with the new one.
        signIn(sessionOf(r));
        setCurrent('');
        setNext('');
        setChanged(true);
      }
    } catch (err) {
      if (!(err instanceof SessionExpired)) setErrors({ form: t('common.networkError') });
    } finally {
      setBusy(null);
    }
  }

  async function everywhere() {
    setBusy('everywhere');
    try {
      await execute(SignOutEverywhereMutation);
      signOut();
      void navigate('/signin');
    } catch (err) {
      if (!(err instanceof SessionExpired)) setErrors({ everywhere: t('common.networkError') });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Page title={t('portal.account.title')} lead={t('portal.account.lead')}>
      {session && (
        <p>{t('portal.account.signedInAs', { name: session.name, email: session.email })}</p>
      )}
      <Card title={t('portal.account.changeTitle')}>
        <form className="form narrow" onSubmit={(e) => void change(e)} noValidate>
          {/* Lets password managers tie the new password to this account. */}
          <input
            type="email"
            name="username"
            autoComplete="username"
            value={session?.email ?? ''}
            readOnly
            hidden
          />
          <TextField
            label={t('portal.account.current')}
            type="password"
            name="currentPassword"
            autoComplete="current-password"
            required
            value={current}
            onChange={setCurrent}
            error={errors['currentPassword']}
          />
          <TextField
            label={t('portal.account.next')}
            hint={t('portal.account.nextHint')}
            type="password"
            name="newPassword"
            autoComplete="new-password"
            required
            value={next}
            onChange={setNext}
            error={errors['newPassword']}
          />
          {errors['form'] && <Alert tone="error" title={errors['form']} />}
          {changed && <Alert tone="success" title={t('portal.account.changed')} />}
          <Button type="submit" busy={busy === 'change'}>
            {t('portal.account.change')}
          </Button>
        </form>
      </Card>
      <Card title={t('portal.account.everywhereTitle')}>
        <p>{t('portal.account.everywhereText')}</p>
        {errors['everywhere'] && <Alert tone="error" title={errors['everywhere']} />}
        <Button
          variant="danger"
          busy={busy === 'everywhere'}
          onClick={() => void everywhere()}
          data-testid="sign-out-everywhere"
        >
          {t('portal.account.everywhere')}
        </Button>
      </Card>
    </Page>
  );
}
