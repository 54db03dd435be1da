// What verifying an input will look up (DIDs, issuers, keys, status lists), read without verifying.
import { base64url, decodeProtectedHeader } from 'jose';
import { issuerIdOf } from './issuer.ts';
import { asArray, isObject } from './verifier-report.ts';

/** What verifying an input will look up: DIDs, registry entries, key records and status lists. */
export interface LookupsNeeded {
  dids: string[];
  issuers: string[];
  keys: string[];
  statusLists: string[];
}

export const JWT_RE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
export const JWT_DATA_URL_PREFIX = 'data:application/vc+jwt,';
const decoder = new TextDecoder();
/** The input as verifyCredential reads it: a credential object, a JWT, or nothing it can read. */
function readInput(input: unknown): Record<string, unknown> | string | null {
  let value = input;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.startsWith(JWT_DATA_URL_PREFIX)) value = trimmed.slice(JWT_DATA_URL_PREFIX.length);
    else if (trimmed.startsWith('{')) {
      try {
        value = JSON.parse(trimmed);
      } catch {
        return null;
      }
    } else value = trimmed;
  }
  if (isObject(value) && asArray(value['type']).includes('EnvelopedVerifiableCredential')) {
    const id = value['id'];
    if (typeof id === 'string' && id.startsWith(JWT_DATA_URL_PREFIX))
      value = id.slice(JWT_DATA_URL_PREFIX.length);
  }
  if (typeof value === 'string') return JWT_RE.test(value) ? value : null;
  return isObject(value) ? value : null;
}

/**
 * What verifying a credential or a presentation will look up, read from it without verifying
 * anything: the issuers, the DIDs and keys of the proofs, and the status lists (of a presentation,
 * its holder's proof and every credential in it). Best effort; a verifier asks for anything else it
 * needs.
 *
 * @param input - What verifyCredential or verifyPresentation would be given.
 * @returns DIDs, issuers, verification method ids and status list URLs, each once.
 */
export function lookupsNeeded(input: unknown): LookupsNeeded {
  const value = readInput(input);
  if (isObject(value) && asArray(value['type']).includes('VerifiablePresentation')) {
    const { verifiableCredential, ...holderPart } = value;
    const all = [
      credentialLookups(holderPart),
      ...asArray(verifiableCredential).map((entry) => credentialLookups(readInput(entry))),
    ];
    const unique = (pick: (needs: LookupsNeeded) => string[]) => [...new Set(all.flatMap(pick))];
    return {
      dids: unique((needs) => needs.dids),
      issuers: unique((needs) => needs.issuers),
      keys: unique((needs) => needs.keys),
      statusLists: unique((needs) => needs.statusLists),
    };
  }
  return credentialLookups(value);
}

function credentialLookups(value: Record<string, unknown> | string | null): LookupsNeeded {
  let credential: Record<string, unknown> | null = null;
  const keys: string[] = [];
  if (typeof value === 'string') {
    try {
      const kid = decodeProtectedHeader(value)['kid'];
      if (typeof kid === 'string') keys.push(kid);
      const payload: unknown = JSON.parse(decoder.decode(base64url.decode(value.split('.')[1]!)));
      if (isObject(payload)) credential = payload;
    } catch {
      credential = null;
    }
  } else if (value) {
    credential = value;
    for (const proof of asArray(value['proof'])) {
      if (!isObject(proof)) continue;
      const vm = proof['verificationMethod'];
      const id = typeof vm === 'string' ? vm : isObject(vm) ? vm['id'] : undefined;
      if (typeof id === 'string') keys.push(id);
    }
  }
  const issuer = credential ? issuerIdOf(credential) : undefined;
  const dids = keys.map((key) => key.split('#')[0] ?? key);
  if (issuer) dids.push(issuer);
  const statusLists: string[] = [];
  for (const entry of asArray(credential?.['credentialStatus'])) {
    if (isObject(entry) && typeof entry['statusListCredential'] === 'string')
      statusLists.push(entry['statusListCredential']);
  }
  const unique = (list: string[]) => [...new Set(list)];
  return {
    dids: unique(dids.filter((did) => did.startsWith('did:web:'))),
    issuers: issuer ? [issuer] : [],
    keys: unique(keys),
    statusLists: unique(statusLists),
  };
}
