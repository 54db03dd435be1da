// Verifying credentials and presentations (public: anyone may verify), against our registry and lists.
import {
  createVerifier,
  type DidResolver,
  type DocumentLoader,
  type IssuerRecord,
  type PresentationExpected,
  type PresentationReport,
  type VerificationReport,
  type Verifier,
  type VerifierLookups,
  type VerifyPool,
} from '../../credentials/index.ts';
import { InputValidationError, MAX_JSON_DEPTH, jsonDepth } from '../shared/index.ts';
import { accreditedTypes } from './credential-content.ts';
import type { InstitutionKeys } from './institution-keys.ts';
import type { StatusLists } from './status-lists.ts';

export interface CredentialVerificationDeps {
  keys: Pick<InstitutionKeys, 'institutionOf' | 'keyStatus'>;
  documentLoader: DocumentLoader;
  /** Resolves a did:web to its DID document (ours locally; foreign ones if configuration allows). */
  resolveDid: DidResolver;
  /** Worker threads to verify on; without them, credentials are verified on this thread. */
  verifyPool: () => VerifyPool | undefined;
  statusLists: Pick<StatusLists, 'local'>;
  now: () => Date;
}

export class CredentialVerification {
  readonly verifier: Verifier;
  readonly #lookups: VerifierLookups = {
    resolveDid: (did) => this.d.resolveDid(did),
    lookupIssuer: (did) => this.#lookupIssuer(did),
    keyStatus: (vm) => this.d.keys.keyStatus(vm),
    fetchStatusList: (url) => this.d.statusLists.local(url),
  };

  constructor(private readonly d: CredentialVerificationDeps) {
    this.verifier = createVerifier({
      documentLoader: d.documentLoader,
      registry: { lookupIssuer: (did) => this.#lookupIssuer(did) },
      keyStatus: (vm) => d.keys.keyStatus(vm),
      fetchStatusList: (url) => d.statusLists.local(url),
      now: d.now,
    });
  }

  verifyCredential(input: unknown): Promise<VerificationReport> {
    requireShallow(input);
    return this.#verify(
      (pool) => pool.verifyCredential(input, this.#lookups, this.d.now),
      () => this.verifier.verifyCredential(input),
    );
  }

  verifyPresentation(input: unknown, opts: PresentationExpected): Promise<PresentationReport> {
    requireShallow(input);
    return this.#verify(
      (pool) => pool.verifyPresentation(input, opts, this.#lookups, this.d.now),
      () => this.verifier.verifyPresentation(input, opts),
    );
  }

  async #lookupIssuer(did: string): Promise<IssuerRecord | null> {
    const institution = await this.d.keys.institutionOf(did);
    if (!institution) return null;
    return {
      name: institution.name,
      status: institution.status,
      accreditedTypes: accreditedTypes(institution),
    };
  }

  /** On a verification worker if there are any; here if there are none, or the worker was lost. */
  async #verify<R>(onWorker: (pool: VerifyPool) => Promise<R>, here: () => Promise<R>): Promise<R> {
    const pool = this.d.verifyPool();
    if (!pool) return here();
    try {
      return await onWorker(pool);
    } catch {
      // A worker was lost (and is replaced on the next call): verify here rather than fail.
      return here();
    }
  }
}

/**
 * Refuses a credential or presentation nested deeper than any real one, before the verifier's
 * recursive walkers see it: a JSON document, the claims of a JWT, and the JWTs a presentation
 * carries (a JSON body is limited at the edge already; a JWT's claims are not JSON there).
 */
function requireShallow(input: unknown): void {
  const docs: unknown[] = [input];
  for (let i = 0; i < docs.length && i < 200; i++) {
    const doc = docs[i];
    if (typeof doc === 'string') {
      const jwt = /^(?:data:application\/v[cp]\+jwt,)?([\w-]+)\.([\w-]+)\.([\w-]*)$/.exec(doc);
      if (!jwt) continue;
      let claims: unknown;
      try {
        claims = JSON.parse(Buffer.from(jwt[2]!, 'base64url').toString('utf8'));
      } catch {
        continue; // not JSON: the verifier says what is wrong with it
      }
      docs.push(claims);
      continue;
    }
    if (jsonDepth(doc, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      throw new InputValidationError(
        `The credential or presentation is nested deeper than ${MAX_JSON_DEPTH} levels`,
      );
    }
    // The credentials a presentation carries may be JWTs of their own (or enveloped ones).
    if (doc && typeof doc === 'object') {
      const o = doc as Record<string, unknown>;
      const vp = (o['vp'] ?? o) as Record<string, unknown>;
      for (const c of [vp['verifiableCredential']].flat()) {
        if (typeof c === 'string') docs.push(c);
        else if (c && typeof c === 'object' && typeof (c as { id?: unknown }).id === 'string')
          docs.push((c as { id: string }).id);
      }
    }
  }
}
