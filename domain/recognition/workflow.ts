// The recognition workflow: a learner (or an institution for them) asks an institution to recognise
// ledger entries; its staff approve, partly approve or reject; the learner may appeal once. Every step
// is an append-only event; approval appends recognised-credit entries to the ledger idempotently.
import { randomUUID } from 'node:crypto';
import {
  actingInstitution,
  actorRef,
  canReadWholeRecord,
  requireInstitution,
  SYSTEM,
  type Actor,
} from '../identity/index.ts';
import { toCreditItems } from './credit-items.ts';
import { type CurrentAchievement } from './credit-items.ts';
import { validCategory } from '../institutions/index.ts';
import {
  AlreadyRecognized,
  Conflict,
  Forbidden,
  InputValidationError,
  NotFound,
  Unauthenticated,
} from '../shared/index.ts';
import type { InstitutionRegistry } from '../institutions/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import type { LedgerRepository } from '../shared/index.ts';
import type { ProgrammeRegistry } from '../programmes/index.ts';
import type {
  GrantedCredit,
  RecognitionEvent,
  RecognitionEventType,
  RecognitionRequestRecord,
  RecognitionRequestRepository,
} from './ports.ts';
import type { AchievementContent, AppendRequest, LedgerEntry } from '../shared/index.ts';
import {
  CREDIT_SYSTEMS,
  boundedString,
  creditsToHundredths,
  requireOneOf,
} from '../shared/index.ts';
import { evaluateRecognition, type PriorRecognition } from './evaluate.ts';
import type { RuleRegistry } from './registry.ts';

/** Cited by credits a reviewer granted without a published rule. */
export const MANUAL_ASSESSMENT = { ruleId: 'manual-assessment', ruleVersion: 0 } as const;

export type RecognitionStatus =
  'pending' | 'auto_approved' | 'approved' | 'partly_approved' | 'rejected' | 'appealed';

export interface RecognitionRequestInput {
  learnerId?: string | null | undefined;
  entryIds: string[];
  targetInstitutionId?: string | null | undefined;
  programmeId?: string | null | undefined;
  programmeVersion?: number | null | undefined;
  creditSystem?: string | null | undefined;
  comment?: string | null | undefined;
}

export interface DecisionItemInput {
  entryId: string;
  /** Decimal credits (the API's unit). */
  credits: number;
  category?: string | null | undefined;
  level?: number | null | undefined;
}

export interface DecisionOptions {
  /** Void an earlier recognition of the same source at this institution, instead of refusing. */
  supersede?: boolean;
}

export interface RecognitionView {
  request: RecognitionRequestRecord;
  events: RecognitionEvent[];
  status: RecognitionStatus;
  /** What the latest decision recognised. */
  granted: GrantedCredit[];
  /** The ledger entries holding the recognised credits as they stand (the latest correction of each). */
  recognizedEntries: LedgerEntry[];
}

const DECISIONS: RecognitionEventType[] = [
  'auto_approved',
  'approved',
  'partly_approved',
  'rejected',
];

function statusOf(events: readonly RecognitionEvent[]): RecognitionStatus {
  const last = events.at(-1);
  if (!last || last.type === 'requested') return 'pending';
  return last.type;
}

const lastDecision = (events: readonly RecognitionEvent[]) =>
  events.filter((e) => DECISIONS.includes(e.type)).at(-1);

const sourceRecordId = (requestId: string, entryId: string) =>
  `recognition:${requestId}:${entryId}`;

