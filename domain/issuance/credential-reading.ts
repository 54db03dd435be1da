// Reading issued credentials: who may read which, each checked against the learner's ledger.
import { hashCredential } from '../../credentials/index.ts';
import {
  canReadWholeRecord,
  requireOperatorOrInstitution,
  requireSignedIn,
  type Actor,
} from '../identity/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import { Forbidden, IntegrityError, NotFound, type LedgerEntry } from '../shared/index.ts';
import type {
  CredentialEvent,
  CredentialRepository,
  IssuedCredentialRecord,
} from './credential-ports.ts';

export interface CredentialReadingDeps {
  credentials: Pick<CredentialRepository, 'findById' | 'listEvents' | 'listByLearner'>;
  ledger: Pick<LedgerService, 'verifiedChain'>;
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
