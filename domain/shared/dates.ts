// Calendar arithmetic on ISO date strings for validity periods, time limits, years and semesters.

/** The YYYY-MM-DD part; date strings compare correctly as strings. */
export const dateOnly = (iso: string): string => iso.slice(0, 10);

export const yearOf = (iso: string): number => Number(iso.slice(0, 4));

/**
 * Semester key. Semesters follow the Korean academic calendar: spring = March to August, autumn =
 * September to February; January and February belong to the autumn semester of the previous year.
 */
export function semesterOf(iso: string): string {
  const y = yearOf(iso);
  const m = Number(iso.slice(5, 7));
  if (m >= 3 && m <= 8) return `${y}-spring`;
  return m >= 9 ? `${y}-autumn` : `${y - 1}-autumn`;
}

/** The same month and day N years later (a 29 February stays 29 February: string order still holds). */
export function addYears(iso: string, years: number): string {
  const d = dateOnly(iso);
  return `${String(yearOf(d) + years).padStart(4, '0')}${d.slice(4)}`;
}

/**
 * Whether something earned on `earnedAt` is still within N years at `asOf`. The anniversary itself
 * still counts: a credit earned on 2020-03-01 with a 5-year validity counts through 2025-03-01.
 */
export const withinYears = (earnedAt: string, years: number, asOf: string): boolean =>
  addYears(earnedAt, years) >= dateOnly(asOf);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(T.+)?$/;

/**
 * Whether a string is a real calendar date (YYYY-MM-DD, from 0001 on), optionally followed by a time
 * that parses: 2024-02-29 is, 2023-02-29 and 2024-13-01 are not. Rules and programmes compare dates
 * as strings, so a date that does not exist would silently sort somewhere wrong.
 */
export function isRealIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const daysInMonth = mo === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth) return false;
  return m[4] === undefined || !Number.isNaN(Date.parse(value));
}
