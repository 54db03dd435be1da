// Demo recognition rules the lead can load next to the seed programmes (illustrative figures, not official tables).
import { SEED_COURSES, SEED_INSTITUTIONS } from '../programmes/index.ts';
import type { RecognitionRule } from './rules.ts';

const I = SEED_INSTITUTIONS;
const OPERATOR = 'zj-credit-bank-centre';

/**
 * Hours of learning per credit: ECTS 25 (the low end of 25–30), US semester hour 50 (≈ 2 ECTS), Korean
 * credit-bank credit 45, Chinese credit 37.5 (≈ 1.5 ECTS).
 */
export const SEED_HOURS_PER_CREDIT = { ECTS: 25, US_SH: 50, KR_CB: 45, CN: 37.5 } as const;

const hoursRule = (
  id: string,
  from: 'ECTS' | 'CN' | 'US_SH' | 'KR_CB',
  to: 'ECTS' | 'CN' | 'US_SH' | 'KR_CB',
): RecognitionRule => ({
  id,
  version: 1,
  publishedBy: OPERATOR,
  effectiveFrom: '2020-01-01',
  automatic: true,
  kind: 'conversion',
  from,
  to,
  method: { type: 'hours', hoursPerCredit: SEED_HOURS_PER_CREDIT },
  rounding: 'floor',
  granularity: 50,
});

export const SEED_RECOGNITION_RULES: readonly RecognitionRule[] = [
  hoursRule('conv-ects-cn', 'ECTS', 'CN'),
  hoursRule('conv-cn-ects', 'CN', 'ECTS'),
  hoursRule('conv-ects-krcb', 'ECTS', 'KR_CB'),
  hoursRule('conv-cn-krcb', 'CN', 'KR_CB'),
  {
    id: 'eq-zjou-math',
    version: 1,
    publishedBy: I.cnZjPolytechnic,
    effectiveFrom: '2020-01-01',
    automatic: true,
    kind: 'course_equivalence',
    source: { institutionId: I.cnZjOpenUniversity, courseCode: 'MATH-A' },
    target: { institutionId: I.cnZjPolytechnic, courseCode: SEED_COURSES.cnMath.split(':')[1]! },
    credits: 400,
    creditSystem: 'CN',
    category: 'general',
    minGrade: { score: 60 },
  },
  {
    id: 'cert-software-designer',
    version: 1,
    publishedBy: OPERATOR,
    effectiveFrom: '2020-01-01',
    automatic: true,
    kind: 'achievement_credits',
    match: { kind: 'vocational_certificate', minLevel: 3, titleIncludes: 'software' },
    credits: 800,
    creditSystem: 'CN',
    category: 'major',
    level: 2,
  },
  {
    id: 'mooc-icourse',
    version: 1,
    publishedBy: OPERATOR,
    effectiveFrom: '2020-01-01',
    automatic: false,
    kind: 'achievement_credits',
    match: { kind: 'mooc', institutionId: I.cnMoocPlatform },
    credits: 200,
    creditSystem: 'CN',
    category: 'elective',
  },
  {
    id: 'cap-cn-per-institution',
    version: 1,
    publishedBy: OPERATOR,
    effectiveFrom: '2020-01-01',
    automatic: true,
    kind: 'cap',
    per: 'per_source_institution',
    max: 3000,
    creditSystem: 'CN',
  },
  {
    id: 'validity-10y',
    version: 1,
    publishedBy: OPERATOR,
    effectiveFrom: '2020-01-01',
    automatic: true,
    kind: 'validity',
    years: 10,
  },
];
