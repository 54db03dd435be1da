// The one-line verdict of a verification: verified, authentic from an issuer outside the registry, or not verified.
import { useTranslation } from 'react-i18next';
import type { ReportView } from './report.ts';

/** Authentic, but the issuer is not registered here: a warning, not a failure (ISSUER_UNKNOWN). */
export const issuerUnknown = (report: ReportView): boolean =>
  report.checks.some((c) => c.code === 'ISSUER_UNKNOWN');

export function Verdict({ report, id }: { report: ReportView; id?: string }) {
  const { t } = useTranslation();
  const unknown = report.verified && issuerUnknown(report);
  return (
    <p
      id={id}
      className={
        report.verified ? (unknown ? 'verdict ok unregistered' : 'verdict ok') : 'verdict bad'
      }
      data-testid="verdict"
    >
      {!report.verified
        ? t('verify.notVerified')
        : unknown
          ? t('portal.verifyMore.authenticUnregistered')
          : t('verify.verified')}
    </p>
  );
}
