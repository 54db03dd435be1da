// Guards signed-in pages: without a session, go to sign-in and come back here afterwards.
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Alert } from '../components/base/alert/alert.tsx';
import { useSession, type Role } from '../lib/session.tsx';

export function RequireRole({ roles }: { roles: Role[] }) {
  const { session } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!roles.includes(session.role)) {
    return (
      <div className="page">
        <Alert tone="warning" title={t('common.notForRole')} />
      </div>
    );
  }
  return <Outlet />;
}
