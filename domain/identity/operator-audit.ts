// The operator's audit trail: every administrative action appended as an immutable, numbered document
// before the change is made (write-ahead), and its outcome appended after.
import { randomUUID } from 'node:crypto';
import { actorRef, requireOperator, type Actor } from './access.ts';
import { InputValidationError } from '../shared/index.ts';
import type { ActorRef } from '../shared/index.ts';
import { KeyedMutex } from '../shared/index.ts';

export const OPERATOR_ACTIONS = [
  'institution.register',
  'institution.status',
  'institution.accreditation',
  'user.create-operator',
  'user.create-staff',
  'user.disable',
  'user.enable',
  'user.activation-code',
  'user.reset-code',
  'apikey.create',
  'apikey.revoke',
  'signingkey.rotate',
  'signingkey.revoke',
] as const;
export type OperatorActionKind = (typeof OPERATOR_ACTIONS)[number];

/** What an action was done to. */
export interface ActionTarget {
  kind: 'institution' | 'user' | 'apikey' | 'signingkey';
  id: string;
  /** A readable name at the time (slug, email, key label or type). */
  label: string;
  /** The institution the target belongs to, when it belongs to one. */
  institutionId?: string | undefined;
}

/** One action, as stored: never changed or deleted once written. */
export interface OperatorAction {
  /** Position in the trail, 1, 2, 3, …: unique, so two writers never share one. */
  seq: number;
  /**
   * The action's own key, which its outcome is stored under. Absent on actions written before the
   * trail was write-ahead (each was appended after its change succeeded).
   */
  id?: string | undefined;
  at: string;
  actor: ActorRef;
  action: OperatorActionKind;
  target: ActionTarget;
  /** Short summaries of what changed (null: nothing before, as for a creation). */
  before: string | null;
  after: string | null;
}

/** What became of an attempted action, appended once the change returned. */
export interface ActionOutcome {
  actionId: string;
  seq: number;
  outcome: 'succeeded' | 'failed';
  at: string;
  /** Failed: the error's message. */
  error?: string | undefined;
  /** Succeeded: what it turned out to be, when only the change could tell (a new key's id). */
  after?: string | undefined;
}

/**
 * An action as the trail shows it: `attempted` while it has no outcome, which after the change has
 * returned means the server stopped between the change and its outcome (the change may or may not
 * have been made; look at the target).
 */
export type OperatorActionView = OperatorAction & {
  status: 'attempted' | 'succeeded' | 'failed';
  error: string | null;
};

/** Actions are stored in blocks of this many consecutive positions: a page reads one or two blocks by equality. */
export const ACTION_BLOCK = 50;

export interface OperatorAuditRepository {
  /** Inserts under its seq; false when that seq is taken already (another writer was first). */
  insert(action: OperatorAction): Promise<boolean>;
  exists(seq: number): Promise<boolean>;
  /** Every action whose seq is in block `block` (seq / ACTION_BLOCK, rounded down). */
  listBlock(block: number): Promise<OperatorAction[]>;
  /** Appends an action's outcome; false (and nothing written) when it has one already. */
  insertOutcome(outcome: ActionOutcome): Promise<boolean>;
  /** The outcomes of the actions in block `block`. */
  listOutcomes(block: number): Promise<ActionOutcome[]>;
}

export interface ActionChange {
  before?: string | null;
  after?: string | null;
}

/** What the services that change the registry, accounts and keys write to. */
export interface OperatorActionLog {
  /**
   * Appends the action as attempted, then makes the change (`apply`), then appends its outcome:
   * succeeded (with `describe`'s summary of the result, if given) or failed (and the error goes on).
   */
  run<T>(
    actor: Actor,
    action: OperatorActionKind,
    target: ActionTarget,
    change: ActionChange,
    apply: () => Promise<T>,
    describe?: (result: T) => string,
  ): Promise<T>;
}

/** `apply` through the trail when there is one (a service built without a trail just applies). */
export function audited<T>(
  trail: OperatorActionLog | undefined,
  actor: Actor,
  action: OperatorActionKind,
  target: ActionTarget,
  change: ActionChange,
  apply: () => Promise<T>,
  describe?: (result: T) => string,
): Promise<T> {
  return trail ? trail.run(actor, action, target, change, apply, describe) : apply();
}

export interface OperatorAuditPage {
  items: OperatorActionView[];
  /** Give this as `after` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

const MAX_PAGE = 100;
const MAX_ATTEMPTS = 20;

export class OperatorAuditTrail implements OperatorActionLog {
  /** The highest seq this process knows to be taken (a lower bound of the trail's head). */
  #known = 0;
  readonly #append = new KeyedMutex();

