// Issuing: Data Integrity proofs (eddsa-rdfc-2022, ecdsa-rdfc-2019, ecdsa-sd-2023) and VC-JOSE-COSE JWTs.
import { createHash } from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as ecdsaSd2023 from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import { CompactSign } from 'jose';
import jsonld from 'jsonld';
import { CredentialInputError, inputErrorOf, vcVersionOf } from './credential-input.ts';
import { loadSigner } from './keys.ts';
import type { KeyType, Signer, StoredKey } from './keys.ts';
import type { DocumentLoader } from './documentLoader.ts';

export type DataIntegrityFormat = 'eddsa-rdfc-2022' | 'ecdsa-rdfc-2019' | 'ecdsa-sd-2023';
export type CredentialFormat = DataIntegrityFormat | 'vc+jwt';

export const CREDENTIAL_FORMATS: readonly CredentialFormat[] = [
  'eddsa-rdfc-2022',
  'ecdsa-rdfc-2019',
  'ecdsa-sd-2023',
  'vc+jwt',
];

/** The media type a JOSE-secured credential is served with. */
export const VC_JWT_MEDIA_TYPE = 'application/vc+jwt';

export interface IssuedCredential {
  format: CredentialFormat;
  /** The exact bytes we store and return: JSON for Data Integrity, the compact JWS for vc+jwt. */
  serialized: string;
  credential?: Record<string, unknown>;
  jwt?: string;
}

export class UnsupportedFormatError extends Error {
  constructor(format: string, keyType: KeyType) {
    super(`Format "${format}" cannot be issued with a ${keyType} key.`);
    this.name = 'UnsupportedFormatError';
  }
}

const KEY_TYPE_OF_FORMAT: Record<Exclude<CredentialFormat, 'vc+jwt'>, KeyType> = {
  'eddsa-rdfc-2022': 'Ed25519',
  'ecdsa-rdfc-2019': 'P-256',
  'ecdsa-sd-2023': 'P-256',
};

// What a holder may never withhold when deriving a selective-disclosure proof.
// The achievement itself is what the issuer certifies (and what accreditation is checked against);
// a holder may withhold the grade, credits or identifiers around it.
const ALWAYS_MANDATORY = [
  '/type',
  '/issuer',
  '/validFrom',
  '/validUntil',
  '/credentialStatus',
  '/credentialSubject/type',
  '/credentialSubject/achievement',
];

/** The value a JSON pointer (RFC 6901) selects, or undefined when it selects nothing or is not one. */
function select(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  if (!pointer.startsWith('/') || /~[^01]|~$/.test(pointer)) return undefined;
  let node: unknown = document;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      node = node[Number(token)];
    } else if (node && typeof node === 'object' && Object.hasOwn(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else return undefined;
  }
  return node;
}

/**
 * A caller's mandatory pointers: each must select something in the credential (an issuer that
 * made a holder always disclose nothing would be signing a promise it cannot keep).
 */
function checkedPointers(credential: Record<string, unknown>, pointers: unknown): string[] {
  if (!Array.isArray(pointers) || !pointers.every((p) => typeof p === 'string'))
    throw new CredentialInputError([
      { property: 'options.mandatoryPointers', message: 'must be a list of JSON pointers' },
    ]);
  const wrong = pointers.filter((p) => p === '' || select(credential, p) === undefined);
  if (wrong.length > 0)
    throw new CredentialInputError(
      wrong.map((p) => ({
        property: 'options.mandatoryPointers',
        message: `${JSON.stringify(p)} is not a JSON pointer to a value in the credential`,
      })),
    );
  return pointers;
}

function mandatoryPointers(
  credential: Record<string, unknown>,
  requested: string[] = [],
): string[] {
  const pointers: string[] = [...requested];
  for (const pointer of ALWAYS_MANDATORY) {
    let node: unknown = credential;
    for (const part of pointer.split('/').slice(1)) {
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    }
    if (node === undefined) continue;
    // A transcript's achievements are a list whose compacted form the selection library cannot
    // address; its accreditation rests on its type (ClrCredential), which is mandatory anyway.
    if (Array.isArray(node) && pointer === '/credentialSubject/achievement') continue;
    if (!pointers.includes(pointer)) pointers.push(pointer);
  }
  return pointers;
}

