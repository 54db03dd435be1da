// The checkpoint log: periodically signed Merkle tree heads over every learner chain's head, and their proofs.
import type { KeyObject } from 'node:crypto';
import {
  requireInstitution,
  requireOperator,
  requireSignedIn,
  type Actor,
} from '../identity/index.ts';
import { verifyChain, type ChainReport } from '../shared/index.ts';
import {
  Conflict,
  Forbidden,
  InputValidationError,
  IntegrityError,
  NotFound,
} from '../shared/index.ts';
import { KeyedMutex } from '../shared/index.ts';
import type { LedgerRepository } from '../shared/index.ts';
import type { LedgerEntry } from '../shared/index.ts';
import { MerkleTree, leafHash, verifyConsistency } from './merkle.ts';
import {
  bodyHash,
  checkpointBody,
  cosignatureLine,
  headLeaf,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  signatureLine,
  verifierKey,
  verifyNoteSignature,
  type NoteVerifier,
} from './note.ts';
import type {
  CheckpointRepository,
  CosignerRepository,
  PublishedHead,
  StoredCheckpoint,
} from './ports.ts';

/** At most this many heads go into one checkpoint (one stored document); more make several. */
const MAX_HEADS_PER_CHECKPOINT = 5_000;
/** Entries recorded this long before the last scan are looked at again: clocks differ, appends take time. */
const SCAN_MARGIN_MS = 10 * 60_000;
/** How old a read of the checkpoint log a chain check may use (see publishedHead). */
const FRESH_MS = 250;

export interface SigningIdentity {
  /** The key name in signatures; for the log, also the checkpoint's origin line. */
  name: string;
  privateKey: KeyObject;
}

export interface CheckpointServiceDeps {
  checkpoints: CheckpointRepository;
  cosigners: CosignerRepository;
  ledger: Pick<LedgerRepository, 'listByLearner' | 'learnersRecordedSince'>;
  learnerIds: () => Promise<string[]>;
  logKey: SigningIdentity;
  /** An opted-in institution's signing identity, or null when it cannot co-sign (suspended, no key). */
  cosignKey: (institutionId: string) => Promise<SigningIdentity | null>;
  now?: () => Date;
}

export interface CheckpointView {
  number: number;
  size: number;
  rootHash: string;
  note: string;
  createdAt: string;
  /** The number of co-signatures by institutions. */
  cosignatures: number;
}

export interface InclusionProof {
  learnerId: string;
  seq: number;
  headHash: string;
  leafIndex: number;
  treeSize: number;
  checkpoint: number;
  /** The audit path, base64 hashes from the leaf up. */
  proof: string[];
  note: string;
}

export interface ConsistencyProof {
  from: number;
  to: number;
  fromSize: number;
  toSize: number;
  proof: string[];
  fromNote: string;
  toNote: string;
}

export interface PublishReport {
  /** The checkpoints this call published (none when no chain head changed). */
  published: CheckpointView[];
  latest: CheckpointView | null;
  /** Learners whose chain failed its checks: their head is not published. */
  refused: { learnerId: string; seq: number; entryId: string; reason: string }[];
}

interface Loaded {
  view: CheckpointView;
  body: string;
}

export class CheckpointService {
  readonly #tree = new MerkleTree();
  readonly #loaded: Loaded[] = [];
  /** Every head published for a learner, oldest first, with its leaf index and checkpoint. */
  readonly #heads = new Map<
    string,
    { index: number; seq: number; headHash: string; checkpoint: number }[]
  >();
  readonly #mutex = new KeyedMutex();
  readonly #logVerifier: NoteVerifier;
  readonly #now: () => Date;
  #latestStored: StoredCheckpoint | null = null;

  constructor(private readonly d: CheckpointServiceDeps) {
    this.#now = d.now ?? (() => new Date());
    this.#logVerifier = parseVerifierKey(verifierKey(d.logKey.name, d.logKey.privateKey));
  }

  /** The key anyone keeps to check this log's checkpoints offline (`name+hash+key`). */
  get verifierKey(): string {
    return verifierKey(this.d.logKey.name, this.d.logKey.privateKey);
  }

  get origin(): string {
    return this.d.logKey.name;
  }

