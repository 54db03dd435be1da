// Lifelong learner accounts: one per person, found by a keyed hash of the national ID number.
import { randomUUID } from 'node:crypto';
import {
  actorRef,
  canReadWholeRecord,
  requireInstitution,
  requireNotSuspended,
  requireOperator,
  type Actor,
} from './access.ts';
import { Forbidden, InputValidationError, NotFound, Unauthenticated } from '../shared/index.ts';
import type { LearnerRepository } from '../shared/index.ts';
import type { Learner } from '../shared/index.ts';
import { boundedString, pastDate } from '../shared/index.ts';

/** HMAC of a normalised national ID number under the server's secret (see api/config.ts). */
export type NationalIdHasher = (nationalId: string) => string;

export interface LearnerInput {
  nationalId: string;
  name: string;
  birthDate?: string | null;
  did?: string | null;
}

export function normaliseNationalId(raw: string): string {
  const id = String(raw ?? '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
  if (!/^[0-9A-Z]{6,32}$/.test(id)) {
    throw new InputValidationError('A national ID number is 6 to 32 letters or digits', {
      field: 'nationalId',
    });
  }
  return id;
}

export class LearnerRegistry {
  constructor(
    private readonly repo: LearnerRepository,
    private readonly hashId: NationalIdHasher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** An institution registering a learner who exists already gets that learner, never a duplicate. */
  async register(
    actor: Actor,
    input: LearnerInput,
  ): Promise<{ learner: Learner; created: boolean }> {
    if (actor.kind !== 'staff' && actor.kind !== 'apikey') requireOperator(actor);
    // Registering is a write: a read-only key may look learners up, not create them.
    if (actor.kind === 'apikey') requireInstitution(actor, actor.institutionId, 'records:write');
    requireNotSuspended(actor);
    const learner: Learner = {
      id: randomUUID(),
      idHash: this.hashId(normaliseNationalId(input.nationalId)),
      name: boundedString(input.name, 'name', 200),
      birthDate: input.birthDate ? pastDate(input.birthDate, 'birthDate', this.now()) : undefined,
      did: input.did ? this.#did(input.did) : undefined,
      createdAt: this.now().toISOString(),
      createdBy: actorRef(actor),
    };
    const out = await this.repo.insertOrGet(learner);
    if (out.created) {
      this.#known.add(out.learner.id);
      for (const fn of this.#registered) await fn([out.learner.id]);
    }
    return out;
  }

  /** Runs after learners are registered: the ledger opens their credit accounts. */
  onRegistered(fn: (learnerIds: string[]) => Promise<void>): void {
    this.#registered.push(fn);
  }

  readonly #registered: ((learnerIds: string[]) => Promise<void>)[] = [];

  #did(did: string): string {
    const d = boundedString(did, 'did', 300);
    if (!/^did:(key|web):[A-Za-z0-9._:%-]+$/.test(d)) {
      throw new InputValidationError('A learner DID is a did:key or did:web', { field: 'did' });
    }
    return d;
  }

  /** Institutions may look a learner up (to record for them); only the learner and operator see the whole record. */
  async get(actor: Actor, id: string): Promise<Learner> {
    if (actor.kind === 'public') throw new Unauthenticated('Sign in to look learners up');
    if (actor.kind === 'learner' && !canReadWholeRecord(actor, id))
      throw new Forbidden("Another learner's account");
    const l = await this.repo.findById(id);
    if (!l) throw new NotFound('Learner', id);
    return l;
  }

  async findByNationalId(actor: Actor, nationalId: string): Promise<Learner | null> {
    if (actor.kind !== 'staff' && actor.kind !== 'apikey') requireOperator(actor);
    return this.repo.findByIdHash(this.hashId(normaliseNationalId(nationalId)));
  }

  /** Internal: existence check for services that already authorised the caller. */
  async require(id: string): Promise<Learner> {
    const l = await this.repo.findById(id);
    if (!l) throw new NotFound('Learner', id);
    this.#known.add(id);
    return l;
  }

  /**
   * Which of these learner ids exist, in one query for the ones not seen before. Learners are
   * never deleted, so a bounded in-process memory of known ids is always right.
   */
  async existing(ids: string[]): Promise<Set<string>> {
    const unknown = [...new Set(ids)].filter((id) => !this.#known.has(id));
    if (unknown.length) {
      for (const id of await this.repo.existingIds(unknown)) {
        if (this.#known.size > 200_000) this.#known.clear();
        this.#known.add(id);
      }
    }
    return new Set(ids.filter((id) => this.#known.has(id)));
  }

  /** Whether this process has seen the learner exist (no lookup). */
  seen(id: string): boolean {
    return this.#known.has(id);
  }

  readonly #known = new Set<string>();
}
