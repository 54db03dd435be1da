// The audit's input model: one credit-bearing achievement as the recognition and audit engines see it.
import type { RequirementKind, GroupKind, Programme } from '../programmes/index.ts';
import type {
  AchievementContent,
  AchievementKind,
  CreditSystem,
  LedgerEntry,
  LocalizedText,
} from '../shared/index.ts';

export type { AchievementKind, CreditSystem, LocalizedText };

export interface Grade {
  /** 0-100. */
  score?: number;
  /** Grade points on the issuing scale (e.g. 0-4.5); the programme's GPA minimum uses the same scale. */
  points?: number;
  passed: boolean;
}

/** The recognition that produced this item, cited so that its sources are not counted a second time. */
export interface ItemRecognition {
  ruleId: string;
  ruleVersion: number;
  sourceEntryIds: string[];
}

export interface CreditItem {
  entryId: string;
  /** Position in the learner's ledger: the last tie-break, so results never depend on input order. */
  seq: number;
  /** Where the learning happened (for caps and residency). */
  institutionId: string;
  kind: AchievementKind;
  courseCode?: string;
  /** `institutionId:courseCode`; derived from those two when absent. */
  courseRef?: string;
  title?: string;
  /** The title in both languages, for explanations (falls back to `title`). */
  titles?: LocalizedText;
  /** 'major' | 'general' | 'elective' | ... */
  category: string;
  /** Other categories a cross-listed course may count under instead (never in addition). */
  altCategories?: string[];
  level?: number;
  /** Integer hundredths of a credit, in `creditSystem`. */
  credits: number;
  creditSystem: CreditSystem;
  hours?: number;
  grade?: Grade;
  /** ISO date (YYYY-MM-DD, a time part is ignored). */
  earnedAt: string;
  /** The entry's own last valid day, if it has one. */
  expiresAt?: string;
  recognition?: ItemRecognition;
}

/** The course reference an item answers to, or undefined for achievements without a course code. */
export function courseRefOf(item: CreditItem): string | undefined {
  if (item.courseRef) return item.courseRef;
  return item.courseCode ? `${item.institutionId}:${item.courseCode}` : undefined;
}

export type ExclusionReason =
  | 'EXPIRED'
  | 'OVER_CAP'
  | 'BELOW_MIN_GRADE'
  | 'USED_ELSEWHERE'
  | 'OUTSIDE_TIME_LIMIT'
  | 'NOT_CONVERTIBLE'
  | 'UNDECIDED';

export interface Exclusion {
  entryId: string;
  reason: ExclusionReason;
  text: LocalizedText;
  /** The requirement (cap, filter) or rule behind the exclusion, when there is one. */
  requirementId?: string;
  ruleId?: string;
  /** The entry that counts instead (USED_ELSEWHERE). */
  countedEntryId?: string;
  /** The last day the credit counted (EXPIRED, OUTSIDE_TIME_LIMIT). */
  lastValidDay?: string;
}

export type RequirementUnit = 'credits' | 'courses' | 'gpa' | 'grade' | 'years' | 'requirements';

export interface RequirementResult {
  id: string;
  kind: RequirementKind | GroupKind;
  parentId?: string;
  label: LocalizedText;
  met: boolean;
  unit: RequirementUnit;
  /** Hundredths of a credit when `unit` is 'credits'; for caps, the maximum. */
  required: number;
  /** For caps, the highest amount counted in any one institution or period. */
  counted: number;
  missing: { amount?: number; text: LocalizedText };
  entries: string[];
}

export interface Allocation {
  entryId: string;
  /** Hundredths in the programme's credit system. */
  credits: number;
  /** The exclusive category bucket the credits fill, if any (they always count toward totals). */
  requirementId?: string;
  /** Equivalence rules the item was matched to a required course through. */
  viaEquivalences?: Array<{ ruleId: string; ruleVersion: number }>;
}

export interface AuditTotals {
  creditSystem: Programme['creditSystem'];
  counted: number;
  /** Excluded credits, converted where a conversion exists. */
  excluded: number;
  residency: number;
  byCategory: Record<string, number>;
  byInstitution: Record<string, number>;
  byYear: Record<string, number>;
  /** Credit-weighted grade points of the counted graded items, two decimals; null without any. */
  gpa: number | null;
}

/**
 * PASS and FAIL are proven: the allocation is the best there is. NOT_PROVEN: the solver reached its
 * time limit before proving that no passing allocation exists (a FAIL that must not be relied on).
 */
export type AuditVerdict = 'PASS' | 'FAIL' | 'NOT_PROVEN';

export interface AuditResult {
  programme: { id: string; version: number };
  asOf: string;
  passed: boolean;
  verdict: AuditVerdict;
  requirements: RequirementResult[];
  allocations: Allocation[];
  excluded: Exclusion[];
  totals: AuditTotals;
  solver: {
    /** The allocation is provably the best (always, unless the time limit was reached). */
    exact: boolean;
    candidates: number;
    /** Milliseconds in HiGHS; 0 when nothing was contested. */
    ms: number;
    columns: number;
    rows: number;
  };
}

export interface CurrentAchievement {
  entry: LedgerEntry;
  achievement: AchievementContent;
}

/** Where the learner's effective achievements come from (LedgerService.currentAchievements). */
export interface AchievementSource {
  currentAchievements(learnerId: string): Promise<CurrentAchievement[]>;
}

/**
 * Ledger entries as the engines see them. A recognised credit counts where the learning happened
 * (its source entry's institution, for caps and residency) and answers to the receiving
 * institution's course (`courseRef`) when it was recognised as one.
 */
export function toCreditItems(current: readonly CurrentAchievement[]): CreditItem[] {
  const institutionOf = new Map(current.map((c) => [c.entry.id, c.entry.institutionId]));
  return current.map(({ entry, achievement: a }) => {
    const rec = a.recognition;
    const sources = rec
      ? [...new Set(rec.sourceEntryIds.flatMap((id) => institutionOf.get(id) ?? []))]
      : [];
    const item: CreditItem = {
      entryId: entry.id,
      seq: entry.seq,
      institutionId: sources.length === 1 ? sources[0]! : entry.institutionId,
      kind: a.kind,
      title: a.title.en,
      titles: a.title,
      category: a.category,
      ...(a.altCategories?.length ? { altCategories: a.altCategories } : {}),
      level: a.level,
      credits: a.credits,
      creditSystem: a.creditSystem,
      earnedAt: a.earnedAt,
    };
    if (a.courseCode) {
      item.courseCode = a.courseCode;
      item.courseRef = `${entry.institutionId}:${a.courseCode}`;
    }
    if (a.hours !== undefined) item.hours = a.hours;
    if (a.expiresAt) item.expiresAt = a.expiresAt;
    if (a.grade) {
      item.grade = { passed: a.grade.passed };
      if (a.grade.score !== undefined) item.grade.score = a.grade.score;
      if (a.grade.points !== undefined) item.grade.points = a.grade.points;
    }
    if (rec)
      item.recognition = {
        ruleId: rec.ruleId,
        ruleVersion: rec.ruleVersion,
        sourceEntryIds: rec.sourceEntryIds,
      };
    return item;
  });
}
