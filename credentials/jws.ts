// Verifying a compact JWS (RFC 7515) signed with EdDSA (Ed25519, RFC 8037) or ES256, synchronously
// with node:crypto. jose verifies through WebCrypto, whose every signature check is a job on libuv's
// thread pool: under load on two cores, the hand-over to that pool and back cost more than the check
// (~80 µs) and lengthened the VC API's latency tail. jose still decodes the header and base64url here,
// signs every JWT we issue, and checks ours independently in the tests.
import { verify, type KeyObject } from 'node:crypto';
import { base64url, decodeProtectedHeader } from 'jose';

export type JwsAlgorithm = 'EdDSA' | 'ES256';

/** A JWS that is malformed, uses what we do not support, or whose signature does not verify. */
export class JwsInvalid extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JwsInvalid';
  }
}

const PART = /^[A-Za-z0-9_-]*$/;

const KEY_TYPE: Record<JwsAlgorithm, { type: string; curve?: string }> = {
  EdDSA: { type: 'ed25519' },
  ES256: { type: 'ec', curve: 'prime256v1' },
};

/**
 * Verifies a compact JWS with `key`, which must be of `alg`'s type; throws JwsInvalid otherwise.
 *
 * @param jws - The compact serialisation: header.payload.signature, each base64url.
 * @param key - The public key.
 * @param alg - The only algorithm accepted (the header must name it).
 */
export function verifyCompactJws(jws: string, key: KeyObject, alg: JwsAlgorithm): void {
  const parts = jws.split('.');
  if (parts.length !== 3 || !parts.every((part) => PART.test(part)) || !parts[0] || !parts[2])
    throw new JwsInvalid('A compact JWS is three base64url parts separated by dots.');
  const [header, payload, signature] = parts as [string, string, string];
  let protectedHeader: Record<string, unknown>;
  try {
    protectedHeader = decodeProtectedHeader(jws);
  } catch {
    throw new JwsInvalid('The JWS header is not a JSON object.');
  }
  if (protectedHeader['alg'] !== alg)
    throw new JwsInvalid(
      `The JWS algorithm must be ${alg}, not ${String(protectedHeader['alg'])}.`,
    );
  // RFC 7515 4.1.11: extensions named as critical must be understood, and we support none.
  if (protectedHeader['crit'] !== undefined)
    throw new JwsInvalid('The JWS names critical header parameters we do not support.');
  const expected = KEY_TYPE[alg];
  const details = key.asymmetricKeyDetails;
  if (
    key.type !== 'public' ||
    key.asymmetricKeyType !== expected.type ||
    (expected.curve !== undefined && details?.namedCurve !== expected.curve)
  )
    throw new JwsInvalid(`The key is not one for ${alg}.`);
  let bytes: Uint8Array;
  try {
    bytes = base64url.decode(signature);
  } catch {
    throw new JwsInvalid('The JWS signature is not base64url.');
  }
  const signingInput = Buffer.from(`${header}.${payload}`, 'ascii');
  const valid =
    alg === 'EdDSA'
      ? bytes.length === 64 && verify(null, signingInput, key, bytes)
      : bytes.length === 64 &&
        verify('sha256', signingInput, { key, dsaEncoding: 'ieee-p1363' }, bytes);
  if (!valid) throw new JwsInvalid('signature verification failed');
}
