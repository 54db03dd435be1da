// Recognition rules as versioned data: zod schemas, their types, and validateRuleSet's semantic checks.
import { z } from 'zod';
import { InputValidationError } from '../shared/index.ts';
import { ACHIEVEMENT_KINDS, CREDIT_SYSTEMS } from '../shared/index.ts';
import type { CreditSystem } from '../shared/index.ts';
import { isRealIsoDate } from '../shared/index.ts';
import { findEquivalenceCycle } from './equivalence.ts';

/** A rule set that cannot be used as published: the message names the rule and the field. */
export class RecognitionRuleInvalid extends InputValidationError {
  override name = 'RecognitionRuleInvalid';
}

const ref = z.string().trim().min(1).max(200);
const hundredths = (what: string) =>
  z
    .int(`${what} must be an integer number of hundredths of a credit`)
    .min(0, `${what} must not be negative`);
const creditSystem = z.enum(CREDIT_SYSTEMS);
const isoDate = z.string().refine(isRealIsoDate, 'must be a real date like 2024-03-01');
const achievementKind = z.enum(ACHIEVEMENT_KINDS);

export const minGradeSchema = z
  .object({
    score: z.number().min(0).max(100).optional(),
    points: z.number().min(0).optional(),
  })
  .strict()
  .refine(
    (g) => g.score !== undefined || g.points !== undefined,
    'a minimum grade needs a score or points',
  );
export type MinGrade = z.infer<typeof minGradeSchema>;

const base = {
  id: ref,
  version: z.int().min(1, 'version starts at 1'),
  publishedBy: ref,
  effectiveFrom: isoDate,
  effectiveUntil: isoDate.optional(),
  /** An automatic rule that matches exactly needs no reviewer. */
  automatic: z.boolean(),
  /** Where the rule applies; absent = everywhere (an operator-wide rule). */
  appliesTo: z
    .object({
      targetInstitutionIds: z.array(ref).min(1).optional(),
      programmeIds: z.array(ref).min(1).optional(),
    })
    .strict()
    .optional(),
};

const course = z.object({ institutionId: ref, courseCode: ref }).strict();

export const courseEquivalenceSchema = z
  .object({
    ...base,
    kind: z.literal('course_equivalence'),
    source: course,
    target: course,
    /** Credits granted; absent = the source's own credits, converted to the target system. */
    credits: hundredths('credits').optional(),
    creditSystem: creditSystem.optional(),
    category: ref,
    level: z.int().min(1).optional(),
    minGrade: minGradeSchema.optional(),
  })
  .strict();

export const achievementCreditsSchema = z
  .object({
    ...base,
    kind: z.literal('achievement_credits'),
    match: z
      .object({
        kind: achievementKind,
        /** The issuer: a certification body or a MOOC platform. */
        institutionId: ref.optional(),
        level: z.int().min(1).optional(),
        minLevel: z.int().min(1).optional(),
        courseCode: ref.optional(),
        titleIncludes: ref.optional(),
      })
      .strict(),
    credits: hundredths('credits'),
    creditSystem,
    category: ref,
    level: z.int().min(1).optional(),
    minGrade: minGradeSchema.optional(),
  })
  .strict();

