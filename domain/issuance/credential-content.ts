// What a credential says, built from the learner's ledger: achievements, transcripts, qualifications.
import {
  completeCredential,
  CredentialInputError,
  type AchievementInput,
  type AchievementType,
  type CredentialRecipe,
  type IssuerInput,
  type SubjectInput,
} from '../../credentials/index.ts';
import {
  Forbidden,
  InputValidationError,
  NotFound,
  QUALIFICATION_TYPES,
  boundedString,
  localizedText,
  requireOneOf,
  type AchievementContent,
  type Institution,
  type Learner,
  type LedgerEntry,
  type LocalizedTextInput,
  type QualificationType,
} from '../shared/index.ts';

/** Which Open Badges achievement types an accreditation for a qualification type allows. */
export const ACHIEVEMENT_TYPES: Record<QualificationType, AchievementType[] | ['Transcript']> = {
  doctorate: ['DoctoralDegree'],
  master: ['MasterDegree'],
  bachelor: ['BachelorDegree'],
  associate: ['AssociateDegree'],
  vocational_diploma: ['Diploma'],
  vocational_certificate: ['Certificate', 'Certification', 'License'],
  training_certificate: ['CertificateOfCompletion'],
  course_certificate: ['Course', 'Achievement', 'Badge', 'MicroCredential', 'Award', 'Competency'],
  transcript: ['Transcript'],
};

const KIND_TO_TYPE: Record<AchievementContent['kind'], AchievementType> = {
  course: 'Course',
  mooc: 'Course',
  recognized: 'Course',
  vocational_certificate: 'Certificate',
  skills_certificate: 'Certification',
  training: 'CertificateOfCompletion',
  award: 'Award',
  work_experience: 'Achievement',
};

export function accreditedTypes(institution: Institution): string[] {
  return [
    ...new Set(
      institution.accreditation.flatMap((a) => ACHIEVEMENT_TYPES[a.qualificationType] as string[]),
    ),
  ];
}

/** What every credential of one issuance carries, whatever it attests. */
export interface CommonFields {
  id: string;
  issuer: IssuerInput;
  subject: SubjectInput;
  validFrom: Date;
  credentialStatus: object[];
  validUntil?: string;
}

/** What stands in a learner's ledger: each effective entry with its achievement (`currentOf`). */
export type CurrentAchievements = { entry: LedgerEntry; achievement: AchievementContent }[];

/** One achievement the issuing institution recorded, as an achievement credential's recipe. */
export function achievementRecipe(
  publicUrl: string,
  common: CommonFields,
  current: CurrentAchievements,
  learner: Learner,
  entryId: string,
  institution: Institution,
): CredentialRecipe {
  const { entry, achievement } = entryOf(current, learner, entryId, institution);
  return {
    achievement: {
      ...common,
      achievement: achievementOf(publicUrl, entry.id, achievement),
      result: {
        creditsEarned: achievement.credits / 100,
        ...(gradeText(achievement) ? { grade: gradeText(achievement)! } : {}),
      },
      activityEndDate: achievement.earnedAt,
      ...(achievement.term ? { term: achievement.term } : {}),
    },
  };
}

/**
 * A transcript's recipe: the chosen entries (all by default) that the institution recorded, or any
 * entries if it is the credit bank, with totals by category.
 */
export function transcriptRecipe(
  publicUrl: string,
  common: CommonFields,
  current: CurrentAchievements,
  what: { entryIds?: string[] | null | undefined; name?: LocalizedTextInput | null | undefined },
  institution: Institution,
): CredentialRecipe {
  const all = current;
  const chosen = what.entryIds?.length ? new Set(what.entryIds) : null;
  const entries = all.filter((a) => !chosen || chosen.has(a.entry.id));
  if (chosen && entries.length !== chosen.size) {
    throw new NotFound(
      'Ledger entry',
      [...chosen].filter((c) => !entries.some((e) => e.entry.id === c)).join(', '),
    );
  }
  const mayAttestAll = institution.type === 'credit_bank';
  const foreign = entries.filter((e) => e.entry.institutionId !== institution.id);
  if (!mayAttestAll && chosen && foreign.length) {
    throw new Forbidden(
      'A transcript lists only what the issuing institution recorded (the credit bank may list everything)',
    );
  }
  const listed = mayAttestAll
    ? entries
    : entries.filter((e) => e.entry.institutionId === institution.id);
  if (listed.length === 0)
    throw new InputValidationError('There is nothing of this learner to list on a transcript');
  const byCategory = new Map<string, number>();
  for (const e of listed)
    byCategory.set(
      e.achievement.category,
      (byCategory.get(e.achievement.category) ?? 0) + e.achievement.credits,
    );
  return {
    transcript: {
      ...common,
      ...(what.name ? { name: localizedText(what.name, 'name') } : {}),
      entries: listed.map(({ entry, achievement: a }) => ({
        achievement: achievementOf(publicUrl, entry.id, a),
        creditsEarned: a.credits / 100,
        ...(gradeText(a) ? { grade: gradeText(a)! } : {}),
        endDate: a.earnedAt,
        ...(a.term ? { term: a.term } : {}),
      })),
      totals: {
        creditsEarned: listed.reduce((s, e) => s + e.achievement.credits, 0) / 100,
        byCategory: [...byCategory].map(([category, c]) => ({
          category,
          creditsEarned: c / 100,
        })),
      },
    },
  };
}

