// Awards: when the degree audit passes the learner applies; the awarding institution's staff confirm;
// the award is recorded in the ledger and the diploma or degree credential is issued through a port.
import { randomUUID } from 'node:crypto';
import {
  actingInstitution,
  actorRef,
  canReadWholeRecord,
  requireInstitution,
  type Actor,
} from '../identity/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { AuditResult } from '../audit/index.ts';
import {
  Conflict,
  Forbidden,
  InputValidationError,
  NotFound,
  Unauthenticated,
} from '../shared/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import type { LedgerRepository } from '../shared/index.ts';
import type { ProgrammeRegistry } from '../programmes/index.ts';
import type { Programme } from '../programmes/index.ts';
import type { ApplicationRepository } from '../recognition/index.ts';
import type { AwardApplication } from '../recognition/index.ts';
import type { AwardConfirmation } from '../recognition/index.ts';
import type { LedgerEntry } from '../shared/index.ts';
import type { LocalizedText } from '../shared/index.ts';

/**
 * Issues the diploma or degree credential of an award (the credentials capability implements it).
 * It must be idempotent per applicationId: a confirmation retried after a crash calls it again.
 */
export interface AwardCredentialIssuer {
  issueAward(
    actor: Actor,
    input: {
      institutionId: string;
      learnerId: string;
      programme: Programme;
      applicationId: string;
      achievementEntryIds: string[];
      awardedAt: string;
    },
  ): Promise<{ credentialId: string }>;
}

export interface ApplicationView {
  application: AwardApplication;
  confirmation: AwardConfirmation | null;
  awardEntry: LedgerEntry | null;
}

const awardRecordId = (applicationId: string) => `award:${applicationId}`;

/** "12 more major credits", "MATH101 or an equivalent": what a failing audit still misses. */
export function missingSummaryText(result: AuditResult): LocalizedText[] {
  const groups = new Set(result.requirements.map((r) => r.parentId).filter(Boolean));
  return result.requirements
    .filter((r) => !r.met && !groups.has(r.id) && r.missing.text.en)
    .map((r) => r.missing.text);
}

/** Why an application waits for staff review rather than being refused or confirmed automatically. */
export const notProvenReason = (result: AuditResult): string =>
  `The degree audit reached the solver's time limit before proving whether the credits can be allocated to pass (${result.solver.candidates} credits considered); the best allocation found still misses: ${missingSummary(result).join('; ')}. A registrar must review the record.`;

export const missingSummary = (result: AuditResult): string[] =>
  missingSummaryText(result).map((t) => t.en);

export class AwardService {
  constructor(
    private readonly repo: ApplicationRepository,
    private readonly programmes: ProgrammeRegistry,
    private readonly audits: AuditService,
    private readonly ledger: LedgerService,
    private readonly entries: Pick<LedgerRepository, 'findByIdempotencyKey'>,
    private readonly issuer: AwardCredentialIssuer | null = null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The learner applies for the award of a programme version (the latest by default). */
  async apply(
    actor: Actor,
    programmeId: string,
    version?: number | null,
  ): Promise<ApplicationView> {
    if (actor.kind === 'public') throw new Unauthenticated();
    if (actor.kind !== 'learner') throw new Forbidden('Only the learner applies for an award');
    const { learnerId } = actor;
    const stored = await this.programmes.get(programmeId, version);
    const existing = await this.repo.findByLearnerProgramme(
      learnerId,
      stored.programmeId,
      stored.version,
    );
    if (existing)
      throw new Conflict(
        `You applied for ${stored.programmeId} v${stored.version} already (application ${existing.id})`,
      );
    const at = this.now().toISOString();
    const result = await this.audits.evaluate(learnerId, stored.programme, at.slice(0, 10));
    // An unproven FAIL is no ground to refuse: the application goes to staff review instead.
    if (result.verdict === 'FAIL') {
      const missing = missingSummary(result);
      throw new Conflict(
        `The audit of ${stored.programmeId} v${stored.version} does not pass yet: ${missing.join('; ')}`,
        {
          missing,
        },
      );
    }
    const application: AwardApplication = {
      id: randomUUID(),
      learnerId,
      institutionId: stored.institutionId,
      programmeId: stored.programmeId,
      programmeVersion: stored.version,
      appliedAt: at,
      appliedBy: actorRef(actor),
      achievementEntryIds: countedEntries(result),
      ...(result.verdict === 'NOT_PROVEN' ? { reviewReason: notProvenReason(result) } : {}),
    };
    if (!(await this.repo.insert(application)))
      throw new Conflict(`You applied for ${stored.programmeId} v${stored.version} already`);
    return this.#view(application);
  }

  /** The awarding institution's staff confirm: the audit must still pass; the award goes into the ledger. */
  async confirm(actor: Actor, applicationId: string): Promise<ApplicationView> {
    const application = await this.#get(applicationId);
    requireInstitution(actor, application.institutionId, 'records:write');
    // Confirming issues the degree credential as the caller: check that too before anything is stored.
    if (this.issuer) requireInstitution(actor, application.institutionId, 'credentials:issue');
    const stored = await this.programmes.get(application.programmeId, application.programmeVersion);
    const confirmed = await this.repo.findConfirmation(application.id);
    if (confirmed) {
      // A retry after a crash finishes the award, then reports the conflict.
      await this.#record(actor, application, stored.programme, confirmed.confirmedAt);
      throw new Conflict(`Application ${application.id} was confirmed already`);
    }
    const at = this.now().toISOString();
    const result = await this.audits.evaluate(
      application.learnerId,
      stored.programme,
      at.slice(0, 10),
    );
    // Staff confirming an application under review is their review's outcome; a proven FAIL stops it.
    if (result.verdict === 'FAIL' || (result.verdict === 'NOT_PROVEN' && !application.reviewReason))
      throw new Conflict(`The audit no longer passes: ${missingSummary(result).join('; ')}`);
    const confirmation: AwardConfirmation = {
      applicationId: application.id,
      confirmedAt: at,
      confirmedBy: actorRef(actor),
    };
    if (!(await this.repo.insertConfirmation(confirmation)))
      throw new Conflict(`Application ${application.id} was confirmed already`);
    await this.#record(
      actor,
      { ...application, achievementEntryIds: countedEntries(result) },
      stored.programme,
      at,
    );
    return this.#view(application);
  }

