// Any address the app does not know.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/base/page/page.tsx';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} lead={t('notFound.lead')}>
      <Link to="/">{t('notFound.home')}</Link>
    </Page>
  );
}
