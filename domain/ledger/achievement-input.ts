// Validates what an institution sends for one achievement and fills it in from its course catalogue.
import { InputValidationError, NotFound } from '../shared/index.ts';
import {
  validCategory,
  validCourseCode,
  validHours,
  validLevel,
  validText,
} from '../institutions/index.ts';
import type { AchievementContent, CourseVersion, Grade } from '../shared/index.ts';
import {
  ACHIEVEMENT_KINDS,
  CREDIT_SYSTEMS,
  boundedString,
  calendarDate,
  creditsToHundredths,
  pastDate,
  requireOneOf,
  type LocalizedTextInput,
} from '../shared/index.ts';

export interface AchievementInput {
  learnerId: string;
  /** The institution's own record id: recording it again is a no-op, never a second entry. */
  sourceRecordId: string;
  kind: string;
  courseCode?: string | null | undefined;
  title?: LocalizedTextInput | null | undefined;
  credits?: number | null | undefined;
  creditSystem?: string | null | undefined;
  category?: string | null | undefined;
  /** Cross-listed: other categories the course may count under instead (e.g. major or general). */
  altCategories?: readonly string[] | null | undefined;
  level?: number | null | undefined;
  hours?: number | null | undefined;
  grade?: GradeInput | null | undefined;
  earnedAt: string;
  term?: string | null | undefined;
  expiresAt?: string | null | undefined;
  evidenceUrl?: string | null | undefined;
}

export interface GradeInput {
  score?: number | null | undefined;
  letter?: string | null | undefined;
  points?: number | null | undefined;
  passed?: boolean | null | undefined;
}

export type CourseLookup = (code: string) => Promise<CourseVersion | null>;

function validGrade(g: GradeInput | null | undefined): Grade | undefined {
  if (!g) return undefined;
  const grade: Grade = { passed: true };
  if (g.score !== undefined && g.score !== null) {
    if (typeof g.score !== 'number' || !Number.isFinite(g.score) || g.score < 0 || g.score > 100) {
      throw new InputValidationError(`grade.score is 0 to 100, got ${String(g.score)}`, {
        field: 'grade.score',
      });
    }
    grade.score = g.score;
  }
  if (g.points !== undefined && g.points !== null) {
    if (
      typeof g.points !== 'number' ||
      !Number.isFinite(g.points) ||
      g.points < 0 ||
      g.points > 5
    ) {
      throw new InputValidationError(`grade.points is 0 to 5, got ${String(g.points)}`, {
        field: 'grade.points',
      });
    }
    grade.points = g.points;
  }
  const letter = boundedString(g.letter, 'grade.letter', 5, false);
  if (letter) grade.letter = letter;
  grade.passed = g.passed ?? (grade.score === undefined || grade.score >= 60);
  return grade;
}

/** At most 4 other categories, each a valid category word, none repeating the primary one. */
function validAltCategories(
  alt: readonly string[] | null | undefined,
  primary: string,
): string[] | undefined {
  if (!alt || alt.length === 0) return undefined;
  if (alt.length > 4)
    throw new InputValidationError('altCategories lists at most 4 categories', {
      field: 'altCategories',
    });
  const own = validCategory(primary);
  const out = [...new Set(alt.map((c) => validCategory(c, 'altCategories')))].filter(
    (c) => c !== own,
  );
  return out.length > 0 ? out : undefined;
}

/** A course record takes its title, credits and level from the catalogue unless the row overrides them. */
export async function validateAchievement(
  input: AchievementInput,
  courses: CourseLookup,
  now: Date,
): Promise<AchievementContent> {
  const kind = requireOneOf(String(input.kind ?? ''), ACHIEVEMENT_KINDS, 'kind');
  let course: CourseVersion | null = null;
  if (input.courseCode) {
    const code = validCourseCode(input.courseCode);
    course = await courses(code);
    if (!course) throw new NotFound('Course', code);
  } else if (kind === 'course') {
    throw new InputValidationError('A course record needs the courseCode of a catalogue course', {
      field: 'courseCode',
    });
  }
  const credits = input.credits ?? (course ? course.credits / 100 : undefined);
  if (credits === undefined)
    throw new InputValidationError('credits is required', { field: 'credits' });
  const creditSystem = input.creditSystem ?? course?.creditSystem;
  if (!creditSystem)
    throw new InputValidationError('creditSystem is required', { field: 'creditSystem' });
  const level = input.level ?? course?.level;
  if (level === undefined) throw new InputValidationError('level is required', { field: 'level' });
  const category = input.category ?? course?.category;
  if (!category) throw new InputValidationError('category is required', { field: 'category' });
  const title = input.title ?? course?.title;
  if (!title) throw new InputValidationError('title is required', { field: 'title' });

  const earnedAt = pastDate(calendarDate(input.earnedAt, 'earnedAt'), 'earnedAt', now);
  const expiresAt = input.expiresAt ? calendarDate(input.expiresAt, 'expiresAt') : undefined;
  if (expiresAt && expiresAt < earnedAt) {
    throw new InputValidationError('expiresAt is before earnedAt', { field: 'expiresAt' });
  }
  let evidenceUrl: string | undefined;
  if (input.evidenceUrl) {
    evidenceUrl = boundedString(input.evidenceUrl, 'evidenceUrl', 500);
    if (!/^https:\/\/\S+$/.test(evidenceUrl))
      throw new InputValidationError('evidenceUrl must be an https URL', { field: 'evidenceUrl' });
  }
  return {
    kind,
    title: validText(title, 'title'),
    courseId: course?.id,
    courseCode: course?.code,
    credits: creditsToHundredths(credits),
    creditSystem: requireOneOf(creditSystem, CREDIT_SYSTEMS, 'creditSystem'),
    category: validCategory(category),
    altCategories: validAltCategories(input.altCategories, category),
    level: validLevel(level),
    hours: validHours(input.hours ?? course?.hours),
    grade: validGrade(input.grade),
    earnedAt,
    // A blank optional field is an absent one.
    term: boundedString(input.term, 'term', 20, false) || undefined,
    expiresAt,
    evidenceUrl,
  };
}
