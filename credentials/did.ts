// DIDs: did:web identifiers and documents for institutions, did:key resolution for learners and holders.
import { driver as didKeyDriver } from '@digitalbazaar/did-method-key';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import type { StoredKey } from './keys.ts';

export const DID_CONTEXT_V1 = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_CONTEXT_V1 = 'https://w3id.org/security/multikey/v1';

/**
 * The did:web of an institution hosted by this platform.
 *
 * @param host - Host name, with an optional port (the colon is percent-encoded as did:web requires).
 * @param slug - The institution's slug.
 * @returns `did:web:<host>:institutions:<slug>`.
 */
export function didWeb(host: string, slug: string): string {
  if (!/^[a-z0-9-]+$/i.test(slug)) throw new TypeError(`Invalid institution slug "${slug}".`);
  return `did:web:${encodeHost(host)}:institutions:${slug}`;
}

/** The platform's own did:web (`did:web:<host>`), served at /.well-known/did.json. */
export function platformDid(host: string): string {
  return `did:web:${encodeHost(host)}`;
}

function encodeHost(host: string): string {
  const trimmed = host.trim().toLowerCase();
  if (!/^[a-z0-9.-]+(:\d+)?$/.test(trimmed)) throw new TypeError(`Invalid host "${host}".`);
  return trimmed.replace(':', '%3A');
}

function parseDidWeb(did: string): { host: string; path: string[] } {
  const bare = did.split('#')[0] ?? '';
  const parts = bare.split(':');
  if (parts.length < 3 || parts[0] !== 'did' || parts[1] !== 'web' || !parts[2]) {
    throw new TypeError(`Not a did:web: "${did}".`);
  }
  return {
    host: decodeURIComponent(parts[2]),
    path: parts.slice(3).map((segment) => decodeURIComponent(segment)),
  };
}

/**
 * The HTTP path at which a did:web document is served (the did:web method's DID-to-URL transformation).
 *
 * @param did - A did:web.
 * @returns `/.well-known/did.json` for a bare host, otherwise `/<path segments>/did.json`.
 */
export function didWebPath(did: string): string {
  const { path } = parseDidWeb(did);
  return path.length === 0
    ? '/.well-known/did.json'
    : `/${path.map(encodeURIComponent).join('/')}/did.json`;
}

/** The full HTTPS URL of a did:web document. */
export function didWebUrl(did: string, scheme: 'https' | 'http' = 'https'): string {
  return `${scheme}://${parseDidWeb(did).host}${didWebPath(did)}`;
}

export type DidDocumentKey = Pick<StoredKey, 'id' | 'controller' | 'publicKeyMultibase'> & {
  retiredAt?: string | null;
  revokedAt?: string | null;
};

export interface VerificationMethod {
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
}

export interface DidDocument {
  '@context': string[];
  id: string;
  verificationMethod: VerificationMethod[];
  assertionMethod: string[];
  authentication: string[];
}

/**
 * Builds the DID document of a did:web from its keys.
 *
 * Current keys sign and authenticate; retired keys stay in assertionMethod so that what they signed
 * still verifies; revoked keys stay listed (verifiers can still name them) but authorise nothing.
 *
 * @param options.did - The DID.
 * @param options.keys - Every key the DID ever had, with retiredAt / revokedAt.
 * @returns The DID document.
 */
export function buildDidDocument(options: { did: string; keys: DidDocumentKey[] }): DidDocument {
  const { did, keys } = options;
  const verificationMethod: VerificationMethod[] = [];
  const assertionMethod: string[] = [];
  const authentication: string[] = [];
  for (const key of keys) {
    verificationMethod.push({
      id: key.id,
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: key.publicKeyMultibase,
    });
    if (key.revokedAt) continue;
    assertionMethod.push(key.id);
    if (!key.retiredAt) authentication.push(key.id);
  }
  return {
    '@context': [DID_CONTEXT_V1, MULTIKEY_CONTEXT_V1],
    id: did,
    verificationMethod,
    assertionMethod,
    authentication,
  };
}

const resolver = didKeyDriver();
resolver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });
resolver.use({ multibaseMultikeyHeader: 'zDna', fromMultibase: EcdsaMultikey.from });

/**
 * Resolves a did:key (or one of its key URLs) locally: no network.
 *
 * @param didOrUrl - `did:key:z...` or `did:key:z...#z...`.
 * @returns The DID document, or the verification method node with its @context for a key URL.
 */
export async function resolveDidKey(didOrUrl: string): Promise<Record<string, unknown>> {
  if (!didOrUrl.startsWith('did:key:')) throw new TypeError(`Not a did:key: "${didOrUrl}".`);
  return (await resolver.get({ did: didOrUrl })) as Record<string, unknown>;
}

/** Picks one verification method (with the document's @context) out of a DID document. */
export function findVerificationMethod(
  document: Record<string, unknown>,
  url: string,
): Record<string, unknown> | null {
  const methods = document['verificationMethod'];
  if (!Array.isArray(methods)) return null;
  const fragment = url.includes('#') ? `#${url.split('#')[1] ?? ''}` : url;
  const found = (methods as Array<Record<string, unknown>>).find(
    (vm) =>
      vm['id'] === url ||
      (typeof vm['id'] === 'string' && fragment.startsWith('#') && vm['id'] === fragment),
  );
  if (!found) return null;
  const controller = (found['controller'] as string | undefined) ?? (document['id'] as string);
  return { '@context': document['@context'], ...found, id: url, controller };
}
