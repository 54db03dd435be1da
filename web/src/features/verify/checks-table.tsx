// Every check the verifier made, in the chosen language; checks this page does not know are shown as sent.
import { useTranslation } from 'react-i18next';
import type { ReportView } from './report.ts';

export function ChecksTable({ report }: { report: ReportView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'zh' ? 'zh' : 'en';
  const msg = (m: { zh?: string; en?: string } | string | undefined) =>
    typeof m === 'string' ? m : (m?.[lang] ?? m?.en ?? m?.zh ?? '');
  return (
    <>
      <table className="table" id="checks">
        <caption>{t('verify.checksCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('verify.check')}</th>
            <th scope="col">{t('verify.result')}</th>
            <th scope="col">{t('verify.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {report.checks.length === 0 && report.problem && (
            <tr data-check="request" data-status="failed">
              <td>{t('verify.request')}</td>
              <td className="check-failed">{t('verify.status.failed')}</td>
              <td>{report.problem}</td>
            </tr>
          )}
          {report.checks.map((c, i) => (
            <tr key={`${c.id}-${i}`} data-check={c.id} data-status={c.status}>
              <td>{t(`verify.checkName.${c.id}`, { defaultValue: c.id })}</td>
              <td className={`check-${c.status}`}>
                {t(`verify.status.${c.status}`, { defaultValue: c.status })}
              </td>
              <td>
                {msg(c.message)}
                <span className="muted small"> ({c.code})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.warnings.length > 0 && (
        <ul className="warnings" data-testid="warnings">
          {report.warnings.map((w, i) => (
            <li key={i}>
              {t('verify.warning')}: {msg(w.message) || w.code}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
