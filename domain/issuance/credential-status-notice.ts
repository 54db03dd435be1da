// A credential's status as a verifier may read it: revoked or suspended, and when and why, from its issuer's records.
import type { CredentialEvent, IssuedCredentialRecord } from './credential-ports.ts';
import { InputValidationError, NotFound } from '../shared/index.ts';
import type { StatusChange } from './printable-credentials.ts';

export interface StatusNotice {
  credentialId: string;
  revoked: boolean;
  suspended: boolean;
  /** Oldest first; who made each change is not told (a staff member's identity is theirs). */
  changes: StatusChange[];
}

export interface StatusNoticeDeps {
  /** The stored credential checked against the ledger (revoked and suspended from the chain). */
  findCredential(id: string): Promise<IssuedCredentialRecord | null>;
  listEvents(credentialId: string): Promise<CredentialEvent[]>;
}

/**
 * Public: whoever holds a credential knows its id (a random urn:uuid), and the status list says
 * already that it is revoked; this adds the date and the issuer's reason.
 */
export async function statusNotice(d: StatusNoticeDeps, id: string): Promise<StatusNotice> {
  const credentialId = String(id ?? '').trim();
  if (!credentialId || credentialId.length > 300)
    throw new InputValidationError('A credential id is 1 to 300 characters', { field: 'id' });
  const credential = await d.findCredential(credentialId);
  if (!credential) throw new NotFound('Credential', credentialId);
  const events = await d.listEvents(credential.id);
  return {
    credentialId: credential.id,
    revoked: credential.revoked,
    suspended: credential.suspended,
    changes: events
      .map((e) => ({ action: e.action, reason: e.reason, at: e.at }))
      .sort((a, b) => a.at.localeCompare(b.at)),
  };
}