export class RecognitionService {
  constructor(
    private readonly repo: RecognitionRequestRepository,
    private readonly rules: RuleRegistry,
    private readonly programmes: ProgrammeRegistry,
    private readonly institutions: InstitutionRegistry,
    private readonly ledger: LedgerService,
    private readonly entries: Pick<
      LedgerRepository,
      'findById' | 'findByIdempotencyKey' | 'listByTarget'
    >,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Files a request; one that automatic rules cover exactly is approved at once. */
  async request(actor: Actor, input: RecognitionRequestInput): Promise<RecognitionView> {
    if (actor.kind === 'public') throw new Unauthenticated();
    const own = actingInstitution(actor);
    let learnerId: string;
    if (actor.kind === 'learner') {
      if (input.learnerId && input.learnerId !== actor.learnerId)
        throw new Forbidden('A learner may ask to recognise only their own entries');
      learnerId = actor.learnerId;
    } else {
      // The learner, or an institution on their behalf (for entries it recorded); not the operator.
      if (own) requireInstitution(actor, own, 'records:write');
      else if (actor.kind !== 'system')
        throw new Forbidden('The learner, or an institution on their behalf, asks for recognition');
      learnerId = boundedString(input.learnerId, 'learnerId', 64);
    }
    const entryIds = [...new Set(input.entryIds.map((e) => boundedString(e, 'entryIds', 120)))];
    if (entryIds.length === 0 || entryIds.length > 100)
      throw new InputValidationError('Name 1 to 100 entries', { field: 'entryIds' });

    const stored = input.programmeId
      ? await this.programmes.get(input.programmeId, input.programmeVersion)
      : null;
    const targetInstitutionId =
      stored?.institutionId ?? boundedString(input.targetInstitutionId, 'targetInstitutionId', 64);
    if (stored && input.targetInstitutionId && input.targetInstitutionId !== stored.institutionId)
      throw new InputValidationError('The programme is awarded by another institution', {
        field: 'targetInstitutionId',
      });
    await this.institutions.requireActive(targetInstitutionId);
    const creditSystem = requireOneOf(
      input.creditSystem ?? stored?.programme.creditSystem ?? '',
      CREDIT_SYSTEMS,
      'creditSystem',
    );

    // Whose entries are they? Someone else's is FORBIDDEN, an unknown one NOT_FOUND.
    const current = await this.ledger.currentAchievements(learnerId);
    const byId = new Map(current.map((c) => [c.entry.id, c]));
    for (const id of entryIds) {
      const c = byId.get(id);
      if (c) {
        if (own && c.entry.institutionId !== own)
          throw new Forbidden('An institution files requests only for entries it recorded');
        continue;
      }
      const e = await this.entries.findById(id);
      if (!e) throw new NotFound('Ledger entry', id);
      if (
        e.learnerId !== learnerId ||
        (actor.kind === 'learner' && e.learnerId !== actor.learnerId)
      )
        throw new Forbidden(`Entry ${id} is not this learner's`);
      throw new InputValidationError(
        `Entry ${id} is not a current achievement (voided, or not an achievement)`,
        {
          field: 'entryIds',
        },
      );
    }

    // An entry waits in at most one open request to the same institution.
    for (const r of await this.repo.listByLearner(learnerId)) {
      if (r.targetInstitutionId !== targetInstitutionId) continue;
      if (!r.entryIds.some((id) => entryIds.includes(id))) continue;
      const s = statusOf(await this.repo.events(r.id));
      if (s === 'pending' || s === 'appealed')
        throw new Conflict(`Request ${r.id} for some of these entries is still open`);
    }

    const at = this.now().toISOString();
    const items = toCreditItems(current);
    const chosen = items.filter((i) => entryIds.includes(i.entryId));
    const proposals = evaluateRecognition({
      items: entryIds.map((id) => chosen.find((i) => i.entryId === id)!),
      rules: await this.rules.allRules(),
      target: {
        institutionId: targetInstitutionId,
        ...(stored ? { programmeId: stored.programmeId } : {}),
        creditSystem,
      },
      asOf: at.slice(0, 10),
      alreadyRecognized: priorRecognitions(current, targetInstitutionId),
    });
    const request: RecognitionRequestRecord = {
      id: randomUUID(),
      learnerId,
      targetInstitutionId,
      programmeId: stored?.programmeId,
      programmeVersion: stored?.version,
      creditSystem,
      entryIds,
      filedByInstitutionId: own ?? undefined,
      createdAt: at,
      createdBy: actorRef(actor),
      proposals,
    };
    await this.repo.insert(request);
    await this.#event(request, actor, 1, 'requested', {
      comment: input.comment ? boundedString(input.comment, 'comment', 2000) : undefined,
    });
    const automatic = proposals.every((p) => p.outcome === 'PROPOSED' && p.automatic);
    if (automatic) {
      const granted = proposals.map((p) => grantOf(p, p.credits, p.category!, p.level));
      const e = await this.#event(request, SYSTEM, 2, 'auto_approved', {
        reason: 'Every entry matches an automatic rule exactly',
        granted,
      });
      await this.#settle(request, e);
    }
    return this.#view(request);
  }

  async approve(
    actor: Actor,
    requestId: string,
    items?: DecisionItemInput[] | null,
    comment?: string | null,
    opts: DecisionOptions = {},
  ): Promise<RecognitionView> {
    return this.#decide(actor, requestId, 'approved', items ?? null, undefined, comment, opts);
  }

  async partlyApprove(
    actor: Actor,
    requestId: string,
    items: DecisionItemInput[],
    reason: string,
    opts: DecisionOptions = {},
  ): Promise<RecognitionView> {
    return this.#decide(actor, requestId, 'partly_approved', items, reason, undefined, opts);
  }

  async reject(actor: Actor, requestId: string, reason: string): Promise<RecognitionView> {
    return this.#decide(actor, requestId, 'rejected', [], reason);
  }

  /** The learner may appeal a rejection or a partial approval once; staff then decide again. */
  async appeal(actor: Actor, requestId: string, comment: string): Promise<RecognitionView> {
    if (actor.kind === 'public') throw new Unauthenticated();
    const request = await this.#get(requestId);
    if (!(actor.kind === 'learner' && actor.learnerId === request.learnerId))
      throw new Forbidden('Only the learner may appeal');
    const events = await this.repo.events(requestId);
    if (events.some((e) => e.type === 'appealed'))
      throw new Conflict('This request was appealed once already');
    const status = statusOf(events);
    if (status !== 'rejected' && status !== 'partly_approved')
      throw new Conflict(
        `Only a rejection or a partial approval can be appealed; this request is ${status}`,
      );
    await this.#event(request, actor, events.length + 1, 'appealed', {
      comment: boundedString(comment, 'comment', 2000),
    });
    return this.#view(request);
  }

  async get(actor: Actor, requestId: string): Promise<RecognitionView> {
    const request = await this.#get(requestId);
    this.#requireParticipant(actor, request);
    return this.#view(request);
  }

  /** A learner's requests (learner, operator) or those made to an institution (its staff, operator). */
  async list(
    actor: Actor,
    filter: { learnerId?: string | null | undefined; institutionId?: string | null | undefined },
  ): Promise<RecognitionView[]> {
    if (actor.kind === 'public') throw new Unauthenticated();
    let list: RecognitionRequestRecord[];
    if (filter.institutionId) {
      if (actor.kind !== 'operator' && actor.kind !== 'system')
        requireInstitution(actor, filter.institutionId, 'records:read');
      list = await this.repo.listByTarget(filter.institutionId);
      if (filter.learnerId) list = list.filter((r) => r.learnerId === filter.learnerId);
    } else {
      const learnerId =
        filter.learnerId ?? (actor.kind === 'learner' ? actor.learnerId : undefined);
      if (!learnerId)
        throw new InputValidationError('Give a learnerId or an institutionId', {
          field: 'learnerId',
        });
      if (!canReadWholeRecord(actor, learnerId))
        throw new Forbidden("Only the learner may list this learner's requests");
      list = await this.repo.listByLearner(learnerId);
    }
    return Promise.all(list.map((r) => this.#view(r)));
  }

  // ---- internals ---------------------------------------------------------------------------

  async #decide(
    actor: Actor,
    requestId: string,
    type: 'approved' | 'partly_approved' | 'rejected',
    items: DecisionItemInput[] | null,
    reason?: string,
    comment?: string | null,
    opts: DecisionOptions = {},
  ): Promise<RecognitionView> {
    const request = await this.#get(requestId);
    requireInstitution(actor, request.targetInstitutionId, 'records:write');
    const events = await this.repo.events(requestId);
    const status = statusOf(events);
    if (status !== 'pending' && status !== 'appealed') {
      // A retry after a crash finishes the ledger writes of the decision, then reports the conflict.
      const last = lastDecision(events);
      if (last) await this.#settle(request, last);
      throw new Conflict(`Request ${requestId} is ${status.replace('_', ' ')} already`);
    }
    let granted: GrantedCredit[] = [];
    if (type !== 'rejected') {
      granted =
        items && items.length > 0
          ? this.#grantsFromItems(request, items)
          : grantsAsProposed(request);
      if (granted.length === 0)
        throw new InputValidationError(
          'Nothing to recognise: no published rule covers these entries; give the credits per entry, or reject with a reason',
          { field: 'items' },
        );
      const earlier = await this.#earlierRecognitions(request, granted);
      if (earlier.length > 0 && !opts.supersede) {
        const first = earlier[0]!;
        throw new AlreadyRecognized(
          `Entry ${first.sourceEntryId} is already recognised at this institution as entry ${first.entry.id}` +
            `${first.requestId ? ` (request ${first.requestId})` : ''}; approve with supersede to replace that recognition`,
          {
            sourceEntryId: first.sourceEntryId,
            recognizedEntryId: first.entry.id,
            ...(first.requestId ? { requestId: first.requestId } : {}),
          },
        );
      }
      // Superseding voids the earlier recognition first: at no moment do both count.
      for (const e of earlier)
        await this.ledger.appendTrusted(actor, {
          learnerId: request.learnerId,
          institutionId: request.targetInstitutionId,
          sourceRecordId: `recognition:${request.id}:supersedes:${e.entry.id}`,
          body: {
            type: 'void',
            targetEntryId: e.entry.id,
            reason: `Superseded by recognition request ${request.id}`,
          },
        });
    }
    const e = await this.#event(request, actor, events.length + 1, type, {
      reason: reason !== undefined ? boundedString(reason, 'reason', 2000) : undefined,
      comment: comment ? boundedString(comment, 'comment', 2000) : undefined,
      granted,
    });
    await this.#settle(request, e, actor);
    return this.#view(request);
  }

  #grantsFromItems(request: RecognitionRequestRecord, items: DecisionItemInput[]): GrantedCredit[] {
    const seen = new Set<string>();
    return items.flatMap((i) => {
      if (!request.entryIds.includes(i.entryId))
        throw new InputValidationError(`Entry ${i.entryId} is not part of this request`, {
          field: 'items',
        });
      if (seen.has(i.entryId))
        throw new InputValidationError(`Entry ${i.entryId} is listed twice`, { field: 'items' });
      seen.add(i.entryId);
      const credits = creditsToHundredths(i.credits);
      if (credits === 0) return [];
      const p = request.proposals.find((x) => x.entryId === i.entryId);
      const category = i.category ? validCategory(i.category) : p?.category;
      if (!category)
        throw new InputValidationError(`Give a category for entry ${i.entryId}`, {
          field: 'items',
        });
      const proposed = p && p.credits > 0 ? p : undefined;
      const g = grantOf(
        proposed ?? { entryId: i.entryId, creditSystem: request.creditSystem },
        credits,
        category,
        i.level ?? p?.level,
      );
      return [g];
    });
  }

  /**
   * Current recognised credits at the request's institution, from other requests (or none), citing
   * a source entry that this decision grants: one learning is recognised once per institution.
   */
  async #earlierRecognitions(
    request: RecognitionRequestRecord,
    granted: readonly GrantedCredit[],
  ): Promise<Array<{ sourceEntryId: string; entry: LedgerEntry; requestId?: string }>> {
    const sources = new Set(granted.map((g) => g.sourceEntryId));
    const current = await this.ledger.currentAchievements(request.learnerId);
    return current.flatMap(({ entry, achievement: a }) => {
      const rec = a.recognition;
      if (!rec || entry.institutionId !== request.targetInstitutionId) return [];
      if (rec.requestId === request.id) return [];
      const src = rec.sourceEntryIds.find((id) => sources.has(id));
      return src
        ? [{ sourceEntryId: src, entry, ...(rec.requestId ? { requestId: rec.requestId } : {}) }]
        : [];
    });
  }

  async #event(
    request: RecognitionRequestRecord,
    actor: Actor,
    seq: number,
    type: RecognitionEventType,
    extra: Partial<RecognitionEvent>,
  ): Promise<RecognitionEvent> {
    const e: RecognitionEvent = {
      requestId: request.id,
      seq,
      type,
      at: this.now().toISOString(),
      actor: actorRef(actor),
      institutionId: actingInstitution(actor) ?? undefined,
      ...stripUndefined(extra),
    };
    if (!(await this.repo.appendEvent(e)))
      throw new Conflict(
        `Someone else acted on request ${request.id} at the same time; look again`,
      );
    return e;
  }

  /**
   * Makes the ledger say what a decision says, idempotently: the first grant for a source entry is a
   * new 'recognized' achievement keyed by (request, source entry); a later decision that changes or
   * withdraws it appends a correction or a void keyed by the decision's event number.
   */
  async #settle(
    request: RecognitionRequestRecord,
    decision: RecognitionEvent,
    actor: Actor = SYSTEM,
  ): Promise<void> {
    const current = await this.ledger.currentAchievements(request.learnerId);
    const byId = new Map(current.map((c) => [c.entry.id, c]));
    for (const sourceId of request.entryIds) {
      const grant = decision.granted?.find((g) => g.sourceEntryId === sourceId);
      const source = byId.get(sourceId);
      const key = sourceRecordId(request.id, sourceId);
      const original = await this.entries.findByIdempotencyKey(
        `${request.targetInstitutionId}:${key}`,
      );
      const desired = grant && source ? recognisedContent(request, grant, source) : null;
      const base = { learnerId: request.learnerId, institutionId: request.targetInstitutionId };
      if (!original) {
        if (desired)
          await this.ledger.appendTrusted(actor, {
            ...base,
            sourceRecordId: key,
            body: { type: 'achievement', achievement: desired },
          });
        continue;
      }
      const now = byId.get(original.id)?.achievement ?? null;
      if (sameContent(now, desired)) continue;
      const reason = `Recognition request ${request.id}: ${decision.type.replace('_', ' ')}${decision.reason ? ` (${decision.reason})` : ''}`;
      const change: AppendRequest = desired
        ? {
            ...base,
            sourceRecordId: `${key}:d${decision.seq}`,
            body: { type: 'correction', targetEntryId: original.id, reason, achievement: desired },
          }
        : {
            ...base,
            sourceRecordId: `${key}:d${decision.seq}`,
            body: { type: 'void', targetEntryId: original.id, reason },
          };
      await this.ledger.appendTrusted(actor, change);
    }
  }

  async #view(request: RecognitionRequestRecord): Promise<RecognitionView> {
    const events = await this.repo.events(request.id);
    const decision = lastDecision(events);
    const granted = decision?.granted ?? [];
    const recognizedEntries: LedgerEntry[] = [];
    for (const g of granted) {
      const e = await this.entries.findByIdempotencyKey(
        `${request.targetInstitutionId}:${sourceRecordId(request.id, g.sourceEntryId)}`,
      );
      if (!e) continue;
      // A later decision corrects (or voids) what an earlier one recorded: show where it stands now.
      const latest =
        (await this.entries.listByTarget(e.id)).sort((a, b) => a.seq - b.seq).at(-1) ?? e;
      if (latest.body.type !== 'void') recognizedEntries.push(latest);
    }
    return { request, events, status: statusOf(events), granted, recognizedEntries };
  }

  async #get(id: string): Promise<RecognitionRequestRecord> {
    const r = await this.repo.findById(boundedString(id, 'requestId', 64));
    if (!r) throw new NotFound('Recognition request', id);
    return r;
  }

  #requireParticipant(actor: Actor, r: RecognitionRequestRecord): void {
    if (canReadWholeRecord(actor, r.learnerId)) return;
    const own = actingInstitution(actor);
    if (own && (own === r.targetInstitutionId || own === r.filedByInstitutionId)) {
      requireInstitution(actor, own, 'records:read');
      return;
    }
    if (actor.kind === 'public') throw new Unauthenticated();
    throw new Forbidden(
      'Only the learner, the institutions involved and the operator see this request',
    );
  }
}