  /**
   * Loads checkpoints published since the last call (by any process), checking each one's
   * signature, its link to the previous one, and that its root is the tree of the log's leaves.
   */
  async #sync(): Promise<void> {
    const after = this.#loaded.at(-1)?.view.number ?? 0;
    for (const c of await this.d.checkpoints.listAfter(after)) {
      const prev = this.#loaded.at(-1);
      const fail = (why: string) => {
        throw new IntegrityError(`Checkpoint ${c.number} ${why}: the checkpoint log was altered`, {
          checkpoint: c.number,
        });
      };
      if (c.number !== (prev?.view.number ?? 0) + 1) fail('is out of sequence');
      const note = parseNote(c.note);
      if (note.body !== c.body || !verifyNoteSignature(note, this.#logVerifier))
        fail("does not carry the log's signature");
      const cp = parseCheckpoint(c.body);
      const prevLine = c.body.split('\n').find((l) => l.startsWith('prev '));
      if (cp.origin !== this.origin || cp.size !== this.#tree.size + c.heads.length)
        fail('does not extend the log');
      if ((prev ? `prev ${bodyHash(prev.body)}` : undefined) !== prevLine)
        fail('does not name the previous checkpoint');
      const start = this.#tree.size;
      c.heads.forEach((h, k) => {
        this.#tree.append(leafHash(headLeaf(h.learnerId, h.seq, h.headHash)));
        const list = this.#heads.get(h.learnerId) ?? [];
        list.push({ index: start + k, seq: h.seq, headHash: h.headHash, checkpoint: c.number });
        this.#heads.set(h.learnerId, list);
      });
      if (
        !this.#tree.root().equals(cp.rootHash) ||
        this.#tree.root().toString('hex') !== c.rootHash
      )
        fail("root hash is not the tree of the log's leaves");
      this.#loaded.push({ view: viewOf(c), body: c.body });
      this.#latestStored = c;
    }
  }

  #syncing: Promise<void> | null = null;
  #queued: Promise<void> | null = null;

  /**
   * Reads the checkpoints published since the last read. Callers coalesce: one read in flight, and
   * everyone who asks meanwhile shares the one read that starts after it (which sees whatever was
   * published before they asked), so a thousand chain checks at once cost two reads, not a
   * thousand in a row.
   */
  #sync1(): Promise<void> {
    const start = () => {
      const startedAt = Date.now();
      const run = this.#mutex
        .run(['log'], async () => {
          await this.#sync();
          this.#readAt = Math.max(this.#readAt, startedAt);
        })
        .finally(() => {
          if (this.#syncing === run) this.#syncing = null;
        });
      this.#syncing = run;
      return run;
    };
    if (!this.#syncing) return start();
    this.#queued ??= this.#syncing
      .catch(() => {})
      .then(() => {
        this.#queued = null;
        return start();
      });
    return this.#queued;
  }

  async latest(): Promise<CheckpointView | null> {
    await this.#sync1();
    return this.#loaded.at(-1)?.view ?? null;
  }

  async get(number: number): Promise<CheckpointView> {
    await this.#sync1();
    const c = Number.isInteger(number) ? this.#loaded[number - 1] : undefined;
    if (!c) throw new NotFound('Checkpoint', String(number));
    return c.view;
  }

  /** When the last read of the log that finished began (ms since the epoch). */
  #readAt = -Infinity;

  /**
   * The head a signed checkpoint last published for a learner, if any, from a read of the log
   * begun at most FRESH_MS before: a batch's chain checks share one read every quarter second
   * instead of one each. A checkpoint this process publishes is in it at once; one another process
   * publishes is seen within FRESH_MS, as any read would miss one published just after it.
   */
  async publishedHead(
    learnerId: string,
  ): Promise<{ checkpoint: number; seq: number; headHash: string } | null> {
    if (Date.now() - this.#readAt >= FRESH_MS) await this.#sync1();
    const h = this.#heads.get(learnerId)?.at(-1);
    return h ? { checkpoint: h.checkpoint, seq: h.seq, headHash: h.headHash } : null;
  }

  /**
   * A chain checked against the latest checkpoint too: the head published for it must still be
   * in it, with the same hash. Deleting the newest entries, truncating or rewriting the chain (even
   * with fresh hashes throughout) fails here.
   */
  async checkChain(
    learnerId: string,
    entries: LedgerEntry[],
  ): Promise<ChainReport & { checkpoint: number | null }> {
    const report = verifyChain(entries);
    const published = await this.publishedHead(learnerId);
    if (!published) return { ...report, checkpoint: null };
    const at = entries[published.seq - 1];
    if (at?.seq === published.seq && at.hash === published.headHash) {
      return { ...report, checkpoint: published.checkpoint };
    }
    const firstBroken = {
      seq: published.seq,
      entryId: at?.id ?? `(no entry ${published.seq}: deleted)`,
      reason: 'CHECKPOINT_MISMATCH' as const,
    };
    return {
      valid: false,
      entries: entries.length,
      headHash: report.headHash,
      // A break the chain itself shows before the published head is the first one.
      firstBroken:
        report.firstBroken && report.firstBroken.seq <= published.seq
          ? report.firstBroken
          : firstBroken,
      checkpoint: published.checkpoint,
    };
  }

  /**
   * Publishes the chain heads that changed since the last checkpoint (every learner's when `full`,
   * and for the first checkpoint), each chain checked before its head is signed.
   */
  async publish(actor: Actor, opts: { full?: boolean } = {}): Promise<PublishReport> {
    requireOperator(actor);
    return this.#mutex.run(['publish'], async () => {
      await this.#sync1();
      const startedAt = this.#now();
      const last = this.#latestStored;
      const candidates =
        opts.full || !last
          ? await this.d.learnerIds()
          : await this.d.ledger.learnersRecordedSince(
              new Date(Date.parse(last.scannedFrom) - SCAN_MARGIN_MS).toISOString(),
            );
      const refused: PublishReport['refused'] = [];
      const fresh: PublishedHead[] = [];
      for (const learnerId of [...new Set(candidates)].sort()) {
        const entries = await this.d.ledger.listByLearner(learnerId, 0);
        const report = await this.checkChain(learnerId, entries);
        if (!report.valid) {
          refused.push({ learnerId, ...report.firstBroken! });
          continue;
        }
        const head = entries.at(-1);
        const published = this.#heads.get(learnerId)?.at(-1);
        if (!head || (published?.seq === head.seq && published.headHash === head.hash)) continue;
        fresh.push({ learnerId, seq: head.seq, headHash: head.hash });
      }
      const published: CheckpointView[] = [];
      for (let i = 0; i < fresh.length; i += MAX_HEADS_PER_CHECKPOINT) {
        published.push(await this.#append(fresh.slice(i, i + MAX_HEADS_PER_CHECKPOINT), startedAt));
      }
      return { published, latest: this.#loaded.at(-1)?.view ?? null, refused };
    });
  }

  async #append(heads: PublishedHead[], startedAt: Date): Promise<CheckpointView> {
    const prev = this.#loaded.at(-1);
    const number = (prev?.view.number ?? 0) + 1;
    // Build the new tree on a copy of the leaf list: the log's own tree changes only once stored.
    const tree = new MerkleTree();
    for (let i = 0; i < this.#tree.size; i++) tree.append(this.#tree.leaf(i));
    for (const h of heads) tree.append(leafHash(headLeaf(h.learnerId, h.seq, h.headHash)));
    const createdAt = this.#now().toISOString();
    const body = checkpointBody({
      origin: this.origin,
      size: tree.size,
      rootHash: tree.root(),
      extensions: [
        `checkpoint ${number} ${createdAt}`,
        ...(prev ? [`prev ${bodyHash(prev.body)}`] : []),
      ],
    });
    let note = `${body}\n${signatureLine(body, this.d.logKey.name, this.d.logKey.privateKey)}`;
    note += await this.#cosignatures(body, tree, prev);
    const stored: StoredCheckpoint = {
      number,
      size: tree.size,
      rootHash: tree.root().toString('hex'),
      body,
      note,
      heads,
      createdAt,
      scannedFrom: startedAt.toISOString(),
    };
    if (!(await this.d.checkpoints.insert(stored))) {
      await this.#sync1();
      throw new Conflict(`Checkpoint ${number} was published by another process; publish again`);
    }
    await this.#sync1();
    return this.#loaded.at(-1)!.view;
  }

  /**
   * Institutions that opted in co-sign as witnesses: each signs only a checkpoint consistent with
   * the previous one (the proof is checked here, as a witness would), with its own Ed25519 key.
   */
  async #cosignatures(body: string, tree: MerkleTree, prev: Loaded | undefined): Promise<string> {
    if (prev) {
      const proof = tree.consistencyProof(prev.view.size);
      const ok = verifyConsistency(
        prev.view.size,
        tree.size,
        proof,
        Buffer.from(prev.view.rootHash, 'hex'),
        tree.root(),
      );
      if (!ok) throw new IntegrityError('A new checkpoint must extend the previous one');
    }
    const time = BigInt(Math.floor(this.#now().getTime() / 1000));
    let lines = '';
    for (const c of await this.d.cosigners.list()) {
      if (!c.enabled) continue;
      const key = await this.d.cosignKey(c.institutionId);
      if (key) lines += cosignatureLine(body, key.name, key.privateKey, time);
    }
    return lines;
  }

  /** The inclusion proof of a learner's latest published head in a checkpoint (the latest by default). */
  async inclusionProof(
    actor: Actor,
    learnerId: string,
    number?: number | null,
  ): Promise<InclusionProof> {
    requireSignedIn(actor);
    const mayRead =
      actor.kind === 'operator' ||
      actor.kind === 'system' ||
      actor.kind === 'staff' ||
      (actor.kind === 'apikey' && actor.scopes.includes('records:read')) ||
      (actor.kind === 'learner' && actor.learnerId === learnerId);
    if (!mayRead)
      throw new Forbidden(
        "Only the learner, an institution or the operator may ask for a learner's proof",
      );
    await this.#sync1();
    const cp =
      number === null || number === undefined ? this.#loaded.at(-1) : this.#loaded[number - 1];
    if (!cp)
      throw new NotFound(
        'Checkpoint',
        number === null || number === undefined ? '(none published yet)' : String(number),
      );
    const head = (this.#heads.get(learnerId) ?? []).filter((h) => h.index < cp.view.size).at(-1);
    if (!head) throw new NotFound('Published chain head of learner', learnerId);
    return {
      learnerId,
      seq: head.seq,
      headHash: head.headHash,
      leafIndex: head.index,
      treeSize: cp.view.size,
      checkpoint: cp.view.number,
      proof: this.#tree.inclusionProof(head.index, cp.view.size).map((h) => h.toString('base64')),
      note: cp.view.note,
    };
  }

  /** That checkpoint `from` is a prefix of checkpoint `to` (the latest by default): public. */
  async consistencyProof(from: number, to?: number | null): Promise<ConsistencyProof> {
    await this.#sync1();
    const b = to === null || to === undefined ? this.#loaded.at(-1) : this.#loaded[to - 1];
    const a = this.#loaded[from - 1];
    if (!a) throw new NotFound('Checkpoint', String(from));
    if (!b) throw new NotFound('Checkpoint', String(to ?? '(none published yet)'));
    if (a.view.number > b.view.number)
      throw new InputValidationError('from must not be after to', { field: 'from' });
    return {
      from: a.view.number,
      to: b.view.number,
      fromSize: a.view.size,
      toSize: b.view.size,
      proof: this.#tree.consistencyProof(a.view.size, b.view.size).map((h) => h.toString('base64')),
      fromNote: a.view.note,
      toNote: b.view.note,
    };
  }

  /** An institution opts in to (or out of) co-signing checkpoints with its key. */
  async setCosigning(
    actor: Actor,
    institutionId: string,
    enabled: boolean,
    by: string,
  ): Promise<boolean> {
    requireInstitution(actor, institutionId, 'credentials:issue');
    if (enabled && !(await this.d.cosignKey(institutionId)))
      throw new Conflict('The institution has no active Ed25519 key to co-sign with');
    await this.d.cosigners.put({
      institutionId,
      enabled,
      changedAt: this.#now().toISOString(),
      changedBy: by,
    });
    return enabled;
  }

  /** The verifier keys of the log and of the institutions co-signing now. */
  async verifierKeys(): Promise<{
    log: string;
    cosigners: { institutionId: string; key: string }[];
  }> {
    const cosigners: { institutionId: string; key: string }[] = [];
    for (const c of await this.d.cosigners.list()) {
      if (!c.enabled) continue;
      const key = await this.d.cosignKey(c.institutionId);
      if (key)
        cosigners.push({
          institutionId: c.institutionId,
          key: verifierKey(key.name, key.privateKey, true),
        });
    }
    return { log: this.verifierKey, cosigners };
  }
}

function viewOf(c: StoredCheckpoint): CheckpointView {
  return {
    number: c.number,
    size: c.size,
    rootHash: c.rootHash,
    note: c.note,
    createdAt: c.createdAt,
    cosignatures: parseNote(c.note).signatures.length - 1,
  };
}
