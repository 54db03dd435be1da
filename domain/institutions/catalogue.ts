// Each institution's course catalogue; a change makes a new version, old records keep theirs.
import { requireInstitution, type Actor } from '../identity/index.ts';
import { InputValidationError, NotFound } from '../shared/index.ts';
import { canonicalJson } from '../shared/index.ts';
import type { CourseRepository } from '../shared/index.ts';
import type { CourseVersion } from '../shared/index.ts';
import {
  CREDIT_SYSTEMS,
  boundedString,
  creditsToHundredths,
  localizedText,
  requireOneOf,
  type LocalizedText,
  type LocalizedTextInput,
} from '../shared/index.ts';

export interface CourseInput {
  code: string;
  title: LocalizedTextInput;
  credits: number;
  creditSystem: string;
  level: number;
  category: string;
  hours?: number | null;
  learningOutcomes?: string[] | null;
}

/** Localized text without NUL characters: PostgreSQL (under FerretDB) cannot store them. */
export function validText(text: LocalizedTextInput, field: string): LocalizedText {
  const t = localizedText(text, field);
  if (t.zh.includes('\u0000') || t.en.includes('\u0000'))
    throw new InputValidationError(`${field} contains a NUL character`, { field });
  return t;
}

export function validLevel(level: number): number {
  if (!Number.isInteger(level) || level < 0 || level > 10) {
    throw new InputValidationError(`level is a whole number from 0 to 10, got ${level}`, {
      field: 'level',
    });
  }
  return level;
}

/** A category word; `field` names where it came from (category, altCategories) in the error. */
export function validCategory(category: string, field = 'category'): string {
  const c = boundedString(category, field, 40).toLowerCase();
  if (!/^[a-z][a-z0-9_-]*$/.test(c)) {
    throw new InputValidationError(
      `${field} holds lower-case words like "major" or "general", got "${category}"`,
      { field },
    );
  }
  return c;
}

export function validHours(hours: number | null | undefined): number | undefined {
  if (hours === null || hours === undefined) return undefined;
  if (!Number.isInteger(hours) || hours < 0 || hours > 10_000) {
    throw new InputValidationError(`hours is a whole number from 0 to 10000, got ${hours}`, {
      field: 'hours',
    });
  }
  return hours;
}

export function validCourseCode(code: string): string {
  const c = boundedString(code, 'code', 40).toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9._-]*$/.test(c)) {
    throw new InputValidationError(
      `A course code is letters, digits, ".", "_" or "-", got "${code}"`,
      { field: 'code' },
    );
  }
  return c;
}

const comparable = (c: CourseVersion) =>
  canonicalJson({
    ...c,
    id: undefined,
    version: undefined,
    createdAt: undefined,
    createdBy: undefined,
  });

export class Catalogue {
  constructor(
    private readonly repo: CourseRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Defines a course or changes it: an unchanged definition returns the current version. */
  async define(actor: Actor, institutionId: string, input: CourseInput): Promise<CourseVersion> {
    requireInstitution(actor, institutionId, 'records:write');
    const code = validCourseCode(input.code);
    const draft: CourseVersion = {
      id: '',
      institutionId,
      code,
      version: 0,
      title: validText(input.title, 'title'),
      credits: creditsToHundredths(input.credits),
      creditSystem: requireOneOf(input.creditSystem, CREDIT_SYSTEMS, 'creditSystem'),
      level: validLevel(input.level),
      category: validCategory(input.category),
      hours: validHours(input.hours),
      learningOutcomes: (input.learningOutcomes ?? []).map((o) =>
        boundedString(o, 'learningOutcomes', 500),
      ),
      createdAt: this.now().toISOString(),
      createdBy:
        'userId' in actor ? actor.userId : actor.kind === 'apikey' ? actor.keyId : 'system',
    };
    for (let attempt = 0; attempt < 5; attempt++) {
      const latest = await this.repo.latest(institutionId, code);
      if (latest && comparable(latest) === comparable({ ...draft })) return latest;
      const version = (latest?.version ?? 0) + 1;
      const next = { ...draft, version, id: `${institutionId}:${code}:v${version}` };
      if (await this.repo.insertVersion(next)) return next;
      // Someone defined the same version concurrently: look again.
    }
    throw new InputValidationError('The course changed too often at once; try again');
  }

  async list(actor: Actor, institutionId: string): Promise<CourseVersion[]> {
    void actor; // the catalogue is public: it is what credits are recognised against
    return this.repo.listByInstitution(institutionId);
  }

  async latest(institutionId: string, code: string): Promise<CourseVersion | null> {
    return this.repo.latest(institutionId, validCourseCode(code));
  }

  async version(id: string): Promise<CourseVersion> {
    const c = await this.repo.findVersion(id);
    if (!c) throw new NotFound('Course version', id);
    return c;
  }
}