export const ROUNDING_MODES = ['floor', 'ceil', 'half_up', 'half_even'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

export const conversionSchema = z
  .object({
    ...base,
    kind: z.literal('conversion'),
    from: creditSystem,
    to: creditSystem,
    method: z.discriminatedUnion('type', [
      z
        .object({
          type: z.literal('factor'),
          /** target = source × numerator / denominator, exactly, before rounding. */
          numerator: z.int(),
          denominator: z.int(),
        })
        .strict(),
      z
        .object({
          type: z.literal('hours'),
          /** Hours of learning per credit in each system (at most two decimals, e.g. 27.5). */
          hoursPerCredit: z.partialRecord(creditSystem, z.number()),
          /** Use the item's recorded hours instead of its credits when it has them. */
          useItemHours: z.boolean().optional(),
        })
        .strict(),
    ]),
    rounding: z.enum(ROUNDING_MODES),
    /** Results are multiples of this many hundredths (50 = half a credit). */
    granularity: z.int().min(1, 'granularity must be at least 1 hundredth'),
  })
  .strict();

export const CAP_SCOPES = ['per_source_institution', 'per_learner', 'per_calendar_year'] as const;
export type CapScope = (typeof CAP_SCOPES)[number];

export const capSchema = z
  .object({
    ...base,
    kind: z.literal('cap'),
    per: z.enum(CAP_SCOPES),
    max: hundredths('max'),
    /** The cap applies only when recognising into this system; absent = any. */
    creditSystem: creditSystem.optional(),
  })
  .strict();

export const validitySchema = z
  .object({
    ...base,
    kind: z.literal('validity'),
    years: z.int().min(1, 'validity must be at least one year'),
    appliesToKinds: z.array(achievementKind).min(1).optional(),
  })
  .strict();

export const minGradeRuleSchema = z
  .object({
    ...base,
    kind: z.literal('min_grade'),
    minGrade: minGradeSchema,
    appliesToKinds: z.array(achievementKind).min(1).optional(),
  })
  .strict();

export const recognitionRuleSchema = z.discriminatedUnion('kind', [
  courseEquivalenceSchema,
  achievementCreditsSchema,
  conversionSchema,
  capSchema,
  validitySchema,
  minGradeRuleSchema,
]);

export type CourseEquivalenceRule = z.infer<typeof courseEquivalenceSchema>;
export type AchievementCreditsRule = z.infer<typeof achievementCreditsSchema>;
export type ConversionRule = z.infer<typeof conversionSchema>;
export type CapRule = z.infer<typeof capSchema>;
export type ValidityRule = z.infer<typeof validitySchema>;
export type MinGradeRule = z.infer<typeof minGradeRuleSchema>;
export type RecognitionRule = z.infer<typeof recognitionRuleSchema>;
export type RuleKind = RecognitionRule['kind'];

export interface RuleCitation {
  id: string;
  version: number;
}

const label = (r: { id: string; version: number }) => `${r.id} v${r.version}`;

function checkHours(rule: ConversionRule, at: string): void {
  if (rule.method.type !== 'hours') return;
  for (const sys of [rule.from, rule.to] as CreditSystem[]) {
    const h = rule.method.hoursPerCredit[sys];
    if (h === undefined) {
      throw new RecognitionRuleInvalid(`${at}: hoursPerCredit has no entry for ${sys}`, {
        field: 'hoursPerCredit',
      });
    }
    if (!(h > 0) || Math.abs(Math.round(h * 100) - h * 100) > 1e-6) {
      throw new RecognitionRuleInvalid(
        `${at}: hoursPerCredit.${sys} must be a positive number of hours with at most two decimals, got ${h}`,
        { field: 'hoursPerCredit' },
      );
    }
  }
}

function semanticChecks(rule: RecognitionRule, at: string): void {
  if (
    rule.effectiveUntil !== undefined &&
    rule.effectiveUntil.slice(0, 10) < rule.effectiveFrom.slice(0, 10)
  ) {
    throw new RecognitionRuleInvalid(
      `${at}: effectiveUntil ${rule.effectiveUntil} is before effectiveFrom ${rule.effectiveFrom}`,
    );
  }
  switch (rule.kind) {
    case 'course_equivalence': {
      if ((rule.credits === undefined) !== (rule.creditSystem === undefined)) {
        throw new RecognitionRuleInvalid(
          `${at}: credits and creditSystem go together (give both or neither)`,
        );
      }
      const s = `${rule.source.institutionId}:${rule.source.courseCode}`;
      const t = `${rule.target.institutionId}:${rule.target.courseCode}`;
      if (s === t)
        throw new RecognitionRuleInvalid(`${at}: course ${s} is declared equivalent to itself`);
      return;
    }
    case 'achievement_credits': {
      const m = rule.match;
      if (m.level !== undefined && m.minLevel !== undefined) {
        throw new RecognitionRuleInvalid(`${at}: match has both level and minLevel; use one`);
      }
      return;
    }
    case 'conversion': {
      if (rule.from === rule.to) {
        throw new RecognitionRuleInvalid(`${at}: converts ${rule.from} to itself`);
      }
      if (rule.method.type === 'factor') {
        if (rule.method.denominator === 0) {
          throw new RecognitionRuleInvalid(`${at}: conversion factor has a zero denominator`, {
            field: 'denominator',
          });
        }
        if (rule.method.numerator <= 0 || rule.method.denominator < 0) {
          throw new RecognitionRuleInvalid(
            `${at}: conversion factor ${rule.method.numerator}/${rule.method.denominator} must be positive`,
            { field: 'numerator' },
          );
        }
      }
      checkHours(rule, at);
      return;
    }
    default:
      return;
  }
}

/**
 * Parses and checks a rule set; returns fresh, typed copies.
 * @throws RecognitionRuleInvalid (code INPUT_VALIDATION_ERROR) naming the first offending rule and field:
 *   schema errors (negative credits, unknown credit systems, ...), a zero denominator, a duplicate
 *   (id, version), one id used for two kinds, or a cycle of course equivalences across the set.
 */
export function validateRuleSet(rules: readonly unknown[]): RecognitionRule[] {
  if (!Array.isArray(rules)) throw new RecognitionRuleInvalid('rules must be an array');
  const out: RecognitionRule[] = [];
  const seen = new Map<string, string>();
  rules.forEach((raw, i) => {
    const parsed = recognitionRuleSchema.safeParse(raw);
    const rawId = (raw as { id?: unknown } | null)?.id;
    const at = `rules[${i}]${typeof rawId === 'string' ? ` (${rawId})` : ''}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path.length ? `.${issue.path.join('.')}` : '';
      throw new RecognitionRuleInvalid(`${at}${path}: ${issue?.message ?? 'invalid rule'}`, {
        field: issue?.path.join('.'),
      });
    }
    const rule = parsed.data;
    const atV = `rules[${i}] (${label(rule)})`;
    semanticChecks(rule, atV);
    const key = `${rule.id}\u0000${rule.version}`;
    if (seen.has(key)) throw new RecognitionRuleInvalid(`${atV}: duplicate rule id and version`);
    seen.set(key, rule.kind);
    const other = out.find((r) => r.id === rule.id && r.kind !== rule.kind);
    if (other) {
      throw new RecognitionRuleInvalid(
        `${atV}: rule id ${rule.id} is already a ${other.kind} rule; a new kind needs a new id`,
      );
    }
    out.push(rule);
  });
  const cycle = findEquivalenceCycle(
    out.filter((r): r is CourseEquivalenceRule => r.kind === 'course_equivalence'),
  );
  if (cycle) {
    throw new RecognitionRuleInvalid(
      `course equivalence cycle: ${cycle.refs.join(' → ')} (rules ${cycle.rules.map(label).join(', ')})`,
      { field: 'course_equivalence' },
    );
  }
  return out;
}

/**
 * The rules in force at `asOf` for a target: per rule id, the highest version already effective; if
 * that version has ended, the rule is not in force (an older version does not come back).
 */
export function rulesInForce(
  rules: readonly RecognitionRule[],
  asOf: string,
  target?: { institutionId?: string; programmeId?: string },
): RecognitionRule[] {
  const day = asOf.slice(0, 10);
  const best = new Map<string, RecognitionRule>();
  for (const r of rules) {
    if (r.effectiveFrom.slice(0, 10) > day) continue;
    const cur = best.get(r.id);
    if (!cur || r.version > cur.version) best.set(r.id, r);
  }
  const applies = (r: RecognitionRule): boolean => {
    if (r.effectiveUntil !== undefined && r.effectiveUntil.slice(0, 10) < day) return false;
    const a = r.appliesTo;
    if (!a || !target) return true;
    if (
      a.targetInstitutionIds &&
      !(target.institutionId && a.targetInstitutionIds.includes(target.institutionId))
    ) {
      return false;
    }
    if (a.programmeIds && !(target.programmeId && a.programmeIds.includes(target.programmeId)))
      return false;
    return true;
  };
  return [...best.values()]
    .filter(applies)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
