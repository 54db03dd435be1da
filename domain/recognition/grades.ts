// Minimum-grade checks shared by recognition and the degree audit.
import type { Grade } from './credit-items.ts';
import type { MinGrade } from './rules.ts';

/**
 * Whether a grade meets a minimum: every measure the minimum names and the grade records must meet
 * it; 'NO_GRADE' when the grade records none of them (the caller decides whether that passes).
 */
export function gradeMeets(grade: Grade | undefined, min: MinGrade): boolean | 'NO_GRADE' {
  if (!grade) return 'NO_GRADE';
  if (!grade.passed) return false;
  let compared = false;
  if (min.score !== undefined && grade.score !== undefined) {
    compared = true;
    if (grade.score < min.score) return false;
  }
  if (min.points !== undefined && grade.points !== undefined) {
    compared = true;
    if (grade.points < min.points) return false;
  }
  return compared ? true : 'NO_GRADE';
}

export const describeMinGrade = (min: MinGrade): string =>
  [
    min.score !== undefined ? `score ${min.score}` : '',
    min.points !== undefined ? `${min.points} grade points` : '',
  ]
    .filter(Boolean)
    .join(' / ');