type Canonize = (
  input: Record<string, unknown>,
  options: Record<string, unknown>,
) => Promise<string>;

// Every credential issued in the same second by the same key has the same proof options (type,
// created, verificationMethod, cryptosuite, purpose, @context), so their canonical form is computed
// once: it is a third of the canonicalisation work of a signature.
const PROOF_CACHE_MAX = 256;
const proofCanonicalCache = new Map<string, Promise<string>>();

function withProofCache<T extends { canonize: Canonize }>(cryptosuite: T): T {
  const canonize: Canonize = (input, options) => {
    if (input['type'] !== 'DataIntegrityProof' || 'credentialSubject' in input)
      return cryptosuite.canonize(input, options);
    const digest = options['messageDigestAlgorithm'];
    const key = `${typeof digest === 'string' ? digest : ''}|${JSON.stringify(input)}`;
    let canonical = proofCanonicalCache.get(key);
    if (!canonical) {
      if (proofCanonicalCache.size >= PROOF_CACHE_MAX) proofCanonicalCache.clear();
      canonical = cryptosuite.canonize(input, options);
      canonical.catch(() => proofCanonicalCache.delete(key));
      proofCanonicalCache.set(key, canonical);
    }
    return canonical;
  };
  return { ...cryptosuite, canonize };
}

const eddsaSignSuite = withProofCache(eddsaRdfc2022);
const ecdsaSignSuite = withProofCache(ecdsaRdfc2019);

function dataIntegritySuite(
  format: DataIntegrityFormat,
  signer: Signer,
  credential: Record<string, unknown>,
  now: Date | undefined,
  requestedPointers: string[] | undefined,
) {
  const cryptosuite =
    format === 'eddsa-rdfc-2022'
      ? eddsaSignSuite
      : format === 'ecdsa-rdfc-2019'
        ? ecdsaSignSuite
        : ecdsaSd2023.createSignCryptosuite({
            mandatoryPointers: mandatoryPointers(credential, requestedPointers),
          });
  return new DataIntegrityProof({ signer, cryptosuite, ...(now ? { date: now } : {}) });
}

/**
 * Signs a credential.
 *
 * @param options.credential - The unsigned credential (it is not modified).
 * @param options.key - The issuer's stored key; its controller must be the credential's issuer.
 * @param options.kek - The key-encryption key.
 * @param options.format - 'eddsa-rdfc-2022' (Ed25519), 'ecdsa-rdfc-2019' or 'ecdsa-sd-2023' (P-256, a base
 *   proof for the holder to derive from), or 'vc+jwt' (EdDSA or ES256 by key type).
 * @param options.documentLoader - The loader from createDocumentLoader (Data Integrity only).
 * @param options.now - Signing time (proof `created`, JWT `iat`).
 * @param options.mandatoryPointers - ecdsa-sd-2023 only: JSON pointers the holder must always
 *   disclose, besides the issuer's own (type, issuer, dates, status, the achievement).
 * @returns The format, the serialized bytes, and the signed credential or the JWT.
 * @throws UnsupportedFormatError when the key type does not fit the format; CredentialInputError
 *   when the credential is not valid JSON-LD (an undefined term, an unknown or invalid context, a
 *   protected term redefined, a relative IRI) or a mandatory pointer selects nothing.
 */
