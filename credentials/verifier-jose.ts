// VC-JOSE-COSE: a credential secured as a compact JWS, checked with jose against the issuer's key.
import { createPublicKey, type JsonWebKey as NodeJwk } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import jsonld from 'jsonld';
import { base64url, decodeProtectedHeader } from 'jose';
import type { JWK } from 'jose';
import { issuerIdOf } from './issuer.ts';
import { verifyCompactJws, type JwsAlgorithm } from './jws.ts';
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
  str,
  type Check,
  type VerificationReport,
  type VerifiedFormat,
} from './verifier-report.ts';
import { statusCheck } from './verifier-status.ts';
import { registryChecks } from './verifier-trust.ts';

const decoder = new TextDecoder();

async function publicKeyFor(ctx: VerifierContext, verificationMethod: Record<string, unknown>) {
  const id = String(verificationMethod['id']);
  const multibase = str(verificationMethod['publicKeyMultibase']);
  const cacheKey = `${id} ${multibase}`;
  let entry = ctx.caches.keys.get(cacheKey);
  if (!entry) {
    entry = (async () => {
      const isEd25519 = multibase.startsWith('z6Mk');
      const lib = isEd25519 ? Ed25519Multikey : EcdsaMultikey;
      const keyPair = await lib.from({ ...verificationMethod, type: 'Multikey' });
      const jwk = (await lib.toJwk({ keyPair })) as JWK;
      if (!isEd25519 && jwk.crv !== 'P-256')
        throw new Error(`Unsupported curve ${String(jwk.crv)}.`);
      const alg: JwsAlgorithm = isEd25519 ? 'EdDSA' : 'ES256';
      const { kty, crv, x, y } = jwk;
      const key = createPublicKey({
        key: (y === undefined ? { kty, crv, x } : { kty, crv, x, y }) as NodeJwk,
        format: 'jwk',
      });
      return { key, alg };
    })();
    entry.catch(() => ctx.caches.keys.delete(cacheKey));
    ctx.caches.keys.set(cacheKey, entry);
  }
  return entry;
}

async function authorizeJwtKey(
  ctx: VerifierContext,
  kid: string,
  issuer: string,
  signedAt: string | undefined,
): Promise<Check | null> {
  const controller = kid.split('#')[0] ?? '';
  if (controller !== issuer) return check('proof', 'failed', 'ISSUER_MISMATCH');
  const { document } = await ctx.documentLoader(controller);
  if (!isObject(document)) return check('proof', 'failed', 'KEY_NOT_FOUND');
  const listed = asArray(document['assertionMethod']).some(
    (vm) => vm === kid || (isObject(vm) && vm['id'] === kid),
  );
  if (listed || (await revokedAfterSigning(ctx, kid, controller, signedAt))) return null;
  return check('proof', 'failed', 'KEY_NOT_AUTHORIZED');
}

/** A VC-JOSE-COSE credential (a compact JWS): every check of the report. */
export async function verifyJwt(
  ctx: VerifierContext,
  jwt: string,
  flags: CheckFlags,
): Promise<VerificationReport> {
  const format: VerifiedFormat = 'vc+jwt';
  let header: Record<string, unknown>;
  let payload: unknown;
  try {
    header = decodeProtectedHeader(jwt);
    payload = JSON.parse(decoder.decode(base64url.decode(jwt.split('.')[1] ?? '')));
  } catch {
    return finish(format, [check('format', 'failed', 'MALFORMED', 'Not a JWT.')], undefined);
  }
  if (
    (header['typ'] !== 'vc+jwt' && header['typ'] !== 'vc-ld+jwt') ||
    typeof header['kid'] !== 'string'
  ) {
    return finish(
      format,
      [check('format', 'failed', 'MALFORMED', 'Expected typ "vc+jwt" and a kid.')],
      undefined,
    );
  }
  if (!isObject(payload))
    return finish(format, [check('format', 'failed', 'MALFORMED')], undefined);
  const credential = payload;
  const shape = checkShape(credential, 'credential');
  if (!shape.ok)
    return finish(format, [check('format', 'failed', 'MALFORMED', shape.detail)], credential);
  const checks: Check[] = [passed('format')];
  const contextCheck = checkContexts(credential);
  checks.push(contextCheck);
  if (contextCheck.status === 'failed') return finish(format, checks, credential);
  try {
    // The JWS does not need JSON-LD, but an undefined term is as wrong here as in a Data Integrity
    // proof: the credential goes through the safe-mode RDF conversion a Data Integrity suite would
    // canonicalise (the same options as eddsa-rdfc-2022's), and no further.
    await jsonld.toRDF(credential, {
      documentLoader: ctx.documentLoader,
      safe: true,
      base: null,
      rdfDirection: 'i18n-datatype',
      produceGeneralizedRdf: false,
    });
  } catch (error) {
    const classified = classifyError(error);
    checks[1] = check(
      'context',
      'failed',
      classified.id === 'context' ? classified.code : 'MALFORMED',
      classified.detail,
    );
    return finish(format, checks, credential);
  }
  const kid = header['kid'];
  const issuer = issuerIdOf(credential) ?? '';
  const iat =
    typeof credential['iat'] === 'number'
      ? new Date(credential['iat'] * 1000).toISOString()
      : undefined;
  let proofCheck: Check;
  try {
    const { document: verificationMethod } = await ctx.documentLoader(kid);
    const { key, alg } = await publicKeyFor(ctx, verificationMethod as Record<string, unknown>);
    if (header['alg'] !== alg) {
      proofCheck = check(
        'proof',
        'failed',
        'PROOF_INVALID',
        `Algorithm ${String(header['alg'])} does not fit the key.`,
      );
    } else {
      verifyCompactJws(jwt, key, alg);
      proofCheck =
        credential['iss'] !== undefined && credential['iss'] !== issuer
          ? check('proof', 'failed', 'ISSUER_MISMATCH', '"iss" differs from "issuer".')
          : ((await authorizeJwtKey(ctx, kid, issuer, iat)) ?? passed('proof'));
    }
  } catch (error) {
    const classified = classifyError(error);
    proofCheck = check(
      'proof',
      'failed',
      classified.id === 'proof' ? classified.code : 'KEY_NOT_FOUND',
      classified.detail,
    );
  }
  checks.push(proofCheck);
  checks.push(...validityChecks(ctx, credential));
  checks.push(await keyRevocationCheck(ctx, kid, iat));
  if (flags.registry) checks.push(...(await registryChecks(ctx.registry, credential)));
  if (flags.status) checks.push(await statusCheck(ctx, credential));
  return finish(format, checks, credential);
}
