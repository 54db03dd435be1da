// Proof sets and chains as VC Data Integrity 1.0 verifies them: every proof must verify, a chained
// one over the proofs it names, and at least one proof must be the issuer's; the others co-sign.
import { check, isObject, passed, type Check } from './verifier-report.ts';

type Json = Record<string, unknown>;

interface VerifyProofOptions {
  proof: Json;
  proofSet?: Json[];
  document: Json;
  [option: string]: unknown;
}

interface Suite {
  verifyProof(options: VerifyProofOptions): Promise<{ verified: boolean; error?: unknown }>;
}

/** The ids a proof's previousProof names (none when it has none), or null when it is malformed. */
function previousProofIds(proof: Json): string[] | null {
  const previous = proof['previousProof'];
  if (previous === undefined) return [];
  if (typeof previous === 'string') return [previous];
  if (Array.isArray(previous) && previous.every((id) => typeof id === 'string')) return previous;
  return null;
}

/**
 * The proofs a proof depends on, as the Data Integrity verification algorithm finds them: each id
 * its previousProof names must be the id of a proof of the same document.
 *
 * @param proof - The proof about to be verified.
 * @param allProofs - Every proof of the document.
 * @returns The matching proofs, or the reason the chain is broken.
 */
export function previousProofsOf(proof: Json, allProofs: readonly Json[]): Json[] | Error {
  const ids = previousProofIds(proof);
  if (ids === null) return new Error('"previousProof" must be a string or a list of strings.');
  const matching: Json[] = [];
  for (const id of ids) {
    const found = allProofs.find((p) => p !== proof && p['id'] === id);
    if (!found)
      return new Error(`"previousProof" names "${id}", which is no proof of this document.`);
    matching.push(found);
  }
  return matching;
}

/**
 * A suite that verifies a chained proof as Data Integrity says: over the document with its `proof`
 * set to the proofs named by `previousProof` (which the signer secured along with the claims). An
 * unchained proof is verified by the suite as it is. The suite itself is left untouched.
 *
 * @param suite - A jsonld-signatures suite (DataIntegrityProof, …).
 * @returns The same suite, chain-aware.
 */
export function chainAware<S extends object>(suite: S): S {
  const inner = suite as unknown as Suite;
  const wrapped = Object.create(suite) as S & Suite;
  wrapped.verifyProof = (options) => {
    const allProofs = options.proofSet ?? [options.proof];
    const previous = previousProofsOf(options.proof, allProofs);
    if (previous instanceof Error) return Promise.resolve({ verified: false, error: previous });
    if (previous.length === 0) return inner.verifyProof(options);
    // jsonld-signatures gives each proof of the set the document's @context; the signer secured
    // the proofs as they stand in the document, without it.
    const asSecured = previous.map((p) =>
      Object.fromEntries(Object.entries(p).filter(([k]) => k !== '@context')),
    );
    return inner.verifyProof({ ...options, document: { ...options.document, proof: asSecured } });
  };
  return wrapped;
}

/** What jsonld-signatures reports per proof (a purpose result marks a co-signer). */
export interface ProofResult {
  proof?: Json;
  verified: boolean;
  error?: unknown;
  purposeResult?:
    { valid: boolean; coSigner?: string } | Array<{ valid: boolean; coSigner?: string }>;
}

const purposeResults = (r: ProofResult) =>
  r.purposeResult === undefined
    ? []
    : Array.isArray(r.purposeResult)
      ? r.purposeResult
      : [r.purposeResult];

/**
 * The proof check of a credential with several proofs. jsonld-signatures accepts a document when any
 * one proof verifies; Data Integrity wants every one to, and a credential wants one by its issuer.
 *
 * @param proofs - The credential's proofs.
 * @param results - The per-proof results of jsonld-signatures (with co-signers marked by the purpose).
 * @returns The proof check, or the error of the first proof that failed (for the caller to classify),
 *   and the issuer's proof.
 */
export function proofSetVerdict(
  proofs: readonly unknown[],
  results: readonly ProofResult[],
): { check: Check; issuerProof?: Json } | { error: unknown } {
  const failed = results.find((r) => !r.verified);
  if (failed) return { error: failed.error ?? new Error('A proof of the set did not verify.') };
  if (results.length < proofs.length) {
    return {
      check: check(
        'proof',
        'failed',
        'PROOF_INVALID',
        `${proofs.length - results.length} of the ${proofs.length} proofs is of a kind or purpose this verifier cannot check, and every proof must verify.`,
      ),
    };
  }
  const byIssuer = results.find((r) => purposeResults(r).every((p) => p.valid && !p.coSigner));
  if (!byIssuer) {
    return {
      check: check('proof', 'failed', 'ISSUER_MISMATCH', 'Every proof is by someone else.'),
    };
  }
  return {
    check: passed('proof'),
    ...(isObject(byIssuer.proof) ? { issuerProof: byIssuer.proof } : {}),
  };
}
