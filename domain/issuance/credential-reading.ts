// Reading issued credentials: who may read which, each checked against the learner's ledger.
import { hashCredential } from '../../credentials/index.ts';
import {
  canReadWholeRecord,
  requireOperatorOrInstitution,
  requireSignedIn,
  type Actor,
} from '../identity/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import {
  boundedString,
  Forbidden,
  InputValidationError,
  IntegrityError,
  NotFound,
  requireOneOf,
  type LedgerEntry,
} from '../shared/index.ts';
import type {
  CredentialCursor,
  CredentialEvent,
  CredentialKind,
  CredentialRepository,
  InstitutionCredentialFilter,
  IssuedCredentialRecord,
} from './credential-ports.ts';

export interface CredentialReadingDeps {
  credentials: Pick<
    CredentialRepository,
    'findById' | 'listEvents' | 'listByLearner' | 'pageByInstitution'
  >;
  ledger: Pick<LedgerService, 'verifiedChain'>;
}

/** A credential's state as a list filters it: revocation is final, suspension can be undone. */
export type CredentialState = 'active' | 'revoked' | 'suspended';

export interface InstitutionCredentialQuery {
  state?: CredentialState | null | undefined;
  kind?: CredentialKind | null | undefined;
  learnerId?: string | null | undefined;
  programmeId?: string | null | undefined;
}

export interface InstitutionCredentialPage {
  items: IssuedCredentialRecord[];
  /** Give this as `after` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

const MAX_PAGE = 100;
const KINDS: readonly CredentialKind[] = ['achievement', 'qualification', 'transcript'];

const encodeCursor = (c: CredentialCursor) =>
  Buffer.from(`${c.issuedAt}|${c.id}`).toString('base64url');

function decodeCursor(raw: string): CredentialCursor {
  const text = /^[A-Za-z0-9_-]{1,400}$/.test(raw) ? Buffer.from(raw, 'base64url').toString() : '';
  const [issuedAt, id, ...rest] = text.split('|');
  if (!issuedAt || !id || rest.length || Number.isNaN(Date.parse(issuedAt)))
    throw new InputValidationError('after is a cursor from an earlier page', { field: 'after' });
  return { issuedAt, id };
}

export class CredentialReading {
  constructor(private readonly d: CredentialReadingDeps) {}

  async get(actor: Actor, id: string): Promise<IssuedCredentialRecord> {
    const c = await this.d.credentials.findById(id);
    if (!c) throw new NotFound('Credential', id);
    if (!canReadWholeRecord(actor, c.learnerId))
      requireOperatorOrInstitution(actor, c.institutionId, 'credentials:issue', 'read');
    return (await this.checked([c]))[0]!;
  }

  /** A stored credential checked against the ledger (no access check: for services that did their own). */
  async storedCredential(id: string): Promise<IssuedCredentialRecord | null> {
    const c = await this.d.credentials.findById(id);
    return c ? ((await this.checked([c]))[0] ?? null) : null;
  }

  async events(actor: Actor, id: string): Promise<CredentialEvent[]> {
    await this.get(actor, id);
    return this.d.credentials.listEvents(id);
  }

  async listForLearner(actor: Actor, learnerId: string): Promise<IssuedCredentialRecord[]> {
    requireSignedIn(actor);
    if (!canReadWholeRecord(actor, learnerId))
      throw new Forbidden("Only the learner may list the learner's credentials");
    return this.checked(await this.d.credentials.listByLearner(learnerId));
  }

  /**
   * The credentials an institution issued, newest first, `first` at a time (default 20, at most
   * 100), filtered by state, kind, learner and programme: its staff (or its system with the
   * credentials:issue scope) and the operator. Each is checked against the learner's ledger.
   */
  async listForInstitution(
    actor: Actor,
    institutionId: string,
    query: InstitutionCredentialQuery,
    first?: number | null,
    after?: string | null,
  ): Promise<InstitutionCredentialPage> {
    requireOperatorOrInstitution(actor, institutionId, 'credentials:issue', 'read');
    const size = first ?? 20;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE)
      throw new InputValidationError(`first is a whole number from 1 to ${MAX_PAGE}`, {
        field: 'first',
      });
    const filter: InstitutionCredentialFilter = {};
    if (query.state === 'revoked') filter.revoked = true;
    else if (query.state === 'suspended')
      Object.assign(filter, { revoked: false, suspended: true });
    else if (query.state === 'active') Object.assign(filter, { revoked: false, suspended: false });
    else if (query.state != null)
      throw new InputValidationError('status is ACTIVE, REVOKED or SUSPENDED', { field: 'status' });
    if (query.kind != null) filter.kind = requireOneOf(query.kind, KINDS, 'kind');
    if (query.learnerId != null) filter.learnerId = boundedString(query.learnerId, 'learnerId', 64);
    if (query.programmeId != null)
      filter.programmeId = boundedString(query.programmeId, 'programmeId', 100);
    const cursor = after ? decodeCursor(after) : null;
    // One more than asked: whether there is a next page.
    const found = await this.d.credentials.pageByInstitution(
      institutionId,
      filter,
      cursor,
      size + 1,
    );
    const items = await this.checked(found.slice(0, size));
    const last = items.at(-1);
    return {
      items,
      nextCursor: found.length > size && last ? encodeCursor(last) : null,
    };
  }

  /**
   * Stored credentials as the ledger knows them: each one's bytes must hash to what the learner's
   * (verified) chain recorded when it was issued, so a credential swapped for another, even a
   * valid one, is refused; revoked and suspended are derived from the chain's status entries.
   */
  async checked(records: IssuedCredentialRecord[]): Promise<IssuedCredentialRecord[]> {
    const chains = new Map<string, LedgerEntry[]>();
    const out: IssuedCredentialRecord[] = [];
    for (const c of records) {
      let chain = chains.get(c.learnerId);
      if (!chain) {
        chain = (await this.d.ledger.verifiedChain(c.learnerId)).chain;
        chains.set(c.learnerId, chain);
      }
      const mine = chain.filter(
        (e) =>
          e.body.type === 'credential' &&
          e.body.credentialId === c.id &&
          e.institutionId === c.institutionId,
      );
      const issued = mine.find((e) => e.body.type === 'credential' && e.body.action === 'issued');
      const recorded = issued?.body.type === 'credential' ? issued.body.credentialHash : undefined;
      if (!recorded) {
        throw new IntegrityError(
          `Credential ${c.id} has no issuance in the learner's ledger (an interrupted issue: repeat it with the same requestKey)`,
          { credentialId: c.id, learnerId: c.learnerId },
        );
      }
      if (recorded !== c.hash || hashCredential(c.serialized) !== recorded) {
        throw new IntegrityError(
          `Credential ${c.id} is not the one the ledger recorded when it was issued (replaced or altered)`,
          { credentialId: c.id, learnerId: c.learnerId },
        );
      }
      let revoked = c.revoked;
      let suspended: boolean | null = null;
      for (const e of mine) {
        if (e.body.type !== 'credential') continue;
        if (e.body.action === 'revoked') revoked = true;
        else if (e.body.action === 'suspended') suspended = true;
        else if (e.body.action === 'reinstated') suspended = false;
      }
      out.push({ ...c, revoked, suspended: suspended ?? c.suspended });
    }
    return out;
  }
}
