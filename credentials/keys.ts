// Issuer signing keys: generation, encryption at rest (AES-256-GCM under a KEK) and cached signers.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  randomBytes,
  sign,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';

export type KeyType = 'Ed25519' | 'P-256';
export type JwsAlgorithm = 'EdDSA' | 'ES256';

/** What we persist: the public half in clear, the secret half only as AES-256-GCM ciphertext. */
export interface StoredKey {
  id: string;
  controller: string;
  type: KeyType;
  publicKeyMultibase: string;
  encryptedPrivateKey: string;
  createdAt: string;
}

/** A signer both the Data Integrity cryptosuites (`sign({ data })`) and jose (`privateKey`) accept. */
export interface Signer {
  readonly id: string;
  readonly algorithm: KeyType;
  readonly jwsAlgorithm: JwsAlgorithm;
  readonly privateKey: KeyObject;
  sign(input: { data: Uint8Array }): Promise<Uint8Array>;
}

export class KeyDecryptionError extends Error {
  constructor(keyId: string) {
    super(
      `Cannot decrypt the private key of ${keyId}: wrong key-encryption key or tampered ciphertext.`,
    );
    this.name = 'KeyDecryptionError';
  }
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

function assertKek(kek: Uint8Array): void {
  if (!(kek instanceof Uint8Array) || kek.length !== 32) {
    throw new TypeError('The key-encryption key must be 32 bytes.');
  }
}

// The key id is bound as associated data so a ciphertext copied onto another key record fails to open.
function encrypt(plaintext: string, kek: Uint8Array, keyId: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(keyId, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function decrypt(encoded: string, kek: Uint8Array, keyId: string): string {
  const raw = Buffer.from(encoded, 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) throw new KeyDecryptionError(keyId);
  const decipher = createDecipheriv('aes-256-gcm', kek, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(keyId, 'utf8'));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new KeyDecryptionError(keyId);
  }
}

function multikeyLib(type: KeyType): typeof Ed25519Multikey {
  return type === 'Ed25519' ? Ed25519Multikey : EcdsaMultikey;
}

/**
 * Generates a new key pair for a DID controller and returns it ready to store, the secret encrypted.
 *
 * @param options.type - 'Ed25519' (eddsa-rdfc-2022, EdDSA JWTs) or 'P-256' (ecdsa-rdfc-2019, ecdsa-sd-2023, ES256).
 * @param options.controller - The DID that controls the key; the key id is `${controller}#${publicKeyMultibase}`.
 *   Pass the bare string 'did:key' for a holder key whose DID is derived from the key itself.
 * @param options.kek - The 32-byte key-encryption key.
 * @param options.now - Creation time (defaults to now).
 * @returns A plain, serialisable StoredKey.
 */
export async function generateKey(options: {
  type: KeyType;
  controller: string;
  kek: Uint8Array;
  now?: Date;
}): Promise<StoredKey> {
  const { type, controller, kek, now = new Date() } = options;
  assertKek(kek);
  if (type !== 'Ed25519' && type !== 'P-256')
    throw new TypeError(`Unsupported key type "${String(type)}".`);
  const keyPair =
    type === 'Ed25519'
      ? await Ed25519Multikey.generate({ controller })
      : await EcdsaMultikey.generate({ controller, curve: 'P-256' });
  const exported = await keyPair.export({
    publicKey: true,
    secretKey: true,
    includeContext: false,
  });
  const publicKeyMultibase = exported.publicKeyMultibase as string;
  const did = controller === 'did:key' ? `did:key:${publicKeyMultibase}` : controller;
  const id = `${did}#${publicKeyMultibase}`;
  return {
    id,
    controller: did,
    type,
    publicKeyMultibase: exported.publicKeyMultibase,
    encryptedPrivateKey: encrypt(exported.secretKeyMultibase, kek, id),
    createdAt: now.toISOString(),
  };
}

/**
 * Decrypts a stored key's secret (its multibase secretKeyMultibase). Throws KeyDecryptionError on a wrong KEK.
 *
 * @param storedKey - The key record.
 * @param kek - The 32-byte key-encryption key.
 * @returns The secret key, multibase encoded.
 */
export function decryptKey(storedKey: StoredKey, kek: Uint8Array): string {
  assertKek(kek);
  return decrypt(storedKey.encryptedPrivateKey, kek, storedKey.id);
}

class KeySigner implements Signer {
  readonly id: string;
  readonly algorithm: KeyType;
  readonly jwsAlgorithm: JwsAlgorithm;
  readonly #key: KeyObject;

  constructor(id: string, algorithm: KeyType, key: KeyObject) {
    this.id = id;
    this.algorithm = algorithm;
    this.jwsAlgorithm = algorithm === 'Ed25519' ? 'EdDSA' : 'ES256';
    this.#key = key;
  }

  get privateKey(): KeyObject {
    return this.#key;
  }

  sign({ data }: { data: Uint8Array }): Promise<Uint8Array> {
    // Data Integrity and JOSE both want the raw r||s ECDSA encoding, not DER.
    const signature =
      this.algorithm === 'Ed25519'
        ? sign(null, data, this.#key)
        : sign('sha256', data, { key: this.#key, dsaEncoding: 'ieee-p1363' });
    return Promise.resolve(
      new Uint8Array(signature.buffer, signature.byteOffset, signature.length),
    );
  }

  toJSON(): object {
    return { id: this.id, algorithm: this.algorithm };
  }

  [inspect.custom](): string {
    return `Signer { id: '${this.id}', algorithm: '${this.algorithm}' }`;
  }
}

interface CacheEntry {
  fingerprint: string;
  signer: Promise<Signer>;
}

// Parsing the key is the costly part of a signature, so each key is parsed once per process. The
// fingerprint binds an entry to the exact ciphertext and KEK, so a wrong KEK never rides on a cached signer.
const signerCache = new Map<string, CacheEntry>();

function cacheFingerprint(storedKey: StoredKey, kek: Uint8Array): string {
  return createHash('sha256')
    .update(kek)
    .update(storedKey.encryptedPrivateKey)
    .update(storedKey.publicKeyMultibase)
    .digest('hex');
}

async function buildSigner(storedKey: StoredKey, kek: Uint8Array): Promise<Signer> {
  const secretKeyMultibase = decryptKey(storedKey, kek);
  const lib = multikeyLib(storedKey.type);
  const keyPair = await lib.from({
    type: 'Multikey',
    id: storedKey.id,
    controller: storedKey.controller,
    publicKeyMultibase: storedKey.publicKeyMultibase,
    secretKeyMultibase,
  });
  const jwk = await lib.toJwk({ keyPair, secretKey: true });
  const { kty, crv, x, y } = jwk;
  let d = jwk.d as string;
  if (storedKey.type === 'Ed25519') {
    // The Ed25519 library keeps seed||public (64 bytes); a JWK's "d" is the 32-byte seed alone.
    const raw = await keyPair.export({ raw: true, secretKey: true, canonicalize: true });
    d = Buffer.from(raw.secretKey as Uint8Array).toString('base64url');
  }
  const privateKey = createPrivateKey({
    key: y === undefined ? { kty, crv, x, d } : { kty, crv, x, y, d },
    format: 'jwk',
  });
  return new KeySigner(storedKey.id, storedKey.type, privateKey);
}

/**
 * Returns the signer of a stored key, parsing the private key once per process (cached by key id).
 *
 * @param storedKey - The key record.
 * @param kek - The 32-byte key-encryption key.
 * @returns A signer for the cryptosuites (`sign({ data })`, `algorithm`, `id`) and for jose (`privateKey`).
 * @throws KeyDecryptionError when the KEK is wrong.
 */
export async function loadSigner(storedKey: StoredKey, kek: Uint8Array): Promise<Signer> {
  assertKek(kek);
  const fingerprint = cacheFingerprint(storedKey, kek);
  const cached = signerCache.get(storedKey.id);
  if (cached && cached.fingerprint === fingerprint) return cached.signer;
  const signer = buildSigner(storedKey, kek);
  signerCache.set(storedKey.id, { fingerprint, signer });
  signer.catch(() => {
    if (signerCache.get(storedKey.id)?.signer === signer) signerCache.delete(storedKey.id);
  });
  return signer;
}

/** Drops cached signers (all, or one key id), e.g. after a key is revoked. */
export function clearSignerCache(keyId?: string): void {
  if (keyId === undefined) signerCache.clear();
  else signerCache.delete(keyId);
}

/** The public verification method (Multikey) of a stored key. */
export function verificationMethodOf(
  storedKey: Pick<StoredKey, 'id' | 'controller' | 'publicKeyMultibase'>,
): {
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
} {
  return {
    id: storedKey.id,
    type: 'Multikey',
    controller: storedKey.controller,
    publicKeyMultibase: storedKey.publicKeyMultibase,
  };
}
