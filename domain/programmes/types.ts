// Qualification programmes as versioned data: a tree of requirement groups and requirements.
import type { CreditSystem, LocalizedText, QualificationType } from '../shared/index.ts';

export type GroupKind = 'allOf' | 'anyOf' | 'atLeast';

export interface RequirementGroup {
  id: string;
  kind: GroupKind;
  /** For 'atLeast': how many children must be met. */
  n?: number;
  label?: LocalizedText;
  children: RequirementNode[];
}

interface Base {
  id: string;
  label?: LocalizedText;
}

/** All counted credits, whatever their category (cumulative: every other bucket's credits count here too). */
export interface TotalCredits extends Base {
  kind: 'totalCredits';
  min: number;
}

/**
 * Credits in one of `categories` (optionally at `minLevel` or above). Category buckets are exclusive of
 * each other unless the programme allows double counting; `overlay: true` makes this one a view over
 * all counted credits instead (e.g. "of the major credits, 12 at level 3+"), consuming nothing.
 */
export interface CategoryCredits extends Base {
  kind: 'categoryCredits';
  categories: string[];
  min: number;
  minLevel?: number;
  overlay?: boolean;
}

/**
 * Specific courses (refs `institution:code`), met by the course, a recognised item answering to it, or
 * an equivalent course. A presence check: the course's credits still count in its category bucket.
 */
export interface Courses extends Base {
  kind: 'courses';
  mode: 'allOf' | 'anyOf';
  courses: string[];
}

/** A cap: at most `max` counted credits from any one institution. */
export interface MaxPerInstitution extends Base {
  kind: 'maxPerInstitution';
  max: number;
}

/** A cap per calendar year (January–December) or per semester (March–August / September–February). */
export interface MaxPerPeriod extends Base {
  kind: 'maxPerPeriod';
  period: 'calendarYear' | 'semester';
  max: number;
}

/** At least `min` counted credits earned at the awarding institution or its partners. */
export interface Residency extends Base {
  kind: 'residency';
  min: number;
}

/** A filter: graded items below this do not count anywhere in the programme. */
export interface MinGradeRequirement extends Base {
  kind: 'minGrade';
  score?: number;
  points?: number;
}

/** Credit-weighted grade-point average of the counted, graded items (grade points, e.g. 2.0 of 4.0). */
export interface MinGpa extends Base {
  kind: 'minGpa';
  min: number;
}

/** A filter: counted credits must be earned within `years` before the audit date. */
export interface TimeLimit extends Base {
  kind: 'timeLimit';
  years: number;
}

export type Requirement =
  | TotalCredits
  | CategoryCredits
  | Courses
  | MaxPerInstitution
  | MaxPerPeriod
  | Residency
  | MinGradeRequirement
  | MinGpa
  | TimeLimit;

export type RequirementKind = Requirement['kind'];
export type RequirementNode = RequirementGroup | Requirement;

export interface Programme {
  id: string;
  version: number;
  /** The awarding body. */
  institutionId: string;
  /** Institutions whose credits count as earned "in residence". */
  partnerInstitutionIds: string[];
  name: LocalizedText;
  qualificationType: QualificationType;
  level: number;
  creditSystem: CreditSystem;
  /** Let one credit count toward several category buckets. */
  allowDoubleCounting?: boolean;
  /** Same as a timeLimit requirement at the root. */
  timeLimitYears?: number;
  /** The first date this version applies to new audits (informative). */
  effectiveFrom?: string;
  requirements: RequirementNode;
}

export const GROUP_KINDS: readonly GroupKind[] = ['allOf', 'anyOf', 'atLeast'];

export const isGroup = (n: RequirementNode): n is RequirementGroup =>
  (GROUP_KINDS as readonly string[]).includes(n.kind);