export async function issueCredential(options: {
  credential: Record<string, unknown>;
  key: StoredKey;
  kek: Uint8Array;
  format: CredentialFormat;
  documentLoader: DocumentLoader;
  now?: Date;
  mandatoryPointers?: unknown;
}): Promise<IssuedCredential> {
  const { credential, key, kek, format, documentLoader } = options;
  const requestedPointers =
    options.mandatoryPointers === undefined
      ? undefined
      : checkedPointers(credential, options.mandatoryPointers);
  if (requestedPointers && format !== 'ecdsa-sd-2023')
    throw new CredentialInputError([
      { property: 'options.mandatoryPointers', message: 'apply to the ecdsa-sd-2023 format only' },
    ]);
  const issuerId = issuerIdOf(credential);
  if (issuerId !== key.controller) {
    throw new TypeError(
      `The credential issuer "${String(issuerId)}" is not the key's controller "${key.controller}".`,
    );
  }
  const signer = await loadSigner(key, kek);
  if (format === 'vc+jwt') {
    // VC-JOSE-COSE secures VC 2.0 only; VC 1.1's JWT encoding is another format, which we do not issue.
    if (vcVersionOf(credential) === '1.1')
      throw new CredentialInputError([
        {
          property: 'options.format',
          message:
            'vc+jwt (VC-JOSE-COSE) secures VC 2.0 credentials only; use a Data Integrity format for VC 1.1',
        },
      ]);
    // No proof canonicalises a JWT's payload, but it is JSON-LD all the same: what the verifier
    // would reject as an undefined term is refused here.
    await jsonld
      .toRDF(credential, {
        documentLoader,
        safe: true,
        base: null,
        rdfDirection: 'i18n-datatype',
        produceGeneralizedRdf: false,
      })
      .catch((error: unknown) => {
        throw inputErrorOf(error) ?? error;
      });
    const jwt = await signJwt(credential, signer, options.now);
    return { format, serialized: jwt, jwt };
  }
  if (!(format in KEY_TYPE_OF_FORMAT))
    throw new TypeError(`Unknown credential format "${String(format)}".`);
  if (KEY_TYPE_OF_FORMAT[format] !== key.type) throw new UnsupportedFormatError(format, key.type);
  const suite = dataIntegritySuite(format, signer, credential, options.now, requestedPointers);
  // vc and jsonld-signatures change only the top level of what they sign (a proof added, an issuance
  // date for VC 1.1) and an existing proof array: copying those leaves the caller's credential as it was.
  const proof = credential['proof'];
  const signed = (await vc
    .issue({
      credential: { ...credential, ...(Array.isArray(proof) ? { proof: [...proof] } : {}) },
      suite,
      documentLoader,
    })
    .catch((error: unknown) => {
      throw inputErrorOf(error) ?? error;
    })) as Record<string, unknown>;
  return { format, serialized: JSON.stringify(signed), credential: signed };
}

const encoder = new TextEncoder();

async function signJwt(
  credential: Record<string, unknown>,
  signer: Signer,
  now = new Date(),
): Promise<string> {
  // VC-JOSE-COSE: the credential itself is the payload; iat records when it was signed (the key
  // revocation check compares against it) and iss repeats the issuer, as the spec recommends.
  const payload = {
    ...credential,
    iss: issuerIdOf(credential),
    iat: Math.floor(now.getTime() / 1000),
  };
  return new CompactSign(encoder.encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: signer.jwsAlgorithm, typ: 'vc+jwt', cty: 'vc', kid: signer.id })
    .sign(signer.privateKey);
}

/** The issuer id of a credential (`issuer` is a URL or an object with an id). */
export function issuerIdOf(credential: Record<string, unknown>): string | undefined {
  const issuer = credential['issuer'];
  if (typeof issuer === 'string') return issuer;
  if (
    issuer &&
    typeof issuer === 'object' &&
    typeof (issuer as Record<string, unknown>)['id'] === 'string'
  ) {
    return (issuer as Record<string, unknown>)['id'] as string;
  }
  return undefined;
}

/**
 * Derives a selective-disclosure credential from an ecdsa-sd-2023 base proof (what a holder does).
 *
 * @param options.credential - The credential with its base proof.
 * @param options.selectivePointers - JSON pointers of what to reveal besides the mandatory ones.
 * @param options.documentLoader - The loader.
 * @returns The derived credential.
 */
export async function deriveCredential(options: {
  credential: Record<string, unknown>;
  selectivePointers: string[];
  documentLoader: DocumentLoader;
}): Promise<Record<string, unknown>> {
  const suite = new DataIntegrityProof({
    cryptosuite: ecdsaSd2023.createDiscloseCryptosuite({
      selectivePointers: options.selectivePointers,
    }),
  });
  return (await vc.derive({
    verifiableCredential: options.credential,
    suite,
    documentLoader: options.documentLoader,
  })) as Record<string, unknown>;
}

/** SHA-256 (hex) of the serialized credential: what the ledger records. */
export function hashCredential(serialized: string): string {
  return createHash('sha256').update(serialized, 'utf8').digest('hex');
}
