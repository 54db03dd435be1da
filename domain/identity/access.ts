// Who is asking, and the authorisation rules every service applies before it touches storage.
import { Forbidden, Unauthenticated } from '../shared/index.ts';
import type { ActorRef, ApiKeyScope } from '../shared/index.ts';

export type Actor =
  | { kind: 'public' }
  | { kind: 'operator'; userId: string }
  /** `suspended`: the institution is suspended, so its staff and keys may only read. */
  | { kind: 'staff'; userId: string; institutionId: string; suspended?: boolean }
  | { kind: 'learner'; userId: string; learnerId: string }
  | {
      kind: 'apikey';
      keyId: string;
      institutionId: string;
      scopes: ApiKeyScope[];
      suspended?: boolean;
    }
  /** The server itself: seeding, CLI maintenance, automatic approvals. */
  | { kind: 'system' };

export const PUBLIC: Actor = { kind: 'public' };
export const SYSTEM: Actor = { kind: 'system' };

export function actorRef(actor: Actor): ActorRef {
  switch (actor.kind) {
    case 'operator':
    case 'staff':
    case 'learner':
      return { kind: actor.kind, id: actor.userId };
    case 'apikey':
      return { kind: 'apikey', id: actor.keyId };
    case 'system':
      return { kind: 'system', id: 'system' };
    case 'public':
      throw new Unauthenticated();
  }
}

export function requireSignedIn(actor: Actor): void {
  if (actor.kind === 'public') throw new Unauthenticated();
}

export function requireOperator(actor: Actor): void {
  requireSignedIn(actor);
  if (actor.kind !== 'operator' && actor.kind !== 'system')
    throw new Forbidden('Only the operator may do this');
}

/** What an institution's staff and keys may not do while it is suspended. */
const WRITE_SCOPES: readonly ApiKeyScope[] = ['records:write', 'credentials:issue'];

/**
 * A suspended institution's staff and API keys may read, and nothing more, until the operator
 * reinstates it (revoking one of its own keys and signing out stay allowed: they only take away).
 */
export function requireNotSuspended(actor: Actor): void {
  if ((actor.kind === 'staff' || actor.kind === 'apikey') && actor.suspended) {
    throw new Forbidden(
      'This institution is suspended: until the operator reinstates it, its staff and API keys may only read',
    );
  }
}

/**
 * Staff of that institution, or its system through an API key holding `scope`. A write scope means
 * a write (refused while the institution is suspended) unless `access` says the call only reads.
 */
export function requireInstitution(
  actor: Actor,
  institutionId: string,
  scope?: ApiKeyScope,
  access: 'read' | 'write' = scope && WRITE_SCOPES.includes(scope) ? 'write' : 'read',
): void {
  requireSignedIn(actor);
  if (actor.kind === 'system') return;
  if (actor.kind === 'staff' && actor.institutionId === institutionId) {
    if (access === 'write') requireNotSuspended(actor);
    return;
  }
  if (actor.kind === 'apikey' && actor.institutionId === institutionId) {
    if (scope && !actor.scopes.includes(scope))
      throw new Forbidden(`This API key lacks the scope ${scope}`);
    if (access === 'write') requireNotSuspended(actor);
    return;
  }
  throw new Forbidden('Only staff of that institution may do this');
}

/** Operator or the institution's own staff. */
export function requireOperatorOrInstitution(
  actor: Actor,
  institutionId: string,
  scope?: ApiKeyScope,
  access?: 'read' | 'write',
): void {
  if (actor.kind === 'operator') return;
  requireInstitution(actor, institutionId, scope, access);
}

/** The institution an actor acts for, if any. */
export function actingInstitution(actor: Actor): string | null {
  return actor.kind === 'staff' || actor.kind === 'apikey' ? actor.institutionId : null;
}

/** A learner's whole record: the learner, the operator and the system; institutions see only what they recorded. */
export function canReadWholeRecord(actor: Actor, learnerId: string): boolean {
  return (
    actor.kind === 'operator' ||
    actor.kind === 'system' ||
    (actor.kind === 'learner' && actor.learnerId === learnerId)
  );
}

export function requireLearnerOrOperator(actor: Actor, learnerId: string): void {
  requireSignedIn(actor);
  if (!canReadWholeRecord(actor, learnerId))
    throw new Forbidden("Only the learner may see this learner's record");
}
