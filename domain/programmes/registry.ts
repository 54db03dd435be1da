// Programmes as versioned data: defined by the awarding institution (within its accreditation) or the
// operator; a change is a new version; old versions stay for learners who started under them.
import {
  actingInstitution,
  actorRef,
  requireOperatorOrInstitution,
  type Actor,
} from '../identity/index.ts';
import { canonicalJson } from '../shared/index.ts';
import { Conflict, Forbidden, NotFound } from '../shared/index.ts';
import type { InstitutionRegistry } from '../institutions/index.ts';
import type { ProgrammeRepository } from './ports.ts';
import type { StoredProgramme } from './ports.ts';
import type { Programme } from './types.ts';
import { ProgrammeInvalid, validateProgramme } from './validate.ts';

const comparable = (p: Programme) => canonicalJson({ ...p, version: undefined });

export class ProgrammeRegistry {
  constructor(
    private readonly repo: ProgrammeRepository,
    private readonly institutions: InstitutionRegistry,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async define(actor: Actor, raw: unknown): Promise<StoredProgramme> {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new ProgrammeInvalid('A programme is a JSON object');
    const draft = { ...(raw as Record<string, unknown>) };
    const institutionId = typeof draft['institutionId'] === 'string' ? draft['institutionId'] : '';
    const own = actingInstitution(actor);
    if (own && own !== institutionId)
      throw new Forbidden('An institution defines programmes only for itself');
    requireOperatorOrInstitution(actor, institutionId, 'records:write');
    const programmeId = typeof draft['id'] === 'string' ? draft['id'].trim() : '';
    const previous = programmeId ? await this.repo.versions(programmeId) : [];
    const latest = previous.at(-1);
    const next = (latest?.version ?? 0) + 1;
    const given = draft['version'];
    draft['version'] ??= next;
    const programme = validateProgramme(draft);
    if (latest && latest.institutionId !== programme.institutionId)
      throw new Forbidden(`Programme ${programme.id} belongs to ${latest.institutionId}`);
    const awarding = await this.institutions.get(programme.institutionId);
    const accredited = awarding.accreditation.some(
      (a) =>
        a.qualificationType === programme.qualificationType &&
        (a.levels.length === 0 || a.levels.includes(programme.level)),
    );
    if (!accredited)
      throw new Forbidden(
        `${awarding.slug} is not accredited to award a ${programme.qualificationType} at level ${programme.level}`,
      );
    for (const p of programme.partnerInstitutionIds) {
      if (!(await this.institutions.find(p)))
        throw new ProgrammeInvalid(`partnerInstitutionIds: no institution ${p}`, {
          field: 'partnerInstitutionIds',
        });
    }
    if (latest && comparable(latest.programme) === comparable(programme)) return latest;
    if (given !== undefined && given !== next)
      throw new Conflict(
        `Programme ${programme.id} is at version ${latest?.version ?? 0}; define version ${next}`,
      );
    const stored: StoredProgramme = {
      programmeId: programme.id,
      version: next,
      institutionId: programme.institutionId,
      definedAt: this.now().toISOString(),
      definedBy: actorRef(actor),
      programme: { ...programme, version: next },
    };
    if (!(await this.repo.insert(stored)))
      throw new Conflict(`Version ${next} of ${programme.id} was defined concurrently; look again`);
    return stored;
  }

  /** A version of a programme (the latest when none is given). Public. */
  async get(programmeId: string, version?: number | null): Promise<StoredProgramme> {
    const all = await this.repo.versions(programmeId);
    const found = version ? all.find((p) => p.version === version) : all.at(-1);
    if (!found)
      throw new NotFound('Programme', version ? `${programmeId} version ${version}` : programmeId);
    return found;
  }

  async versions(programmeId: string): Promise<StoredProgramme[]> {
    const all = await this.repo.versions(programmeId);
    if (all.length === 0) throw new NotFound('Programme', programmeId);
    return all;
  }

  /** The latest version of every programme, optionally of one institution. */
  async list(institutionId?: string | null): Promise<StoredProgramme[]> {
    const best = new Map<string, StoredProgramme>();
    for (const p of await this.repo.list()) {
      if (institutionId && p.institutionId !== institutionId) continue;
      const cur = best.get(p.programmeId);
      if (!cur || p.version > cur.version) best.set(p.programmeId, p);
    }
    return [...best.values()];
  }
}

/**
 * Seed programmes and rules name institutions by slug; stored ones by id. Replaces every string that
 * is a known slug, or a course ref `slug:CODE`, with the institution's id.
 */
export function bindInstitutionIds<T>(value: T, idBySlug: Readonly<Record<string, string>>): T {
  const bind = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (idBySlug[v]) return idBySlug[v];
      const i = v.indexOf(':');
      const slug = i > 0 ? v.slice(0, i) : '';
      return slug && idBySlug[slug] ? `${idBySlug[slug]}${v.slice(i)}` : v;
    }
    if (Array.isArray(v)) return v.map(bind);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bind(x)]));
    return v;
  };
  return bind(value) as T;
}
