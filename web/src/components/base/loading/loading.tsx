// What a page shows while its data loads, or when loading failed.
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../../lib/graphql.ts';
import { Alert } from '../alert/alert.tsx';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

export function LoadError({ error }: { error: Error }) {
  const { t } = useTranslation();
  const message =
    error instanceof NetworkError
      ? t('common.networkError')
      : error instanceof ApiError && error.code !== 'INTERNAL_SERVER_ERROR'
        ? error.message
        : t('common.serverError');
  return (
    <Alert tone="error" title={t('common.loadFailed')}>
      {message}
    </Alert>
  );
}
