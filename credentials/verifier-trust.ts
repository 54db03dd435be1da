// Trust: whether an issuer is registered with this credit bank and accredited for what it issued.
import { issuerIdOf } from './issuer.ts';
import type { VerifierOptions } from './verifier-context.ts';
import { asArray, check, isObject, notApplicable, passed, type Check } from './verifier-report.ts';

export interface IssuerRecord {
  name?: { zh: string; en: string };
  status: 'active' | 'suspended';
  accreditedTypes: string[];
}

// Achievement types that a broader accreditation also covers.
const ACCREDITATION_FAMILY: Record<string, string[]> = {
  AssociateDegree: ['Degree'],
  BachelorDegree: ['Degree'],
  MasterDegree: ['Degree'],
  DoctoralDegree: ['Degree'],
  CertificateOfCompletion: ['Certificate'],
  Certification: ['Certificate'],
};

/** What a credential claims to be, in the vocabulary of the registry's accreditedTypes. */
export function accreditationTypesOf(credential: Record<string, unknown>): string[] {
  const types = asArray(credential['type']);
  if (types.includes('ClrCredential')) return ['Transcript'];
  // Without an achievementType an Open Badge is a generic 'Achievement'; withholding the type (for
  // instance in a selective-disclosure proof) must not skip the accreditation check.
  const isBadge = types.includes('OpenBadgeCredential') || types.includes('AchievementCredential');
  const found = new Set<string>();
  for (const subject of asArray(credential['credentialSubject'])) {
    if (!isObject(subject)) continue;
    for (const achievement of asArray(subject['achievement'])) {
      if (!isObject(achievement)) continue;
      for (const type of asArray(achievement['achievementType']))
        if (typeof type === 'string') found.add(type);
    }
  }
  if (isBadge && found.size === 0) found.add('Achievement');
  return [...found];
}

/** Whether the issuer is registered here, active, and accredited for what the credential claims. */
export async function registryChecks(
  registry: VerifierOptions['registry'],
  credential: Record<string, unknown>,
): Promise<Check[]> {
  const issuer = issuerIdOf(credential) ?? '';
  let record: IssuerRecord | null;
  try {
    record = await registry.lookupIssuer(issuer);
  } catch {
    return [
      check('issuerKnown', 'warning', 'REGISTRY_UNAVAILABLE'),
      notApplicable('issuerAccredited'),
    ];
  }
  if (!record)
    return [
      check('issuerKnown', 'warning', 'ISSUER_UNKNOWN', issuer),
      notApplicable('issuerAccredited'),
    ];
  const known =
    record.status === 'active'
      ? passed('issuerKnown')
      : check('issuerKnown', 'failed', 'ISSUER_SUSPENDED', issuer);
  const claimed = accreditationTypesOf(credential);
  if (claimed.length === 0) return [known, notApplicable('issuerAccredited')];
  const accredited = new Set(record.accreditedTypes);
  const missing = claimed.filter(
    (type) =>
      !accredited.has(type) &&
      !(ACCREDITATION_FAMILY[type] ?? []).some((broader) => accredited.has(broader)),
  );
  return [
    known,
    missing.length === 0
      ? passed('issuerAccredited')
      : check('issuerAccredited', 'failed', 'ISSUER_NOT_ACCREDITED', missing.join(', ')),
  ];
}
