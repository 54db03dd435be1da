// The landing page at `/`: what the credit bank is, and where each kind of visitor goes.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/base/page/page.tsx';
import { useSession } from '../../lib/session.tsx';

export default function LandingPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const home = session?.role === 'LEARNER' ? '/record' : session ? '/console' : '/signin';
  return (
    <Page title={t('landing.title')} lead={t('landing.lead')}>
      <div className="landing-grid">
        <section className="card">
          <h2>{t('landing.learnerTitle')}</h2>
          <p>{t('landing.learnerText')}</p>
          <ul className="ticks">
            <li>{t('landing.learner1')}</li>
            <li>{t('landing.learner2')}</li>
            <li>{t('landing.learner3')}</li>
            <li>{t('landing.learner4')}</li>
          </ul>
          <p className="actions">
            <Link className="btn btn-primary" to={home}>
              {session ? t('landing.continue') : t('nav.signIn')}
            </Link>
          </p>
        </section>
        <section className="card">
          <h2>{t('landing.employerTitle')}</h2>
          <p>{t('landing.employerText')}</p>
          <p className="actions">
            <Link className="btn btn-primary" to="/verify">
              {t('landing.verify')}
            </Link>
          </p>
        </section>
        <section className="card">
          <h2>{t('landing.institutionTitle')}</h2>
          <p>{t('landing.institutionText')}</p>
          <p className="actions">
            <a className="btn btn-secondary" href="/graphql">
              {t('landing.api')}
            </a>
          </p>
        </section>
      </div>
      <section className="card">
        <h2>{t('landing.howTitle')}</h2>
        <ol className="steps">
          <li>{t('landing.how1')}</li>
          <li>{t('landing.how2')}</li>
          <li>{t('landing.how3')}</li>
          <li>{t('landing.how4')}</li>
        </ol>
      </section>
    </Page>
  );
}
