// A credential in readable form: issuer, holder, what was achieved, and a transcript's every course.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import type { ReadableCredential } from './credential-reader.ts';

export function CredentialDetails({
  c,
  claimedOnly = false,
}: {
  c: ReadableCredential;
  claimedOnly?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows: [string, string | undefined][] = [
    [t('verify.field.name'), c.name],
    [t('verify.field.kind'), t(`verify.kind.${c.kind}`)],
    [t('verify.field.issuer'), c.issuerName],
    [t('verify.field.holder'), c.holder],
    [t('verify.field.achievementType'), c.achievementType],
    [t('verify.field.fieldOfStudy'), c.fieldOfStudy],
    [t('verify.field.level'), c.level],
    [t('verify.field.credits'), c.credits !== undefined ? f.num(c.credits) : undefined],
    [t('verify.field.grade'), c.grade],
    [t('verify.field.validFrom'), c.validFrom ? f.date(c.validFrom) : undefined],
    [t('verify.field.validUntil'), c.validUntil ? f.date(c.validUntil) : undefined],
  ];
  return (
    <div className="credential-details" data-testid="credential-details">
      {claimedOnly && <p className="claimed-warning">{t('verify.claimedOnly')}</p>}
      <dl className="facts" id="summary">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      {c.courses.length > 0 && (
        <table className="table" data-testid="transcript-courses">
          <caption>{t('verify.courses', { count: c.courses.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('verify.course')}</th>
              <th scope="col">{t('verify.code')}</th>
              <th scope="col" className="num">
                {t('verify.field.credits')}
              </th>
              <th scope="col">{t('verify.field.grade')}</th>
              <th scope="col">{t('verify.date')}</th>
            </tr>
          </thead>
          <tbody>
            {c.courses.map((x, i) => (
              <tr key={i}>
                <th scope="row">{x.name}</th>
                <td>{x.code ?? ''}</td>
                <td className="num">{x.credits !== undefined ? f.num(x.credits) : ''}</td>
                <td>{x.grade ?? ''}</td>
                <td>{x.date ? f.date(x.date) : (x.term ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {c.evidence.length > 0 && (
        <p className="muted small">{t('verify.restsOn', { count: c.evidence.length })}</p>
      )}
    </div>
  );
}
