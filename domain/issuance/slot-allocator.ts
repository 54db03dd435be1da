// Status list slots claimed in groups: the claims waiting for an institution go in one bulk write.
import type { StatusSlotRepository } from './credential-ports.ts';

interface Waiting {
  credentialId: string;
  resolve(slot: { list: number; index: number }): void;
  reject(err: unknown): void;
}

interface Queue {
  waiting: Waiting[];
  running: boolean;
  next?: { list: number; index: number };
}

/**
 * Hands out (list, index) slots without collision. A unique key per slot is the guard across
 * processes (a slot another process took is a duplicate key, and that claim moves on to the next
 * slot); within one process the claims for an institution that arrive while a write is in flight
 * are claimed together by the next write, so a class of thousands costs a few writes, not one each.
 */
export class SlotAllocator {
  readonly #queues = new Map<string, Queue>();

  constructor(
    private readonly repo: StatusSlotRepository,
    private readonly listLength: number,
  ) {}

  allocate(institutionId: string, credentialId: string): Promise<{ list: number; index: number }> {
    let q = this.#queues.get(institutionId);
    if (!q) this.#queues.set(institutionId, (q = { waiting: [], running: false }));
    const queue = q;
    return new Promise((resolve, reject) => {
      queue.waiting.push({ credentialId, resolve, reject });
      if (!queue.running) {
        queue.running = true;
        // Let the claims made in the same turn of the event loop join this write.
        setImmediate(() => void this.#drain(institutionId, queue));
      }
    });
  }

  async #drain(institutionId: string, q: Queue): Promise<void> {
    try {
      while (q.waiting.length) {
        const group = q.waiting.splice(0, 5_000);
        try {
          await this.#claim(institutionId, q, group);
        } catch (err) {
          // Where the next free slot is, is unknown after a failed write: ask the database again.
          delete q.next;
          for (const w of group) w.reject(err);
        }
      }
    } finally {
      q.running = false;
    }
  }

  async #claim(institutionId: string, q: Queue, group: Waiting[]): Promise<void> {
    if (!q.next) {
      const list = Math.max(1, await this.repo.lastList(institutionId));
      q.next = { list, index: await this.repo.count(institutionId, list) };
    }
    let pending = group;
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt >= 100) throw new Error('could not allocate a status list slot');
      const slots = pending.map((w) => {
        if (q.next!.index >= this.listLength) q.next = { list: q.next!.list + 1, index: 0 };
        const slot = { ...q.next!, credentialId: w.credentialId };
        q.next = { list: q.next!.list, index: q.next!.index + 1 };
        return slot;
      });
      const ok = await this.repo.claimMany(institutionId, slots);
      const lost: Waiting[] = [];
      pending.forEach((w, i) => {
        if (ok[i]) w.resolve({ list: slots[i]!.list, index: slots[i]!.index });
        else lost.push(w);
      });
      pending = lost;
      // Another process is claiming in this list too: skip to past what it holds now.
      if (lost.length) {
        const held = await this.repo.count(institutionId, q.next.list);
        if (held > q.next.index) q.next = { list: q.next.list, index: held };
      }
    }
  }
}
