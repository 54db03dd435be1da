// The issuer as the credit bank's registry knows it: registration, region, status and what it is accredited to award.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import type { InstitutionInfo } from '../shared/institutions.ts';

export function Registration({
  issuerId,
  institutions,
}: {
  issuerId: string | undefined;
  institutions: InstitutionInfo[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!issuerId) return null;
  const inst = institutions.find((i) => issuerId.endsWith(`:institutions:${i.slug}`));
  if (!inst) return <p data-testid="registration">{t('verify.notRegistered', { id: issuerId })}</p>;
  return (
    <div data-testid="registration">
      <p>
        {t('verify.registered', { name: f.text(inst.name), region: inst.region })}{' '}
        {inst.status === 'ACTIVE' ? t('verify.active') : t('verify.suspended')}
      </p>
      {inst.accreditation.length > 0 && (
        <p className="muted">
          {t('verify.accreditedFor', {
            list: inst.accreditation
              .map(
                (a) =>
                  `${t(`qualification.${a.qualificationType}`, { defaultValue: a.qualificationType })}${a.levels.length ? ` (${a.levels.join(', ')})` : ''}`,
              )
              .join('、'),
          })}
        </p>
      )}
    </div>
  );
}
