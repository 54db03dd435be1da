// Revoking, suspending and reinstating a credential: recorded in the ledger first, then indexed.
import { actorRef, requireInstitution, type Actor } from '../identity/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import { Conflict, NotFound, boundedString } from '../shared/index.ts';
import type {
  CredentialEvent,
  CredentialRepository,
  IssuedCredentialRecord,
} from './credential-ports.ts';
import type { CredentialReading } from './credential-reading.ts';
import type { StatusLists } from './status-lists.ts';

export interface CredentialStatusDeps {
  credentials: Pick<CredentialRepository, 'findById' | 'listEvents' | 'addEvent' | 'setStatus'>;
  ledger: Pick<LedgerService, 'appendTrusted'>;
  reading: Pick<CredentialReading, 'checked'>;
  statusLists: Pick<StatusLists, 'changed'>;
}

/** Revoke (final), suspend or reinstate; each is recorded with its reason, and in the ledger. */
export async function changeCredentialStatus(
  d: CredentialStatusDeps,
  actor: Actor,
  credentialId: string,
  action: CredentialEvent['action'],
  reason: string,
): Promise<IssuedCredentialRecord> {
  const stored = await d.credentials.findById(credentialId);
  if (!stored) throw new NotFound('Credential', credentialId);
  requireInstitution(actor, stored.institutionId, 'credentials:issue');
  const [c] = await d.reading.checked([stored]);
  if (!c) throw new NotFound('Credential', credentialId);
  const why = boundedString(reason, 'reason', 1000);
  if (c.revoked) throw new Conflict('A revoked credential stays revoked');
  const next =
    action === 'revoked'
      ? { revoked: true, suspended: c.suspended }
      : action === 'suspended'
        ? { revoked: false, suspended: true }
        : { revoked: false, suspended: false };
  if (action === 'suspended' && c.suspended)
    throw new Conflict('The credential is suspended already');
  if (action === 'reinstated' && !c.suspended)
    throw new Conflict('Only a suspended credential can be reinstated');
  // The change is keyed by the status it changes (revocation is final; a suspension or a
  // reinstatement by how many changes came before it), so the same change sent twice, to this
  // server or another, is one entry: the second is a replay (or a CONFLICT if its reason differs).
  const version =
    action === 'revoked'
      ? 'final'
      : `after-${(await d.credentials.listEvents(credentialId)).length}`;
  // The chained ledger entry comes first and is what status is derived from; the event row is
  // an index of it (same id and time), so deleting either one un-revokes nothing.
  const { entry } = await d.ledger.appendTrusted(actor, {
    learnerId: c.learnerId,
    institutionId: c.institutionId,
    sourceRecordId: `credential:${credentialId}:${action}:${version}`,
    body: {
      type: 'credential',
      action,
      credentialId,
      reason: why,
      statusList: c.statusList,
      statusIndex: c.statusIndex,
    },
  });
  await d.credentials.addEvent({
    id: entry.id,
    credentialId,
    institutionId: c.institutionId,
    statusList: c.statusList,
    statusIndex: c.statusIndex,
    action,
    reason: why,
    actor: actorRef(actor),
    at: entry.recordedAt,
  });
  await d.credentials.setStatus(credentialId, next);
  d.statusLists.changed(c.institutionId, c.statusList);
  return { ...c, ...next };
}