/** A qualification (a degree, a diploma) the institution is accredited to award, at its levels. */
export function qualificationRecipe(
  publicUrl: string,
  common: CommonFields,
  current: CurrentAchievements,
  learner: Learner,
  what: {
    qualificationType: string;
    name: LocalizedTextInput;
    level?: number | null | undefined;
    fieldOfStudy?: string | null | undefined;
    honours?: string | null | undefined;
    evidenceEntryIds?: string[] | null | undefined;
    awardedAt?: string | null | undefined;
  },
  institution: Institution,
): CredentialRecipe {
  const qualificationType = requireOneOf(
    what.qualificationType,
    QUALIFICATION_TYPES,
    'qualificationType',
  );
  const scope = institution.accreditation.find((a) => a.qualificationType === qualificationType);
  if (!scope)
    throw new Forbidden(`${institution.slug} is not accredited to award ${qualificationType}`);
  if (
    what.level !== null &&
    what.level !== undefined &&
    scope.levels.length &&
    !scope.levels.includes(what.level)
  ) {
    throw new Forbidden(
      `${institution.slug} may award ${qualificationType} only at level ${scope.levels.join(', ')}`,
    );
  }
  const evidence: string[] = [];
  for (const entryId of what.evidenceEntryIds ?? []) {
    entryOf(current, learner, entryId, null);
    evidence.push(`${publicUrl}/ledger/${encodeURIComponent(entryId)}`);
  }
  return {
    achievement: {
      ...common,
      achievement: {
        id: `${publicUrl}/institutions/${institution.slug}/qualifications/${qualificationType}`,
        type: (ACHIEVEMENT_TYPES[qualificationType] as AchievementType[])[0]!,
        name: localizedText(what.name, 'name'),
        ...(what.level !== null && what.level !== undefined ? { level: String(what.level) } : {}),
        ...(what.fieldOfStudy
          ? { fieldOfStudy: boundedString(what.fieldOfStudy, 'fieldOfStudy', 200) }
          : {}),
        ...(what.honours ? { honours: boundedString(what.honours, 'honours', 200) } : {}),
      },
      ...(evidence.length ? { evidence } : {}),
      ...(what.awardedAt ? { activityEndDate: what.awardedAt } : {}),
    },
  };
}

/** A VC API request's credential: checked as VC Data Model 2.0 (or 1.1) says, then completed. */
export function completeCustom(
  input: Record<string, unknown>,
  common: {
    id: string;
    issuer: { id: string; name: unknown };
    validFrom: Date;
    credentialStatus: object[];
  },
): Record<string, unknown> {
  const issuer = input['issuer'];
  const issuerId = issuer && typeof issuer === 'object' ? (issuer as { id?: unknown }).id : issuer;
  if (typeof issuerId === 'string' && issuerId !== common.issuer.id) {
    throw new Forbidden(
      `issuer must be ${common.issuer.id}, the DID of the institution you act for`,
    );
  }
  try {
    return completeCredential(input, {
      id: common.id,
      issuer: common.issuer,
      issuedAt: common.validFrom,
      credentialStatus: common.credentialStatus,
    });
  } catch (err) {
    if (!(err instanceof CredentialInputError)) throw err;
    throw new InputValidationError(err.message, {
      field: `credential.${err.property}`,
      problems: err.problems,
    });
  }
}

/** A ledger entry's achievement, as the builders take it. */
function achievementOf(
  publicUrl: string,
  entryId: string,
  a: AchievementContent,
): AchievementInput {
  return {
    id: `${publicUrl}/achievements/${encodeURIComponent(a.courseId ?? entryId)}`,
    type: KIND_TO_TYPE[a.kind],
    name: a.title,
    creditsAvailable: a.credits / 100,
    level: String(a.level),
    fieldOfStudy: a.category,
    ...(a.courseCode ? { humanCode: a.courseCode } : {}),
  };
}

function entryOf(
  current: CurrentAchievements,
  learner: Learner,
  entryId: string,
  recordedBy: Institution | null,
): { entry: LedgerEntry; achievement: AchievementContent } {
  const found = current.find((c) => c.entry.id === entryId);
  if (!found || found.entry.learnerId !== learner.id)
    throw new NotFound('Achievement of this learner', entryId);
  if (recordedBy && found.entry.institutionId !== recordedBy.id) {
    throw new Forbidden('An institution issues credentials only for achievements it recorded');
  }
  return found;
}

function gradeText(a: AchievementContent): string | undefined {
  const g = a.grade;
  if (!g) return undefined;
  return (
    g.letter ??
    (g.score !== undefined
      ? String(g.score)
      : g.points !== undefined
        ? g.points.toFixed(1)
        : undefined)
  );
}
