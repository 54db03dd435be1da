// The operator's registry of institutions and what each is accredited to award.
import { randomUUID } from 'node:crypto';
import { audited, requireOperator, type Actor, type OperatorActionLog } from '../identity/index.ts';
import { validText } from './catalogue.ts';
import { Conflict, InputValidationError, NotFound } from '../shared/index.ts';
import type { InstitutionRepository } from '../shared/index.ts';
import type { AccreditationScope, Institution } from '../shared/index.ts';
import {
  INSTITUTION_TYPES,
  QUALIFICATION_TYPES,
  boundedString,
  requireOneOf,
  type LocalizedTextInput,
} from '../shared/index.ts';
import { RefreshingCache } from '../shared/index.ts';

export interface InstitutionInput {
  slug: string;
  name: LocalizedTextInput;
  type: string;
  region: string;
  accreditation: { qualificationType: string; levels?: number[] | null }[];
}

function validScope(scopes: InstitutionInput['accreditation']): AccreditationScope[] {
  return scopes.map((s) => {
    const levels = s.levels ?? [];
    for (const l of levels) {
      if (!Number.isInteger(l) || l < 0 || l > 10) {
        throw new InputValidationError(`Accreditation levels are whole numbers 0-10, got ${l}`, {
          field: 'accreditation',
        });
      }
    }
    return {
      qualificationType: requireOneOf(
        s.qualificationType,
        QUALIFICATION_TYPES,
        'accreditation.qualificationType',
      ),
      levels: [...new Set(levels)].sort(),
    };
  });
}

/** Accreditation as one line for the audit trail: "bachelor 5,6; master". */
export const accreditationSummary = (scopes: AccreditationScope[]): string =>
  scopes.length === 0
    ? 'none'
    : scopes
        .map((s) =>
          s.levels.length ? `${s.qualificationType} ${s.levels.join(',')}` : s.qualificationType,
        )
        .join('; ');

/** The registry changes rarely: lookups by slug (every verification makes some) are reused briefly. */
const SLUG_CACHE_MS = 10_000;

/** How long a process trusts what it read of an institution's suspension. */
const SUSPENSION_CACHE_MS = 5_000;

export class InstitutionRegistry {
  readonly #bySlug = new RefreshingCache<string, Institution | null>({ ttlMs: SLUG_CACHE_MS });
  readonly #suspended = new RefreshingCache<string, boolean>({ ttlMs: SUSPENSION_CACHE_MS });

  constructor(
    private readonly repo: InstitutionRepository,
    private readonly now: () => Date = () => new Date(),
    /** Where the operator's changes are written down (the operator audit trail). */
    private readonly trail?: OperatorActionLog,
  ) {}

  /** Makes the change through the audit trail: the action is written down before it. */
  #logged<T>(
    actor: Actor,
    action: 'institution.register' | 'institution.status' | 'institution.accreditation',
    i: Institution,
    before: string | null,
    after: string,
    apply: () => Promise<T>,
  ): Promise<T> {
    return audited(
      this.trail,
      actor,
      action,
      { kind: 'institution', id: i.id, label: i.slug, institutionId: i.id },
      { before, after },
      apply,
    );
  }

  async register(actor: Actor, input: InstitutionInput): Promise<Institution> {
    requireOperator(actor);
    const slug = boundedString(input.slug, 'slug', 60).toLowerCase();
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
      throw new InputValidationError(
        'A slug is lower-case letters, digits and single hyphens, e.g. "zju" or "open-u-zj"',
        {
          field: 'slug',
        },
      );
    }
    const institution: Institution = {
      id: randomUUID(),
      slug,
      name: validText(input.name, 'name'),
      type: requireOneOf(input.type, INSTITUTION_TYPES, 'type'),
      region: boundedString(input.region, 'region', 100),
      accreditation: validScope(input.accreditation),
      status: 'active',
      createdAt: this.now().toISOString(),
    };
    if (await this.repo.findBySlug(slug))
      throw new Conflict(`An institution with slug "${slug}" exists already`, { field: 'slug' });
    await this.#logged(
      actor,
      'institution.register',
      institution,
      null,
      `${institution.type}, ${institution.region}; accredited: ${accreditationSummary(institution.accreditation)}`,
      () => this.repo.insert(institution),
    );
    this.#bySlug.delete(slug);
    return institution;
  }

  async setStatus(actor: Actor, id: string, status: Institution['status']): Promise<Institution> {
    requireOperator(actor);
    const i = await this.get(id);
    const updated = { ...i, status };
    // Setting the status it has already changes nothing, and writes nothing to the trail.
    if (i.status !== status)
      await this.#logged(actor, 'institution.status', i, i.status, status, () =>
        this.repo.update(updated),
      );
    else await this.repo.update(updated);
    this.#bySlug.clear();
    this.#suspended.delete(id);
    return updated;
  }

  /**
   * Whether an institution is suspended, as its staff and keys sign in (then they may only read).
   * Cached briefly: another process sees a suspension or reinstatement within SUSPENSION_CACHE_MS.
   */
  isSuspended(id: string): Promise<boolean> {
    return this.#suspended.get(id, async (key) => {
      const i = await this.repo.findById(key);
      return !i || i.status !== 'active';
    });
  }

  async setAccreditation(
    actor: Actor,
    id: string,
    scopes: InstitutionInput['accreditation'],
  ): Promise<Institution> {
    requireOperator(actor);
    const i = await this.get(id);
    const updated = { ...i, accreditation: validScope(scopes) };
    const before = accreditationSummary(i.accreditation);
    const after = accreditationSummary(updated.accreditation);
    if (before !== after)
      await this.#logged(actor, 'institution.accreditation', i, before, after, () =>
        this.repo.update(updated),
      );
    else await this.repo.update(updated);
    this.#bySlug.clear();
    return updated;
  }

  /** The registry is public: verifiers must be able to see who may award what. */
  async get(id: string): Promise<Institution> {
    const i = await this.repo.findById(id);
    if (!i) throw new NotFound('Institution', id);
    return i;
  }

  async find(id: string): Promise<Institution | null> {
    return this.repo.findById(id);
  }

  findBySlug(slug: string): Promise<Institution | null> {
    return this.#bySlug.get(slug, (key) => this.repo.findBySlug(key));
  }

  async list(): Promise<Institution[]> {
    return this.repo.list();
  }

  /** An institution that may record: exists and is not suspended. */
  async requireActive(id: string): Promise<Institution> {
    const i = await this.get(id);
    if (i.status !== 'active') throw new Conflict(`Institution ${i.slug} is suspended`);
    return i;
  }
}
