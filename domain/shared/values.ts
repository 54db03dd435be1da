// Value objects of the ledger: credits in hundredths, localized text, dates; each validates itself.
import { CreditAmountOutOfRange, InputValidationError } from './errors.ts';
import { MAX_CREDITS } from './errors.ts';
import { isWellFormedText } from './canonical.ts';

/** Credits are integers of hundredths inside (no floating point drift), decimals at the API. */
export function creditsToHundredths(value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_CREDITS) {
    throw new CreditAmountOutOfRange(value);
  }
  const h = Math.round(value * 100);
  if (Math.abs(h - value * 100) > 1e-6) throw new CreditAmountOutOfRange(value);
  return h;
}

export const hundredthsToCredits = (h: number): number => h / 100;

export const CREDIT_SYSTEMS = ['CN', 'ECTS', 'US_SH', 'KR_CB'] as const;
export type CreditSystem = (typeof CREDIT_SYSTEMS)[number];

export const ACHIEVEMENT_KINDS = [
  'course',
  'mooc',
  'vocational_certificate',
  'skills_certificate',
  'training',
  'award',
  'work_experience',
  'recognized',
] as const;
export type AchievementKind = (typeof ACHIEVEMENT_KINDS)[number];

export const INSTITUTION_TYPES = [
  'university',
  'vocational_college',
  'open_university',
  'mooc_platform',
  'training_provider',
  'credit_bank',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export const QUALIFICATION_TYPES = [
  'doctorate',
  'master',
  'bachelor',
  'associate',
  'vocational_diploma',
  'vocational_certificate',
  'training_certificate',
  'course_certificate',
  'transcript',
] as const;
export type QualificationType = (typeof QUALIFICATION_TYPES)[number];

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface LocalizedTextInput {
  zh?: string | null | undefined;
  en?: string | null | undefined;
}

/**
 * What every text field accepts before it is hashed: well-formed Unicode (a lone surrogate cannot
 * be stored as sent, so its hash could never be checked again), normalised to NFC (so the same
 * words typed on two systems hash alike, and a replay of the same request stays a replay), and no
 * control characters; a multi-line field (a reason, a description) may hold tabs and line breaks.
 */
export function cleanText(
  value: string,
  field: string,
  opts: { multiline?: boolean } = {},
): string {
  if (typeof value !== 'string') throw new InputValidationError(`${field} must be text`, { field });
  if (!isWellFormedText(value)) {
    throw new InputValidationError(
      `${field} is not well-formed Unicode (it holds a lone surrogate); send UTF-16 pairs or UTF-8`,
      { field },
    );
  }
  const text = value.normalize('NFC');
  const control = (opts.multiline ? MULTILINE_CONTROL : CONTROL).exec(text);
  if (control) {
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new InputValidationError(`${field} contains the control character U+${code}`, {
      field,
    });
  }
  return text;
}

// C0, DEL and C1 controls; line breaks and tabs only where text may run over several lines.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
// eslint-disable-next-line no-control-regex
const MULTILINE_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

export function localizedText(t: LocalizedTextInput, field: string): LocalizedText {
  const zh = cleanText(t.zh ?? '', field).trim();
  const en = cleanText(t.en ?? '', field).trim();
  if (!zh && !en)
    throw new InputValidationError(`${field} needs a Chinese or an English text`, { field });
  if (zh.length > 500 || en.length > 500)
    throw new InputValidationError(`${field} is longer than 500 characters`, { field });
  return { zh: zh || en, en: en || zh };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2024-02-30 and 2024-13-01 are not), from 0001 on. */
export function calendarDate(value: unknown, field: string): string {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (!m) {
    throw new InputValidationError(
      `${field} must be a date like 2024-06-30, got ${JSON.stringify(value) ?? 'nothing'}`,
      { field },
    );
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const daysInMonth = mo === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth) {
    throw new InputValidationError(`${field} is not a real date: "${value as string}"`, { field });
  }
  return value as string;
}

/** A calendar date (YYYY-MM-DD) not in the future. */
export function pastDate(value: string, field: string, now = new Date()): string {
  calendarDate(value, field);
  const d = new Date(`${value}T00:00:00Z`);
  if (d.getTime() > now.getTime() + 24 * 3600_000) {
    throw new InputValidationError(`${field} is in the future: ${value}`, { field });
  }
  if (d.getUTCFullYear() < 1950)
    throw new InputValidationError(`${field} is before 1950: ${value}`, { field });
  return value;
}

export function requireOneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  field: string,
): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputValidationError(
      `${field} must be one of ${allowed.join(', ')}, got "${value}"`,
      { field },
    );
  }
  return value as T;
}

export function boundedString(
  value: string | undefined | null,
  field: string,
  max = 200,
  required = true,
  // Prose (a reason, a comment: 500 characters or more) may run over several lines; names and ids may not.
  opts: { multiline?: boolean } = { multiline: max >= 500 },
): string {
  const v = cleanText(value ?? '', field, opts).trim();
  if (required && !v) throw new InputValidationError(`${field} is required`, { field });
  if (v.length > max)
    throw new InputValidationError(`${field} is longer than ${max} characters`, { field });
  return v;
}