  constructor(
    private readonly repo: OperatorAuditRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The last seq taken, found by equality lookups only: gallop forward from what this process knew,
   * then halve the gap (about 2·log2 of the actions written elsewhere since).
   */
  async #head(): Promise<number> {
    let low = this.#known; // taken (or 0)
    if (!(await this.repo.exists(low + 1))) return low;
    let step = 1;
    let high = low + 1; // taken
    while (await this.repo.exists(high + step)) {
      low = high + step;
      high = low;
      step *= 2;
    }
    // `high` is taken, `high + step` is not: the head lies in between.
    let lo = high;
    let hi = high + step;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (await this.repo.exists(mid)) lo = mid;
      else hi = mid;
    }
    this.#known = Math.max(this.#known, lo);
    return lo;
  }

  /**
   * Write-ahead (there are no transactions): the action is appended as attempted before the change,
   * so a crash between the two leaves an "attempted, no outcome" line, never a silent change. The
   * outcome is a second append-only document under the action's key, written once.
   */
  async run<T>(
    actor: Actor,
    action: OperatorActionKind,
    target: ActionTarget,
    change: ActionChange,
    apply: () => Promise<T>,
    describe?: (result: T) => string,
  ): Promise<T> {
    const attempted = await this.begin(actor, action, target, change);
    let result: T;
    try {
      result = await apply();
    } catch (err) {
      await this.finish(attempted, {
        outcome: 'failed',
        error: err instanceof Error ? err.message.slice(0, 500) : String(err),
      });
      throw err;
    }
    await this.finish(attempted, {
      outcome: 'succeeded',
      ...(describe ? { after: describe(result) } : {}),
    });
    return result;
  }

  /** Appends an attempted action; its outcome follows with `finish`. */
  async begin(
    actor: Actor,
    action: OperatorActionKind,
    target: ActionTarget,
    change: ActionChange,
  ): Promise<OperatorAction> {
    const entry = {
      id: randomUUID(),
      at: this.now().toISOString(),
      actor: actorRef(actor),
      action,
      target: Object.fromEntries(
        Object.entries(target).filter(([, v]) => v !== undefined),
      ) as unknown as ActionTarget,
      before: change.before ?? null,
      after: change.after ?? null,
    };
    return this.#append.run(['trail'], async () => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const seq = (await this.#head()) + 1;
        if (await this.repo.insert({ seq, ...entry })) {
          this.#known = seq;
          return { seq, ...entry };
        }
        this.#known = seq; // another process took it: look further
      }
      throw new Error(`Could not append to the operator audit trail in ${MAX_ATTEMPTS} attempts`);
    });
  }

  /** Appends the outcome of an attempted action (idempotent: the first outcome stands). */
  async finish(
    action: OperatorAction,
    outcome: { outcome: ActionOutcome['outcome']; error?: string; after?: string },
  ): Promise<void> {
    if (!action.id) return;
    await this.repo.insertOutcome({
      actionId: action.id,
      seq: action.seq,
      at: this.now().toISOString(),
      ...outcome,
    });
  }

  /** Newest first, `first` at a time (default 20, at most 100); `after` is the cursor of the previous page. */
  async page(
    actor: Actor,
    first?: number | null,
    after?: string | null,
  ): Promise<OperatorAuditPage> {
    requireOperator(actor);
    const size = first ?? 20;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
      throw new InputValidationError(`first is a whole number from 1 to ${MAX_PAGE}`, {
        field: 'first',
      });
    }
    let top: number;
    if (after != null && after !== '') {
      if (!/^[1-9][0-9]{0,14}$/.test(after)) {
        throw new InputValidationError('after is a cursor from an earlier page', {
          field: 'after',
        });
      }
      top = Number(after) - 1;
    } else {
      top = await this.#head();
    }
    const items: OperatorActionView[] = [];
    for (let block = Math.floor(top / ACTION_BLOCK); block >= 0 && items.length <= size; block--) {
      const [actions, outcomes] = await Promise.all([
        this.repo.listBlock(block),
        this.repo.listOutcomes(block),
      ]);
      const byAction = new Map(outcomes.map((o) => [o.actionId, o]));
      const found = actions
        .filter((a) => a.seq <= top)
        .sort((a, b) => b.seq - a.seq)
        .map((a): OperatorActionView => {
          // Written before the trail was write-ahead: only after the change had succeeded.
          if (!a.id) return { ...a, status: 'succeeded', error: null };
          const o = byAction.get(a.id);
          return {
            ...a,
            after: o?.after ?? a.after,
            status: o ? o.outcome : 'attempted',
            error: o?.error ?? null,
          };
        });
      items.push(...found);
    }
    const pageItems = items.slice(0, size);
    const last = pageItems.at(-1);
    return {
      items: pageItems,
      nextCursor: items.length > size && last ? String(last.seq) : null,
    };
  }
}
