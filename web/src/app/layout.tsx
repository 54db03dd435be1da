// The frame around every page: skip link, header with navigation for the signed-in role, footer.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/base/language-switch/language-switch.tsx';
import { useSession } from '../lib/session.tsx';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const links =
    session?.role === 'LEARNER'
      ? [
          ['/record', t('nav.record')],
          ['/balances', t('nav.balances')],
          ['/programmes', t('nav.programmes')],
          ['/recognition', t('nav.recognition')],
          ['/credentials', t('nav.credentials')],
          ['/sharing', t('portal.nav.sharing')],
        ]
      : session
        ? [['/console', t('nav.staff')]]
        : [];
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            学
          </span>
          {t('app.name')}
        </NavLink>
        <nav aria-label={t('nav.label')}>
          <ul>
            {links.map(([to, label]) => (
              <li key={to}>
                <NavLink to={to!}>{label}</NavLink>
              </li>
            ))}
            <li>
              <NavLink to="/verify">{t('nav.verify')}</NavLink>
            </li>
          </ul>
        </nav>
        <div className="header-tools">
          <LanguageSwitch />
          {session ? (
            <>
              <NavLink to="/account" className="user-name">
                {session.name}
              </NavLink>
              <button
                type="button"
                className="btn btn-quiet"
                onClick={() => {
                  signOut();
                  void navigate('/');
                }}
              >
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <NavLink to="/signin" className="btn btn-secondary">
              {t('nav.signIn')}
            </NavLink>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
