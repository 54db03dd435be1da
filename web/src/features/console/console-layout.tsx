// The console's shell: a section nav of the pages the signed-in role may use, and the page itself.
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useSession, type Role } from '../../lib/session.tsx';

/** The console's pages; other areas of the console add theirs here (each says who may use it). */
export const CONSOLE_LINKS: { to: string; label: string; roles: Role[] }[] = [
  { to: '/console', label: 'console.home', roles: ['STAFF', 'OPERATOR'] },
  { to: '/console/record', label: 'console.recordOne', roles: ['STAFF'] },
  { to: '/console/records', label: 'console.records', roles: ['STAFF'] },
  { to: '/console/import', label: 'console.import', roles: ['STAFF'] },
  { to: '/console/recognition', label: 'console.recognition', roles: ['STAFF'] },
  { to: '/console/programmes', label: 'console.programmesNav', roles: ['STAFF'] },
  { to: '/console/awards', label: 'console.awardsNav', roles: ['STAFF'] },
  { to: '/console/keys', label: 'operator.nav.keys', roles: ['STAFF'] },
  { to: '/console/institutions', label: 'operator.nav.institutions', roles: ['OPERATOR'] },
  { to: '/console/staff', label: 'operator.nav.staff', roles: ['OPERATOR'] },
  { to: '/console/audit-trail', label: 'operator.nav.auditTrail', roles: ['OPERATOR'] },
];

export default function ConsoleLayout() {
  const { t } = useTranslation();
  const role = useSession().session?.role;
  const links = CONSOLE_LINKS.filter((l) => role && l.roles.includes(role));
  return (
    <div className="console">
      <nav className="console-nav" aria-label={t('console.nav')}>
        <ul>
          {links.map((l) => (
            <li key={l.to}>
              <NavLink to={l.to} end={l.to === '/console'}>
                {t(l.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
