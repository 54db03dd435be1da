// Sign-in for learners, staff and the operator; returns to the page that asked for it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { TextField } from '../../components/base/field/field.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { graphql } from '../../gql/index.ts';
import { execute, isResultError } from '../../lib/graphql.ts';
import { useSession, type Role } from '../../lib/session.tsx';
import { sessionOf } from '../account/documents.ts';

const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      __typename
      ...SignedIn
      ... on ResultError {
        code
        message
        field
      }
    }
  }
`);

/** Only a path of this app, never another site, is followed after sign-in. */
function safeNext(next: string | null, role: Role): string {
  if (next && next.startsWith('/') && !next.startsWith('//')) return next;
  return role === 'LEARNER' ? '/record' : '/console';
}

export default function SignInPage() {
  const { t } = useTranslation();
  const { session, ended, signIn } = useSession();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session) return <Navigate to={safeNext(params.get('next'), session.role)} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { login } = await execute(LoginMutation, { email: email.trim(), password });
      if (isResultError(login)) {
        setError(login.code === 'UNAUTHENTICATED' ? t('signIn.wrong') : login.message);
      } else if (login.__typename === 'LoginOk') {
        signIn(sessionOf(login));
      }
    } catch {
      setError(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('signIn.title')} lead={t('signIn.lead')}>
      {ended === 'expired' && <Alert tone="warning" title={t('signIn.expired')} />}
      <form className="card form narrow" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('signIn.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
        />
        <TextField
          label={t('signIn.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
          error={error}
        />
        <Button type="submit" busy={busy}>
          {t('signIn.submit')}
        </Button>
        <p className="form-links">
          <Link to="/activate">{t('portal.signInLinks.activate')}</Link>
          <Link to="/reset">{t('portal.signInLinks.reset')}</Link>
        </p>
      </form>
    </Page>
  );
}
