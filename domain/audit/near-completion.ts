// Which learners are close to completing a programme: the degree audit of each learner the awarding
// institution has dealings with, ranked by how much of the requirement tree their record meets.
import {
  requireOperatorOrInstitution,
  type Actor,
  type LearnerRegistry,
} from '../identity/index.ts';
import type { ProgrammeRegistry } from '../programmes/index.ts';
import type { ApplicationRepository, RecognitionRequestRepository } from '../recognition/index.ts';
import type { AuditResult } from './audit.ts';
import { InputValidationError, Unauthenticated, type LocalizedText } from '../shared/index.ts';
import type { AuditService } from './service.ts';

/**
 * At most this many learners are audited for one list: the programme's applicants first, then the
 * other learners with dealings with the institution, by id. Repeats are cheap (cached results).
 */
export const NEAR_COMPLETION_CAP = 1_000;

export interface NearCompletionOptions {
  version?: number | null | undefined;
  /** Only learners whose record meets at least this share of the requirements (0–1, default 0.5). */
  minProgress?: number | null | undefined;
  /** At most this many learners, closest first (1–200, default 50). */
  first?: number | null | undefined;
}

export interface NearCompletionLearner {
  learnerId: string;
  name: string;
  /** The mean share met of the tree's leaf requirements, 0–1 (1 when the audit passes). */
  progress: number;
  passed: boolean;
  /** Leaf requirements met, of all leaves. */
  met: number;
  requirements: number;
  /** What is still missing, in words. */
  missing: LocalizedText[];
  /** Whether the learner applied for this programme version already. */
  applied: boolean;
}

export interface NearCompletionReport {
  programmeId: string;
  version: number;
  asOf: string;
  /** How many learners were audited (those with dealings with the awarding institution). */
  audited: number;
  /** How many more have dealings with the institution than the cap let be audited (0: none left out). */
  notAudited: number;
  /** Of those audited, how many audits were reused unchanged from an earlier request. */
  reused: number;
  learners: NearCompletionLearner[];
}

/** The share of each leaf requirement met, averaged: a readable "how far along", not a verdict. */
export function progressOf(result: AuditResult): {
  progress: number;
  met: number;
  leaves: number;
  missing: LocalizedText[];
} {
  const parents = new Set(result.requirements.map((r) => r.parentId).filter(Boolean));
  const leaves = result.requirements.filter((r) => !parents.has(r.id));
  if (leaves.length === 0)
    return { progress: result.passed ? 1 : 0, met: 0, leaves: 0, missing: [] };
  const share = (r: (typeof leaves)[number]) =>
    r.met ? 1 : r.required > 0 ? Math.max(0, Math.min(1, r.counted / r.required)) : 0;
  const sum = leaves.reduce((s, r) => s + share(r), 0);
  return {
    progress: result.passed ? 1 : Math.round((sum / leaves.length) * 1000) / 1000,
    met: leaves.filter((r) => r.met).length,
    leaves: leaves.length,
    missing: leaves.filter((r) => !r.met && r.missing.text.en).map((r) => r.missing.text),
  };
}

export class NearCompletion {
  constructor(
    private readonly audits: Pick<AuditService, 'evaluateCached'>,
    private readonly programmes: ProgrammeRegistry,
    private readonly requests: Pick<RecognitionRequestRepository, 'listByTarget'>,
    private readonly applications: Pick<ApplicationRepository, 'listByInstitution'>,
    private readonly learners: Pick<LearnerRegistry, 'require'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The awarding institution's staff (or the operator) see the learners who applied to its
   * programmes or asked it to recognise credit (the same learners whose audit they may read),
   * audited against this programme version; those at or above `minProgress`, closest first.
   */
  async list(
    actor: Actor,
    programmeId: string,
    opts: NearCompletionOptions = {},
  ): Promise<NearCompletionReport> {
    if (actor.kind === 'public') throw new Unauthenticated();
    const minProgress = opts.minProgress ?? 0.5;
    if (!Number.isFinite(minProgress) || minProgress < 0 || minProgress > 1)
      throw new InputValidationError('minProgress must be between 0 and 1', {
        field: 'minProgress',
      });
    const first = opts.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > 200)
      throw new InputValidationError('first must be a whole number from 1 to 200', {
        field: 'first',
      });
    const stored = await this.programmes.get(programmeId, opts.version);
    requireOperatorOrInstitution(actor, stored.institutionId, 'records:read');
    const [requests, applications] = await Promise.all([
      this.requests.listByTarget(stored.institutionId),
      this.applications.listByInstitution(stored.institutionId),
    ]);
    const applied = new Set(
      applications
        .filter(
          (a) => a.programmeId === stored.programmeId && a.programmeVersion === stored.version,
        )
        .map((a) => a.learnerId),
    );
    const everyone = [
      ...new Set([...requests.map((r) => r.learnerId), ...applications.map((a) => a.learnerId)]),
    ].sort();
    // Applicants for this version first: they are the ones about to be confirmed.
    const learnerIds = [
      ...everyone.filter((id) => applied.has(id)),
      ...everyone.filter((id) => !applied.has(id)),
    ].slice(0, NEAR_COMPLETION_CAP);
    const asOf = this.now().toISOString().slice(0, 10);
    const rows: NearCompletionLearner[] = [];
    let reused = 0;
    for (const learnerId of learnerIds) {
      const [learner, { result, cached }] = await Promise.all([
        this.learners.require(learnerId),
        this.audits.evaluateCached(learnerId, stored.programme, asOf),
      ]);
      if (cached) reused++;
      const p = progressOf(result);
      if (p.progress < minProgress) continue;
      rows.push({
        learnerId,
        name: learner.name,
        progress: p.progress,
        passed: result.passed,
        met: p.met,
        requirements: p.leaves,
        missing: p.missing,
        applied: applied.has(learnerId),
      });
    }
    rows.sort((a, b) => b.progress - a.progress || a.learnerId.localeCompare(b.learnerId));
    return {
      programmeId: stored.programmeId,
      version: stored.version,
      asOf,
      audited: learnerIds.length,
      notAudited: everyone.length - learnerIds.length,
      reused,
      learners: rows.slice(0, first),
    };
  }
}
