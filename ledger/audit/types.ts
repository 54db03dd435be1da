// The audit's input model: one credit-bearing achievement as the recognition and audit engines see it.
import type { AchievementKind, CreditSystem, LocalizedText } from '../values.ts';

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
  recognition?: ItemRecognition;
}

/** The course reference an item answers to, or undefined for achievements without a course code. */
export function courseRefOf(item: CreditItem): string | undefined {
  if (item.courseRef) return item.courseRef;
  return item.courseCode ? `${item.institutionId}:${item.courseCode}` : undefined;
}
