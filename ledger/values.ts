// Value objects of the ledger: credits in hundredths, localized text, dates; each validates itself.
import { CreditAmountOutOfRange, InputValidationError } from './errors.ts';
import { MAX_CREDITS } from './errors.ts';

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

export function localizedText(t: LocalizedTextInput, field: string): LocalizedText {
  const zh = t.zh?.trim() ?? '';
  const en = t.en?.trim() ?? '';
  if (!zh && !en)
    throw new InputValidationError(`${field} needs a Chinese or an English text`, { field });
  if (zh.length > 500 || en.length > 500)
    throw new InputValidationError(`${field} is longer than 500 characters`, { field });
  return { zh: zh || en, en: en || zh };
}

/** A calendar date (YYYY-MM-DD) not in the future. */
export function pastDate(value: string, field: string, now = new Date()): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InputValidationError(`${field} must be a date like 2024-06-30, got "${value}"`, {
      field,
    });
  }
  const d = new Date(`${value}T00:00:00Z`);
  if (d.toISOString().slice(0, 10) !== value) {
    throw new InputValidationError(`${field} is not a real date: "${value}"`, { field });
  }
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
): string {
  const v = (value ?? '').trim();
  if (required && !v) throw new InputValidationError(`${field} is required`, { field });
  if (v.length > max)
    throw new InputValidationError(`${field} is longer than ${max} characters`, { field });
  if (v.includes('\u0000'))
    throw new InputValidationError(`${field} contains a NUL character`, { field });
  return v;
}
