// Data Integrity proofs: the cryptosuites, the assertion purpose, and verifying a credential's proof.
import { createPublicKey, verify as cryptoVerify } from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as ecdsaSd2023 from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { issuerIdOf } from './issuer.ts';
import {
  keyRevocationCheck,
  revokedAfterSigning,
  validityChecks,
  type CheckFlags,
  type VerifierContext,
} from './verifier-context.ts';
import { checkContexts, checkShape } from './verifier-data-model.ts';
import {
  asArray,
  check,
  classifyError,
  finish,
  isObject,
  passed,
  type Check,
  type VerificationReport,
  type VerifiedFormat,
} from './verifier-report.ts';
import { chainAware, proofSetVerdict, type ProofResult } from './verifier-proof-set.ts';
import { statusCheck } from './verifier-status.ts';
import { registryChecks } from './verifier-trust.ts';

export function proofFormat(proof: unknown): VerifiedFormat {
  if (!isObject(proof)) return 'unknown';
  if (proof['type'] === 'Ed25519Signature2020') return 'Ed25519Signature2020';
  if (proof['type'] === 'DataIntegrityProof') {
    const suite = proof['cryptosuite'];
    if (suite === 'eddsa-rdfc-2022' || suite === 'ecdsa-rdfc-2019' || suite === 'ecdsa-sd-2023')
      return suite;
  }
  return 'unknown';
}

interface SuiteVerifier {
  id: string;
  algorithm: string;
  verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
}

type Cryptosuite = {
  createVerifier(options: { verificationMethod: object }): Promise<SuiteVerifier>;
} & Record<string, unknown>;

const SUITE_VERIFIER_CACHE_MAX = 1000;

/**
 * The cryptosuite with its verifiers kept per verification method: the libraries parse the key (and
 * the Ed25519 one builds a public key object for every signature) on each verification. Keyed by the
 * whole method document, so a method is validated exactly as the library would.
 */
function withVerifierCache(
  suite: Cryptosuite,
  create: (verificationMethod: object) => Promise<SuiteVerifier>,
): Cryptosuite {
  const cache = new Map<string, Promise<SuiteVerifier>>();
  return {
    ...suite,
    createVerifier({ verificationMethod }) {
      const key = JSON.stringify(verificationMethod);
      let verifier = cache.get(key);
      if (!verifier) {
        if (cache.size >= SUITE_VERIFIER_CACHE_MAX) cache.clear();
        verifier = create(verificationMethod);
        verifier.catch(() => cache.delete(key));
        cache.set(key, verifier);
      }
      return verifier;
    },
  };
}

const eddsaRdfc2022Verifying = withVerifierCache(
  eddsaRdfc2022 as Cryptosuite,
  async (verificationMethod) => {
    const keyPair = await Ed25519Multikey.from(verificationMethod);
    const { id, algorithm } = keyPair.verifier() as SuiteVerifier;
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(keyPair.publicKey).toString('base64url') },
      format: 'jwk',
    });
    return {
      id,
      algorithm,
      verify: ({ data, signature }) =>
        Promise.resolve(cryptoVerify(null, data, publicKey, signature)),
    };
  },
);

const ecdsaRdfc2019Verifying = withVerifierCache(
  ecdsaRdfc2019 as Cryptosuite,
  async (verificationMethod) =>
    ((await EcdsaMultikey.from(verificationMethod)) as { verifier(): SuiteVerifier }).verifier(),
);

export function verificationSuites(): unknown[] {
  return [
    new DataIntegrityProof({ cryptosuite: eddsaRdfc2022Verifying }),
    new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019Verifying }),
    new DataIntegrityProof({ cryptosuite: ecdsaSd2023.createVerifyCryptosuite() }),
    new Ed25519Signature2020(),
  ];
}

/** A signature by a key that is no longer listed, which our records say was revoked only later. */
type AcceptsRevokedLater = (
  verificationMethodId: string,
  controllerId: string,
  signedAt: string | undefined,
) => Promise<boolean>;

/**
 * The assertion purpose, which also accepts a key dropped from assertionMethod after it signed
 * (see revokedAfterSigning). One class for the process: a class made per verifier would give every
 * verification objects of a new shape, and the libraries' property lookups would stay slow.
 */
export class IssuancePurpose extends vc.CredentialIssuancePurpose {
  readonly #acceptsRevokedLater: AcceptsRevokedLater;
  readonly #coSigners: boolean;

  /**
   * @param acceptsRevokedLater - Whether our records say a key dropped from assertionMethod was
   *   revoked only after it signed.
   * @param options.coSigners - For a proof set or chain: a proof by another party's assertion key
   *   is valid, marked `coSigner` (verifierProofSet then wants one proof to be the issuer's).
   */
  constructor(acceptsRevokedLater: AcceptsRevokedLater, options: { coSigners?: boolean } = {}) {
    super();
    this.#acceptsRevokedLater = acceptsRevokedLater;
    this.#coSigners = options.coSigners ?? false;
  }

