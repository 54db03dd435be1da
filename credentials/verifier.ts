// Verifying credentials and presentations into a report of named checks; it never throws.
import * as vc from '@digitalbazaar/vc';
import { VC_V2_CONTEXT } from './contexts/index.ts';
import {
  createVerifierCaches,
  type CheckFlags,
  type VerifierContext,
  type VerifierOptions,
} from './verifier-context.ts';
import { checkContexts, checkShape } from './verifier-data-model.ts';
import { proofFormat, verificationSuites, verifyDataIntegrity } from './verifier-data-integrity.ts';
import { verifyJwt } from './verifier-jose.ts';
import { JWT_DATA_URL_PREFIX, JWT_RE } from './verifier-lookups.ts';
import {
  asArray,
  check,
  classifyError,
  finish,
  isObject,
  notApplicable,
  passed,
  type Check,
  type PresentationReport,
  type VerificationReport,
} from './verifier-report.ts';

export { createVerifierCaches } from './verifier-context.ts';
export type { VerifierCaches, VerifierOptions } from './verifier-context.ts';
export { lookupsNeeded } from './verifier-lookups.ts';
export type { LookupsNeeded } from './verifier-lookups.ts';
export { failureKind, isMalformed, MALFORMED_CODES } from './verifier-report.ts';
export type {
  Check,
  CheckId,
  CheckStatus,
  PresentationReport,
  VerificationReport,
  VerifiedFormat,
} from './verifier-report.ts';
export { accreditationTypesOf } from './verifier-trust.ts';
export type { IssuerRecord } from './verifier-trust.ts';
export type { StatusListCacheEntry } from './verifier-status.ts';

/** The challenge and domain a presentation is checked against. */
export interface PresentationExpected {
  challenge?: string;
  domain?: string;
}

export interface Verifier {
  verifyCredential(input: unknown): Promise<VerificationReport>;
  verifyPresentation(input: unknown, options?: PresentationExpected): Promise<PresentationReport>;
}

/**
 * Creates a verifier.
 *
 * @param options.documentLoader - From createDocumentLoader (with a did:web resolver).
 * @param options.registry - Tells whether an issuer DID is registered, active, and what it may award.
 * @param options.keyStatus - Our record of a key's revocation (null when the key is not ours).
 * @param options.fetchStatusList - Returns a status list credential (JSON object or JWT) by URL.
 * @param options.now - Clock (defaults to the system clock).
 * @returns verifyCredential(input) and verifyPresentation(input, { challenge, domain }); neither throws.
 */
