// The console's first page: what each part is for, for the signed-in role.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { useSession } from '../../lib/session.tsx';

const PARTS = [
  ['/console/record', 'console.recordOne', 'console.homeRecord'],
  ['/console/records', 'console.records', 'console.homeRecords'],
  ['/console/import', 'console.import', 'console.homeImport'],
  ['/console/recognition', 'console.recognition', 'console.homeRecognition'],
  ['/console/programmes', 'console.programmesNav', 'console.homeProgrammes'],
  ['/console/awards', 'console.awardsNav', 'console.homeAwards'],
  ['/console/keys', 'operator.nav.keys', 'operator.home.keys'],
] as const;

const OPERATOR_PARTS = [
  ['/console/institutions', 'operator.nav.institutions', 'operator.home.institutions'],
  ['/console/staff', 'operator.nav.staff', 'operator.home.staff'],
  ['/console/audit-trail', 'operator.nav.auditTrail', 'operator.home.auditTrail'],
] as const;

export default function ConsoleHome() {
  const { t } = useTranslation();
  const session = useSession().session!;
  return (
    <Page
      title={session.role === 'OPERATOR' ? t('operator.home.title') : t('console.title')}
      lead={session.role === 'OPERATOR' ? t('operator.home.lead') : t('console.lead')}
    >
      {session.role === 'OPERATOR' ? (
        <div className="grid-2">
          {OPERATOR_PARTS.map(([to, title, text]) => (
            <Card key={to} title={<Link to={to}>{t(title)}</Link>}>
              <p>{t(text)}</p>
            </Card>
          ))}
        </div>
      ) : session.role !== 'STAFF' ? (
        <Alert tone="info" title={t('console.noInstitution')} />
      ) : (
        <div className="grid-2">
          {PARTS.map(([to, title, text]) => (
            <Card key={to} title={<Link to={to}>{t(title)}</Link>}>
              <p>{t(text)}</p>
            </Card>
          ))}
        </div>
      )}
    </Page>
  );
}
