// The audit's own read of a learner's credit items: kept per learner with the chain position it was
// read at, and brought up to date by reading only the entries appended after that position.
import type { CreditItem } from '../recognition/index.ts';
import type { AchievementContent, LedgerEntry } from '../shared/index.ts';

/** What the cache reads: a learner's ledger entries after a chain position, in chain order. */
export interface LedgerEntriesAfter {
  entriesAfter(learnerId: string, afterSeq: number): Promise<LedgerEntry[]>;
}

interface Folded {
  /** The highest seq folded in. */
  uptoSeq: number;
  /** Every achievement entry by id, with its content as it stands (null once voided). */
  current: Map<string, { entry: LedgerEntry; achievement: AchievementContent | null }>;
  items: CreditItem[];
}

/**
 * A learner's current achievements, folded from their chain the way `currentOf` folds it (a
 * correction replaces its target's content, a void drops it), but incrementally. The ledger is
 * append-only and a correction or void is itself a new entry, so the fold of the entries up to a
 * position never changes: folding only what came after it gives what folding the whole chain gives.
 * A head behind the kept position (a database restored or rebuilt) is read again from the start.
 */
export class LearnerItemCache {
  readonly #kept = new Map<string, Folded>();
  /** One read per learner at a time: concurrent audits of one learner share it. */
  readonly #reading = new Map<string, Promise<Folded>>();

  constructor(
    private readonly source: LedgerEntriesAfter,
    private readonly toItems: (
      current: readonly { entry: LedgerEntry; achievement: AchievementContent }[],
    ) => CreditItem[],
    private readonly capacity = 500,
  ) {}

  /** The learner's credit items as of a chain head at least `head`. */
  async items(learnerId: string, head: number): Promise<CreditItem[]> {
    const kept = this.#kept.get(learnerId);
    if (kept && kept.uptoSeq === head) {
      this.#touch(learnerId, kept);
      return kept.items;
    }
    const pending = this.#reading.get(learnerId);
    if (pending) {
      const folded = await pending;
      if (folded.uptoSeq >= head) return folded.items;
    }
    const base = kept && kept.uptoSeq < head ? kept : null;
    const reading = this.#fold(learnerId, base);
    this.#reading.set(learnerId, reading);
    try {
      const folded = await reading;
      this.#touch(learnerId, folded, base === null);
      return folded.items;
    } finally {
      if (this.#reading.get(learnerId) === reading) this.#reading.delete(learnerId);
    }
  }

  /** Forgets a learner (for tests and for a learner erased). */
  forget(learnerId: string): void {
    this.#kept.delete(learnerId);
  }

  async #fold(learnerId: string, from: Folded | null): Promise<Folded> {
    const after = from?.uptoSeq ?? 0;
    const entries = await this.source.entriesAfter(learnerId, after);
    // A copy: an audit still using the previous items must not see them change under it.
    const current = new Map(from?.current ?? []);
    let uptoSeq = after;
    let changed = from === null;
    for (const e of entries) {
      if (e.seq <= uptoSeq) continue;
      uptoSeq = e.seq;
      const body = e.body;
      if (body.type === 'achievement') {
        current.set(e.id, { entry: e, achievement: body.achievement });
        changed = true;
      } else if (body.type === 'correction' || body.type === 'void') {
        const c = current.get(body.targetEntryId);
        if (c) {
          current.set(body.targetEntryId, {
            entry: c.entry,
            achievement: body.type === 'correction' ? body.achievement : null,
          });
          changed = true;
        }
      }
    }
    const items =
      changed || !from
        ? this.toItems(
            [...current.values()].flatMap((c) =>
              c.achievement ? [{ entry: c.entry, achievement: c.achievement }] : [],
            ),
          )
        : from.items;
    return { uptoSeq, current, items };
  }

  #touch(learnerId: string, folded: Folded, fromStart = false): void {
    const kept = this.#kept.get(learnerId);
    // A slower read that finished later must not replace a newer fold; a read from the start is
    // kept regardless (after a head that went back, the kept fold is of a chain that is gone).
    if (!fromStart && kept && kept.uptoSeq > folded.uptoSeq) return;
    this.#kept.delete(learnerId);
    this.#kept.set(learnerId, folded);
    if (this.#kept.size > this.capacity) this.#kept.delete(this.#kept.keys().next().value!);
  }
}