  async get(actor: Actor, applicationId: string): Promise<ApplicationView> {
    const application = await this.#get(applicationId);
    if (!canReadWholeRecord(actor, application.learnerId))
      requireInstitution(actor, application.institutionId, 'records:read');
    return this.#view(application);
  }

  /** A learner's applications (the learner, the operator) or an institution's (its staff, the operator). */
  async list(
    actor: Actor,
    filter: { learnerId?: string | null | undefined; institutionId?: string | null | undefined },
  ): Promise<ApplicationView[]> {
    if (actor.kind === 'public') throw new Unauthenticated();
    let list: AwardApplication[];
    if (filter.institutionId) {
      if (actor.kind !== 'operator')
        requireInstitution(actor, filter.institutionId, 'records:read');
      list = await this.repo.listByInstitution(filter.institutionId);
      if (filter.learnerId) list = list.filter((a) => a.learnerId === filter.learnerId);
    } else {
      const learnerId =
        filter.learnerId ?? (actor.kind === 'learner' ? actor.learnerId : undefined);
      if (!learnerId)
        throw new InputValidationError('Give a learnerId or an institutionId', {
          field: 'learnerId',
        });
      if (!canReadWholeRecord(actor, learnerId)) {
        const own = actingInstitution(actor);
        if (!own) throw new Forbidden("Only the learner may list this learner's applications");
        requireInstitution(actor, own, 'records:read');
        list = (await this.repo.listByLearner(learnerId)).filter((a) => a.institutionId === own);
      } else list = await this.repo.listByLearner(learnerId);
    }
    return Promise.all(list.map((a) => this.#view(a)));
  }

  async #record(
    actor: Actor,
    application: AwardApplication,
    programme: Programme,
    awardedAt: string,
  ): Promise<void> {
    const key = `${application.institutionId}:${awardRecordId(application.id)}`;
    if (await this.entries.findByIdempotencyKey(key)) return;
    const credential = this.issuer
      ? await this.issuer.issueAward(actor, {
          institutionId: application.institutionId,
          learnerId: application.learnerId,
          programme,
          applicationId: application.id,
          achievementEntryIds: application.achievementEntryIds,
          awardedAt,
        })
      : null;
    await this.ledger.appendTrusted(actor, {
      learnerId: application.learnerId,
      institutionId: application.institutionId,
      sourceRecordId: awardRecordId(application.id),
      body: {
        type: 'award',
        programmeId: application.programmeId,
        programmeVersion: application.programmeVersion,
        applicationId: application.id,
        ...(credential ? { credentialId: credential.credentialId } : {}),
      },
    });
  }

  async #view(application: AwardApplication): Promise<ApplicationView> {
    const [confirmation, awardEntry] = await Promise.all([
      this.repo.findConfirmation(application.id),
      this.entries.findByIdempotencyKey(
        `${application.institutionId}:${awardRecordId(application.id)}`,
      ),
    ]);
    return { application, confirmation, awardEntry };
  }

  async #get(id: string): Promise<AwardApplication> {
    const a = await this.repo.findById(id);
    if (!a) throw new NotFound('Award application', id);
    return a;
  }
}

const countedEntries = (r: AuditResult) => [...new Set(r.allocations.map((a) => a.entryId))].sort();
