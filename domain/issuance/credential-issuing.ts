// Issuing: requests looked up by requestKey, prepared, signed (on workers when it pays), stored, recorded.
import {
  hashCredential,
  issueCredential,
  type BatchIssuer,
  type BatchJob,
  type DocumentLoader,
} from '../../credentials/index.ts';
import { requireInstitution, type Actor } from '../identity/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import { Conflict, DomainError, type Institution } from '../shared/index.ts';
import {
  runIssuePipeline,
  type IssueRow,
  type PipelineOptions,
  type PreparedRow,
} from './batch-issuance.ts';
import type {
  CredentialRepository,
  InstitutionKey,
  IssuedCredentialRecord,
} from './credential-ports.ts';
import type { InstitutionKeys } from './institution-keys.ts';
import {
  issuedEntry,
  requestHash,
  requestKeyOf,
  type IssuePreparation,
  type IssueRequest,
  type Prepared,
} from './issue-preparation.ts';

export interface CredentialIssuingDeps {
  credentials: Pick<CredentialRepository, 'findByRequestKey' | 'insertMany'>;
  keys: Pick<InstitutionKeys, 'activeKey'>;
  ledger: Pick<LedgerService, 'append'>;
  preparation: Pick<IssuePreparation, 'prepare'>;
  documentLoader: DocumentLoader;
  kek: Uint8Array;
  batchIssuer: () => BatchIssuer;
  now: () => Date;
}

/**
 * Each request's key is looked up before anything is prepared for it, so that a re-run claims no
 * status slot and signs nothing for a request issued before. Once this many lookups in a row found
 * nothing (a new class, or past what an interrupted run stored), the following requests skip the
 * lookup, which was about a fifth of the database work of issuing on the embedded engine: the
 * credentials' unique requestKey still refuses a second credential when it is stored (the first
 * stands, as when two processes issue at once), and a request found issued there turns the
 * lookups back on. What such a request cost is a signature and a status slot left unused.
 */
const SKIP_LOOKUPS_AFTER = 250;
interface Lookups {
  misses: number;
  skip: boolean;
}

export class CredentialIssuing {
  constructor(private readonly d: CredentialIssuingDeps) {}

  async issueStream(
    actor: Actor,
    reqs: IssueRequest[],
    opts: PipelineOptions = {},
  ): Promise<IssueRow[]> {
    // Whoever may not issue for an institution is refused outright, not row by row.
    for (const id of new Set(reqs.map((r) => r.institutionId))) {
      requireInstitution(actor, id, 'credentials:issue');
    }
    const active = new Map<string, Promise<Institution>>();
    const lookups: Lookups = { misses: 0, skip: false };
    return runIssuePipeline<IssueRequest, Prepared>(
      reqs,
      {
        prepare: (req) => this.#prepareRow(actor, req, active, lookups),
        sign: (items, onSigned) => this.#sign(items, onSigned),
        store: (signed, earlier) => this.#store(actor, signed, earlier, lookups),
      },
      opts,
    );
  }

  async #prepareRow(
    actor: Actor,
    req: IssueRequest,
    active: Map<string, Promise<Institution>>,
    lookups: Lookups,
  ): Promise<PreparedRow<Prepared>> {
    try {
      let existing: IssuedCredentialRecord | null = null;
      if (req.requestKey && !lookups.skip) {
        existing = await this.d.credentials.findByRequestKey(
          requestKeyOf(req.institutionId, req.requestKey),
        );
        if (existing) lookups.misses = 0;
        else if (++lookups.misses >= SKIP_LOOKUPS_AFTER) lookups.skip = true;
      }
      if (existing) {
        requireInstitution(actor, existing.institutionId, 'credentials:issue');
        if (existing.requestHash && existing.requestHash !== requestHash(req)) {
          throw new Conflict(
            `requestKey ${req.requestKey} was used before for another credential (${existing.id})`,
          );
        }
        return { row: { credential: existing, created: false } };
      }
      return { prepared: await this.d.preparation.prepare(actor, req, active) };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return { row: { error: err } };
    }
  }

  async #store(
    actor: Actor,
    signed: { prepared: Prepared; serialized: string }[],
    earlier: IssuedCredentialRecord[],
    lookups: Lookups,
  ): Promise<IssueRow[]> {
    const records: IssuedCredentialRecord[] = signed.map(({ prepared: p, serialized }) => ({
      ...p.record,
      format: p.format,
      serialized,
      hash: hashCredential(serialized),
    }));
    const stored = await this.d.credentials.insertMany(records);
    const rows = await Promise.all(
      records.map(async (record, i): Promise<IssueRow> => {
        if (stored[i]) return { credential: record, created: true };
        // Issued before (a request whose lookup was skipped) or concurrently under the same
        // requestKey: that one stands, and the following requests are looked up again.
        lookups.skip = false;
        lookups.misses = 0;
        const winner = await this.d.credentials.findByRequestKey(record.requestKey);
        if (!winner) return { error: new Conflict('Could not store the credential; try again') };
        if (winner.requestHash && record.requestHash && winner.requestHash !== record.requestHash) {
          const key = record.requestKey.slice(record.institutionId.length + 1);
          return {
            error: new Conflict(
              `requestKey ${key} was used before for another credential (${winner.id})`,
            ),
          };
        }
        return { credential: winner, created: false };
      }),
    );
    // Each issuance is in the learner's ledger under a key derived from the credential id; a
    // credential returned again (a retry after a crash, say) gets its entry if it is missing.
    const ledgerRequests = [
      ...rows.flatMap((r) => ('credential' in r ? [issuedEntry(r.credential)] : [])),
      ...earlier.map(issuedEntry),
    ];
    await this.d.ledger.append(actor, ledgerRequests);
    return rows;
  }

  async #sign(items: Prepared[], onProgress: (done: number) => void): Promise<string[]> {
    // One key lookup per institution and key type, however many credentials share them.
    const keys = new Map<string, Promise<InstitutionKey>>();
    const keyFor = (p: Prepared) => {
      const type = p.format === 'eddsa-rdfc-2022' || p.format === 'vc+jwt' ? 'Ed25519' : 'P-256';
      const k = `${p.institution.id}:${type}`;
      let key = keys.get(k);
      if (!key) keys.set(k, (key = this.d.keys.activeKey(p.institution.id, type)));
      return key;
    };
    const signed = await Promise.all(items.map(async (p) => ({ p, key: await keyFor(p) })));
    if (signed.length >= 16 && !items.some((p) => p.mandatoryPointers !== undefined)) {
      // A worker builds what a builder built here: a recipe is less to send than a credential.
      const now = this.d.now();
      const jobs: BatchJob[] = signed.map(({ p, key }) =>
        p.recipe
          ? { recipe: p.recipe, format: p.format, key, now }
          : { credential: p.credential, format: p.format, key, now },
      );
      const results = await this.d
        .batchIssuer()
        .issueMany(jobs, this.d.kek, (done) => onProgress(done));
      return results.map((r) => {
        if (!r.ok) throw new Error(`signing failed: ${r.error}`);
        return r.serialized;
      });
    }
    const out: string[] = [];
    for (const { p, key } of signed) {
      const issued = await issueCredential({
        credential: p.credential,
        format: p.format,
        key,
        kek: this.d.kek,
        documentLoader: this.d.documentLoader,
        now: this.d.now(),
        ...(p.mandatoryPointers !== undefined ? { mandatoryPointers: p.mandatoryPointers } : {}),
      });
      out.push(issued.serialized);
      onProgress(out.length);
    }
    return out;
  }
}