  async validate(proof: Record<string, unknown>, purposeOptions: Record<string, unknown>) {
    const result = await super.validate(proof, purposeOptions);
    if (result.valid) return result;
    const message = String(result.error?.message ?? '');
    const verificationMethod = purposeOptions['verificationMethod'] as Record<string, unknown>;
    // vc raises this only once the key is its controller's assertion method: another signer's.
    if (this.#coSigners && /issuer must match the verification method controller/.test(message))
      return { valid: true, coSigner: String(verificationMethod['controller']) };
    if (!message.includes('not authorized by controller')) return result;
    const issuer = issuerIdOf(purposeOptions['document'] as Record<string, unknown>);
    const controller = verificationMethod['controller'];
    if (typeof controller !== 'string' || controller !== issuer) return result;
    const accepted = await this.#acceptsRevokedLater(
      String(verificationMethod['id']),
      controller,
      proof['created'] as string | undefined,
    );
    return accepted ? { valid: true } : result;
  }
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

/** A Data Integrity proof (eddsa-rdfc-2022, ecdsa-rdfc-2019, ecdsa-sd-2023, Ed25519Signature2020): every check of the report. */
export async function verifyDataIntegrity(
  ctx: VerifierContext,
  credential: Record<string, unknown>,
  flags: CheckFlags,
): Promise<VerificationReport> {
  const proofs = asArray(credential['proof']);
  const format = proofFormat(proofs[0]);
  const shape = checkShape(credential, 'credential');
  if (!shape.ok)
    return finish(format, [check('format', 'failed', 'MALFORMED', shape.detail)], credential);
  if (proofs.length === 0) {
    return finish(
      format,
      [check('format', 'failed', 'MALFORMED', 'The credential has no proof.')],
      credential,
    );
  }
  const checks: Check[] = [passed('format')];
  const contextCheck = checkContexts(credential);
  checks.push(contextCheck);
  if (contextCheck.status === 'failed') return finish(format, checks, credential);
  if (format === 'unknown') {
    checks.push(check('proof', 'failed', 'UNSUPPORTED_FORMAT'));
    return finish(format, checks, credential);
  }
  // vc checks validity dates against `now`; we report them as checks of their own, so it gets a
  // date inside the window and the proof check is about the proof alone.
  const neutralNow = (credential['validFrom'] ??
    credential['issuanceDate'] ??
    ctx.now().toISOString()) as string;
  // Several proofs are a set or a chain (Data Integrity): each verified on its own (a chained
  // one over the proofs it names), all of which must pass, one of them the issuer's.
  const several = proofs.length > 1;
  const result = await vc.verifyCredential({
    credential,
    suite: several
      ? verificationSuites().map((s) => chainAware(s as object))
      : verificationSuites(),
    documentLoader: ctx.documentLoader,
    purpose: new IssuancePurpose((...args) => revokedAfterSigning(ctx, ...args), {
      coSigners: several,
    }),
    now: neutralNow,
    checkStatus: () => Promise.resolve({ verified: true }),
  });
  const perProof = (result.results ?? []) as ProofResult[];
  let proofCheck: Check | undefined;
  let failure: unknown;
  let issuerProof: Record<string, unknown> | undefined;
  if (several && perProof.length > 0 && perProof.every((r) => 'proof' in r)) {
    const verdict = proofSetVerdict(proofs, perProof);
    if ('error' in verdict) failure = verdict.error;
    else ({ check: proofCheck, issuerProof } = verdict);
  } else if (result.verified) proofCheck = passed('proof');
  else failure = result.error ?? result.results?.[0]?.error;
  if (proofCheck) {
    checks.push(proofCheck);
  } else {
    let classified = classifyError(failure);
    if (classified.id !== 'context') {
      // The proof may have failed before the document was expanded (e.g. an unknown key); an
      // undefined term still makes the input malformed, which the caller must be told first.
      const unsigned = { ...credential };
      delete unsigned['proof'];
      try {
        await eddsaRdfc2022.canonize(unsigned, { documentLoader: ctx.documentLoader, safe: true });
      } catch (error) {
        const contextError = classifyError(error);
        if (contextError.id === 'context') classified = contextError;
      }
    }
    if (classified.id === 'context') {
      checks[1] = check('context', 'failed', classified.code, classified.detail);
      return finish(format, checks, credential);
    }
    checks.push(check('proof', 'failed', classified.code, classified.detail));
  }
  const proof = issuerProof ?? (proofs[0] as Record<string, unknown>);
  const verificationMethod = proof['verificationMethod'];
  const vmId =
    typeof verificationMethod === 'string'
      ? verificationMethod
      : isObject(verificationMethod)
        ? String(verificationMethod['id'])
        : undefined;
  checks.push(...validityChecks(ctx, credential));
  checks.push(await keyRevocationCheck(ctx, vmId, proof['created'] as string | undefined));
  if (flags.registry) checks.push(...(await registryChecks(ctx.registry, credential)));
  if (flags.status) checks.push(await statusCheck(ctx, credential));
  return finish(format, checks, credential);
}
