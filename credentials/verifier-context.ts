// What every part of a verifier shares: its options and caches, and the checks on keys and dates.
import type { KeyObject } from 'node:crypto';
import type { DocumentLoader } from './documentLoader.ts';
import type { JwsAlgorithm } from './jws.ts';
import {
  asArray,
  check,
  isObject,
  notApplicable,
  passed,
  type Check,
  type VerificationReport,
} from './verifier-report.ts';
import type { StatusListCacheEntry } from './verifier-status.ts';
import type { IssuerRecord } from './verifier-trust.ts';

export interface VerifierOptions {
  documentLoader: DocumentLoader;
  registry: { lookupIssuer(did: string): Promise<IssuerRecord | null> };
  keyStatus: (verificationMethodId: string) => Promise<{ revokedAt?: string | null } | null>;
  fetchStatusList: (url: string) => Promise<object | string | null>;
  now?: () => Date;
  /** Caches to share between verifiers made one per request (see createVerifierCaches). */
  caches?: VerifierCaches;
  /**
   * Whether the libraries may be given an input object itself rather than a copy (they may change
   * what they verify): true only where nobody else holds the input, as in a verification worker,
   * whose input is its own deserialised copy and whose report goes back without it. Default false.
   */
  inputIsOwned?: boolean;
}

/** What a verifier remembers: imported public keys, and status lists by their content's hash. */
export interface VerifierCaches {
  keys: Map<string, Promise<{ key: KeyObject; alg: JwsAlgorithm }>>;
  statusLists: Map<string, StatusListCacheEntry>;
}

export function createVerifierCaches(): VerifierCaches {
  return { keys: new Map(), statusLists: new Map() };
}

/** Which of the checks beyond the proof to make: a status list's own credential gets neither. */
export interface CheckFlags {
  status: boolean;
  registry: boolean;
}

/** One verifier's options with their defaults filled in, and its own entry point. */
export interface VerifierContext {
  documentLoader: DocumentLoader;
  registry: VerifierOptions['registry'];
  keyStatus: VerifierOptions['keyStatus'];
  fetchStatusList: VerifierOptions['fetchStatusList'];
  now: () => Date;
  caches: VerifierCaches;
  /** Verifies a credential object or JWT (a status list credential goes through it too). */
  verifyCore(input: unknown, flags: CheckFlags): Promise<VerificationReport>;
}

async function revokedAt(ctx: VerifierContext, verificationMethodId: string) {
  const status = await ctx.keyStatus(verificationMethodId);
  return status?.revokedAt ?? null;
}

/**
 * A key that was later revoked is dropped from assertionMethod, yet what it signed before the
 * revocation stands; our own key records say when, so we accept it if it is still listed.
 */
export async function revokedAfterSigning(
  ctx: VerifierContext,
  verificationMethodId: string,
  controllerId: string,
  signedAt: string | undefined,
): Promise<boolean> {
  const revoked = await revokedAt(ctx, verificationMethodId);
  if (!revoked || !signedAt || !(Date.parse(revoked) > Date.parse(signedAt))) return false;
  const { document } = await ctx.documentLoader(controllerId);
  if (!isObject(document)) return false;
  return asArray(document['verificationMethod']).some(
    (vm) => vm === verificationMethodId || (isObject(vm) && vm['id'] === verificationMethodId),
  );
}

export async function keyRevocationCheck(
  ctx: VerifierContext,
  verificationMethodId: string | undefined,
  signedAt: string | undefined,
): Promise<Check> {
  if (!verificationMethodId) return notApplicable('keyNotRevoked');
  const revoked = await revokedAt(ctx, verificationMethodId);
  if (!revoked) return passed('keyNotRevoked');
  if (signedAt && Date.parse(revoked) > Date.parse(signedAt)) {
    return check('keyNotRevoked', 'passed', 'KEY_REVOKED_AFTER_SIGNING', revoked);
  }
  return check('keyNotRevoked', 'failed', 'KEY_REVOKED', revoked);
}

/** validFrom/validUntil (VC 2.0) or issuanceDate/expirationDate (VC 1.1) against the clock. */
export function validityChecks(ctx: VerifierContext, credential: Record<string, unknown>): Check[] {
  const at = ctx.now().getTime();
  const from = (credential['validFrom'] ?? credential['issuanceDate']) as string | undefined;
  const until = (credential['validUntil'] ?? credential['expirationDate']) as string | undefined;
  return [
    from === undefined
      ? notApplicable('validFrom')
      : Date.parse(from) > at
        ? check('validFrom', 'failed', 'NOT_YET_VALID', from)
        : passed('validFrom'),
    until === undefined
      ? notApplicable('validUntil')
      : Date.parse(until) < at
        ? check('validUntil', 'failed', 'EXPIRED', until)
        : passed('validUntil'),
  ];
}