export function createVerifier(options: VerifierOptions): Verifier {
  const { inputIsOwned = false } = options;
  const ctx: VerifierContext = {
    documentLoader: options.documentLoader,
    registry: options.registry,
    keyStatus: options.keyStatus,
    fetchStatusList: options.fetchStatusList,
    now: options.now ?? (() => new Date()),
    caches: options.caches ?? createVerifierCaches(),
    verifyCore: (input, flags) => verifyCore(input, flags),
  };

  async function verifyCore(input: unknown, flags: CheckFlags): Promise<VerificationReport> {
    let value = input;
    if (typeof value === 'string') {
      const trimmed = value.trim();
      if (trimmed.startsWith(JWT_DATA_URL_PREFIX))
        value = trimmed.slice(JWT_DATA_URL_PREFIX.length);
      else if (trimmed.startsWith('{')) {
        try {
          value = JSON.parse(trimmed);
        } catch {
          return finish(
            'unknown',
            [check('format', 'failed', 'MALFORMED', 'Invalid JSON.')],
            undefined,
          );
        }
      } else value = trimmed;
    }
    if (isObject(value) && asArray(value['type']).includes('EnvelopedVerifiableCredential')) {
      // VC 2.0 section 4.13.2: the envelope is itself a VC 2.0 document, whose id is a data: URL.
      const contexts = asArray(value['@context']);
      if (contexts[0] !== VC_V2_CONTEXT || !contexts.every((c) => typeof c === 'string')) {
        return finish(
          'vc+jwt',
          [
            check(
              'format',
              'failed',
              'MALFORMED',
              `An EnvelopedVerifiableCredential's "@context" must begin with "${VC_V2_CONTEXT}".`,
            ),
          ],
          undefined,
        );
      }
      const id = value['id'];
      if (typeof id === 'string' && id.startsWith(JWT_DATA_URL_PREFIX))
        value = id.slice(JWT_DATA_URL_PREFIX.length);
    }
    if (typeof value === 'string') {
      if (!JWT_RE.test(value)) {
        return finish(
          'unknown',
          [check('format', 'failed', 'MALFORMED', 'Neither JSON nor a JWT.')],
          undefined,
        );
      }
      return verifyJwt(ctx, value, flags);
    }
    if (!isObject(value)) {
      return finish(
        'unknown',
        [check('format', 'failed', 'MALFORMED', 'Expected a JSON object or a JWT.')],
        undefined,
      );
    }
    // The libraries are given a copy (they may change what they verify), unless the input is an
    // object nobody else holds; the report names the credential as given.
    const owned = inputIsOwned && value === input;
    const report = await verifyDataIntegrity(ctx, owned ? value : structuredClone(value), flags);
    if (report.credential) report.credential = value;
    return report;
  }

  async function verifyCredential(input: unknown): Promise<VerificationReport> {
    try {
      return await verifyCore(input, { status: true, registry: true });
    } catch (error) {
      return finish(
        'unknown',
        [check('format', 'failed', 'INTERNAL_ERROR', String((error as Error)?.message ?? error))],
        undefined,
      );
    }
  }

  async function verifyPresentationUnsafe(
    input: unknown,
    expected: { challenge?: string; domain?: string },
  ): Promise<PresentationReport> {
    let value = input;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        value = undefined;
      }
    }
    const fail = (checks: Check[], presentation?: Record<string, unknown>): PresentationReport => {
      const report = finish('unknown', checks, undefined) as PresentationReport;
      if (presentation) report.presentation = presentation;
      report.credentials = [];
      return report;
    };
    if (!isObject(value))
      return fail([check('format', 'failed', 'MALFORMED', 'Expected a JSON object.')]);
    const presentation = structuredClone(value);
    const shape = checkShape(presentation, 'presentation');
    const proof = asArray(presentation['proof'])[0];
    if (!shape.ok || !isObject(proof)) {
      return fail(
        [check('format', 'failed', 'MALFORMED', shape.detail ?? 'The presentation has no proof.')],
        presentation,
      );
    }
    const checks: Check[] = [passed('format')];
    const contextCheck = checkContexts(presentation);
    checks.push(contextCheck);
    if (contextCheck.status === 'failed') return fail(checks, presentation);
    const format = proofFormat(proof);

    // The holder's signature is checked against the challenge and domain the proof itself carries;
    // whether those are the ones we asked for is reported separately, with its own code.
    let holderProof: Check;
    if (typeof proof['challenge'] !== 'string') {
      holderProof = check('holderProof', 'failed', 'MALFORMED', 'The proof has no challenge.');
    } else {
      const result = await vc
        .verify({
          presentation,
          suite: verificationSuites(),
          documentLoader: ctx.documentLoader,
          challenge: proof['challenge'],
          domain: proof['domain'],
          checkStatus: () => Promise.resolve({ verified: true }),
        })
        .catch((error: unknown) => ({ verified: false, error, presentationResult: undefined }));
      const presentationResult = (
        result as { presentationResult?: { verified: boolean; error?: unknown } }
      ).presentationResult;
      if (presentationResult?.verified) {
        holderProof = passed('holderProof');
      } else {
        const classified = classifyError(
          presentationResult?.error ?? (result as { error?: unknown }).error,
        );
        if (classified.id === 'context') {
          checks[1] = check('context', 'failed', classified.code, classified.detail);
          return fail(checks, presentation);
        }
        holderProof = check('holderProof', 'failed', classified.code, classified.detail);
      }
    }
    checks.push(holderProof);
    checks.push(
      expected.challenge === undefined
        ? notApplicable('challenge')
        : proof['challenge'] === expected.challenge
          ? passed('challenge')
          : check('challenge', 'failed', 'CHALLENGE_MISMATCH'),
    );
    checks.push(
      expected.domain === undefined
        ? notApplicable('domain')
        : proof['domain'] === expected.domain
          ? passed('domain')
          : check('domain', 'failed', 'DOMAIN_MISMATCH'),
    );

    const credentials = asArray(presentation['verifiableCredential']);
    const reports = await Promise.all(
      credentials.map((credential) => verifyCredential(credential)),
    );
    const vm = proof['verificationMethod'];
    const signer = (typeof vm === 'string' ? vm : isObject(vm) ? String(vm['id']) : '').split(
      '#',
    )[0];
    const holderValue = presentation['holder'];
    const holder =
      typeof holderValue === 'string'
        ? holderValue
        : isObject(holderValue)
          ? String(holderValue['id'])
          : signer;
    const subjects = reports.flatMap((report) =>
      asArray(report.credential?.['credentialSubject'])
        .filter(isObject)
        .map((subject) => subject['id'])
        .filter((id): id is string => typeof id === 'string'),
    );
    checks.push(
      holder !== signer || subjects.some((id) => id !== holder)
        ? check('holderBinding', 'failed', 'HOLDER_MISMATCH')
        : credentials.length === 0
          ? notApplicable('holderBinding')
          : passed('holderBinding'),
    );
    checks.push(
      credentials.length === 0
        ? notApplicable('credentials')
        : reports.every((report) => report.verified)
          ? passed('credentials')
          : check('credentials', 'failed', 'CREDENTIAL_INVALID'),
    );
    const report = finish(format, checks, undefined) as PresentationReport;
    report.presentation = presentation;
    report.credentials = reports;
    return report;
  }

  async function verifyPresentation(
    input: unknown,
    expected: { challenge?: string; domain?: string } = {},
  ): Promise<PresentationReport> {
    try {
      return await verifyPresentationUnsafe(input, expected);
    } catch (error) {
      const report = finish(
        'unknown',
        [check('format', 'failed', 'INTERNAL_ERROR', String((error as Error)?.message ?? error))],
        undefined,
      ) as PresentationReport;
      report.credentials = [];
      return report;
    }
  }

  return { verifyCredential, verifyPresentation };
}