function grantOf(
  p: {
    entryId: string;
    creditSystem: GrantedCredit['creditSystem'];
    courseRef?: string | undefined;
    rule?: { id: string; version: number } | undefined;
  },
  credits: number,
  category: string,
  level: number | undefined,
): GrantedCredit {
  return stripUndefined({
    sourceEntryId: p.entryId,
    credits,
    creditSystem: p.creditSystem,
    category,
    level,
    courseRef: p.courseRef,
    ruleId: p.rule?.id ?? MANUAL_ASSESSMENT.ruleId,
    ruleVersion: p.rule?.version ?? MANUAL_ASSESSMENT.ruleVersion,
  });
}

function grantsAsProposed(request: RecognitionRequestRecord): GrantedCredit[] {
  return request.proposals
    .filter((p) => p.credits > 0 && p.category)
    .map((p) => grantOf(p, p.credits, p.category!, p.level));
}

function recognisedContent(
  request: RecognitionRequestRecord,
  g: GrantedCredit,
  source: CurrentAchievement,
): AchievementContent {
  const s = source.achievement;
  const prefix = `${request.targetInstitutionId}:`;
  const courseCode = g.courseRef?.startsWith(prefix) ? g.courseRef.slice(prefix.length) : undefined;
  return stripUndefined({
    kind: 'recognized',
    title: s.title,
    courseCode,
    credits: g.credits,
    creditSystem: g.creditSystem,
    category: g.category,
    level: g.level ?? s.level,
    hours: s.hours,
    grade: s.grade,
    earnedAt: s.earnedAt,
    recognition: {
      ruleId: g.ruleId,
      ruleVersion: g.ruleVersion,
      sourceEntryIds: [g.sourceEntryId],
      requestId: request.id,
    },
  });
}

const sameContent = (a: AchievementContent | null, b: AchievementContent | null) =>
  JSON.stringify(a && sortKeys(a)) === JSON.stringify(b && sortKeys(b));

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined && x !== null)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, sortKeys(x)]),
    );
  return v;
}

/** Credits already recognised at the target: they use up caps and are not recognised again. */
function priorRecognitions(
  current: readonly CurrentAchievement[],
  targetInstitutionId: string,
): PriorRecognition[] {
  const institutionOf = new Map(current.map((c) => [c.entry.id, c.entry.institutionId]));
  return current.flatMap(({ entry, achievement: a }) => {
    if (!a.recognition || entry.institutionId !== targetInstitutionId) return [];
    const src = a.recognition.sourceEntryIds[0];
    return [
      {
        sourceEntryIds: a.recognition.sourceEntryIds,
        sourceInstitutionId: (src && institutionOf.get(src)) || entry.institutionId,
        credits: a.credits,
        earnedAt: a.earnedAt,
      },
    ];
  });
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
