// What a reviewer needs beside a recognition request: the learner's source entries, and what later changed them.
import type { Actor } from '../identity/index.ts';
import type { LedgerEntry, LedgerRepository } from '../shared/index.ts';
import type { RecognitionService } from './workflow.ts';

export class RecognitionSources {
  constructor(
    private readonly recognition: RecognitionService,
    private readonly ledger: LedgerRepository,
  ) {}

  /**
   * The entries a request names, and the corrections and voids of them, oldest first. The learner
   * filed them for this review: whoever may see the request (the learner, the institutions involved,
   * the operator) may see them, though they were recorded elsewhere.
   */
  async entries(actor: Actor, requestId: string): Promise<LedgerEntry[]> {
    const { request } = await this.recognition.get(actor, requestId);
    const found = await Promise.all(
      request.entryIds.map(async (id) => {
        const entry = await this.ledger.findById(id);
        return entry ? [entry, ...(await this.ledger.listByTarget(id))] : [];
      }),
    );
    return found.flat().sort((a, b) => a.seq - b.seq);
  }
}
