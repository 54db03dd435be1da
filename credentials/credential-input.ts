// A caller's credential to issue: what VC Data Model 2.0 (and 1.1) forbids, found before signing, and completion.
import { STATUS_LIST_V1_CONTEXT, VC_V1_CONTEXT, VC_V2_CONTEXT } from './contexts/index.ts';

/** One thing wrong with a credential, by the property it is about (a path such as "credentialSubject[1]"). */
export interface CredentialProblem {
  property: string;
  message: string;
}

/**
 * The caller's credential cannot be issued as it is: the data model forbids it, or JSON-LD
 * processing refused it. Always the caller's mistake (HTTP 400), never ours.
 */
export class CredentialInputError extends Error {
  override name = 'CredentialInputError';
  readonly problems: CredentialProblem[];
  constructor(problems: CredentialProblem[]) {
    const first = problems[0] ?? { property: 'credential', message: 'is invalid' };
    super(`${first.property}: ${first.message}`);
    this.problems = problems;
  }

  /** The property the first problem is about. */
  get property(): string {
    return this.problems[0]?.property ?? 'credential';
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A URL as VC 2.0 section 4.4 means it: one absolute URL (https:, did:, urn:, …), no spaces. */
export function isUrl(value: unknown): value is string {
  return typeof value === 'string' && !/\s/.test(value) && URL.canParse(value);
}

// XML Schema dateTimeStamp (VC 2.0 validFrom/validUntil); VC 1.1's dateTime may omit the zone.
const DATE_TIME_STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

function validDate(value: unknown, zoneRequired: boolean): boolean {
  if (typeof value !== 'string' || !(zoneRequired ? DATE_TIME_STAMP : DATE_TIME).test(value))
    return false;
  const [year, month, day, hour, minute, second] = value
    .slice(0, 19)
    .split(/[-T:]/)
    .map(Number) as [number, number, number, number, number, number];
  // Date.parse would take 30 February for 2 March: the calendar decides, not the parser.
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, day);
  return (
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day &&
    (hour < 24 || (hour === 24 && minute === 0 && second === 0)) &&
    minute <= 59 &&
    second <= 59
  );
}

/** Which data model a credential speaks: its first @context says. */
export function vcVersionOf(credential: Record<string, unknown>): '1.1' | '2.0' | null {
  const context = credential['@context'];
  const first = Array.isArray(context) ? (context as unknown[])[0] : context;
  return first === VC_V2_CONTEXT ? '2.0' : first === VC_V1_CONTEXT ? '1.1' : null;
}

// Subresource Integrity: an algorithm and the standard base64 of a digest of its length.
const SRI_LENGTH: Record<string, number> = { sha256: 44, sha384: 64, sha512: 88 };
const SRI = /^(sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})$/;

function validDigestSri(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  return value.split(/\s+/).every((part) => {
    const m = SRI.exec(part);
    return m !== null && m[2]!.length === SRI_LENGTH[m[1]!];
  });
}

// Multibase: base64url ('u') or base58btc ('z') of a SHA-2 digest, bare or as a multihash.
const DIGEST_LENGTHS = new Set([32, 48, 64]);
const MULTIHASH: Record<number, number> = { 0x12: 32, 0x20: 48, 0x13: 64 };
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function decodeBase58(text: string): Uint8Array | null {
  let value = 0n;
  for (const ch of text) {
    const digit = BASE58.indexOf(ch);
    if (digit < 0) return null;
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value % 256n));
    value /= 256n;
  }
  for (const ch of text) {
    if (ch !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

function validDigestMultibase(value: unknown): boolean {
  if (typeof value !== 'string' || value.length < 2) return false;
  const body = value.slice(1);
  let bytes: Uint8Array | null = null;
  if (value[0] === 'u' && /^[A-Za-z0-9_-]+$/.test(body)) bytes = Buffer.from(body, 'base64url');
  else if (value[0] === 'z') bytes = decodeBase58(body);
  if (!bytes) return false;
  if (DIGEST_LENGTHS.has(bytes.length)) return true;
  return bytes.length >= 2 && MULTIHASH[bytes[0]!] === bytes[1] && bytes.length === bytes[1]! + 2;
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * Everything VC Data Model 2.0 (or 1.1, by the first @context) says a credential MUST NOT be, as far
 * as it can be seen without JSON-LD processing (which finds the rest when the credential is signed).
 *
 * @param credential - The unsecured credential a caller asks to have issued.
 * @returns The problems found, by property; empty when there are none.
 */
export function credentialProblems(credential: Record<string, unknown>): CredentialProblem[] {
  const problems: CredentialProblem[] = [];
  const add = (property: string, message: string) => problems.push({ property, message });

  const context = credential['@context'];
  if (context === undefined) add('@context', 'is required');
  else if (typeof context !== 'string' && !Array.isArray(context))
    add('@context', 'must be a URL or an ordered list of URLs and objects');
  else {
    const contexts = asList(context);
    if (contexts.length === 0) add('@context', 'must not be empty');
    contexts.forEach((item, i) => {
      if (typeof item !== 'string' && !isObject(item))
        add(`@context[${i}]`, 'must be a URL or an object');
      else if (typeof item === 'string' && !isUrl(item)) add(`@context[${i}]`, 'must be a URL');
    });
    if (contexts.length > 0 && contexts[0] !== VC_V2_CONTEXT && contexts[0] !== VC_V1_CONTEXT)
      add('@context[0]', `must be "${VC_V2_CONTEXT}" (or "${VC_V1_CONTEXT}" for VC 1.1)`);
  }
  const version = vcVersionOf(credential) ?? '2.0';

  const type = credential['type'];
  if (type === undefined) add('type', 'is required');
  else if (
    (typeof type !== 'string' && !Array.isArray(type)) ||
    !asList(type).every((t) => typeof t === 'string' && t.length > 0)
  )
    add('type', 'must be a type name or a list of type names');
  else if (!asList(type).includes('VerifiableCredential'))
    add('type', 'must include "VerifiableCredential"');

  if ('id' in credential && !isUrl(credential['id']))
    add('id', 'must be a single URL when present (not null, not a list)');

  // VC Data Model 2.0 §4.7: a credential MUST have an issuer, a URL or an object whose id is one.
  // Filling it in would sign a claim the caller never made, so it is the caller's to name.
  if (!('issuer' in credential)) add('issuer', 'is required: the issuer’s DID');
  else {
    const issuer = credential['issuer'];
    if (isObject(issuer)) {
      if (!('id' in issuer)) add('issuer.id', 'is required: the issuer’s DID');
      else if (!isUrl(issuer['id'])) add('issuer.id', 'must be a URL (the issuer’s DID)');
    } else if (!isUrl(issuer)) add('issuer', 'must be a URL or an object with an id');
  }

  const subjects = credential['credentialSubject'];
  if (subjects === undefined || subjects === null) add('credentialSubject', 'is required');
  else if (Array.isArray(subjects) && subjects.length === 0)
    add('credentialSubject', 'must not be an empty list');
  else
    asList(subjects).forEach((subject, i) => {
      const at = Array.isArray(subjects) ? `credentialSubject[${i}]` : 'credentialSubject';
      if (!isObject(subject)) add(at, 'must be an object');
      else if (Object.keys(subject).length === 0)
        add(at, 'must make at least one claim (an id or another property)');
      else if ('id' in subject && !isUrl(subject['id'])) add(`${at}.id`, 'must be a single URL');
    });

  const [from, until] =
    version === '1.1' ? ['issuanceDate', 'expirationDate'] : ['validFrom', 'validUntil'];
  for (const prop of [from, until]) {
    if (prop in credential && !validDate(credential[prop], version === '2.0'))
      add(
        prop,
        version === '2.0'
          ? 'must be an XML Schema dateTimeStamp, e.g. 2026-01-31T09:00:00Z'
          : 'must be an XML Schema dateTime, e.g. 2026-01-31T09:00:00Z',
      );
  }
  const fromValue = credential[from];
  const untilValue = credential[until];
  if (
    typeof fromValue === 'string' &&
    typeof untilValue === 'string' &&
    !problems.some((p) => p.property === from || p.property === until) &&
    Date.parse(untilValue) < Date.parse(fromValue)
  )
    add(until, `must not be before ${from}`);

  // Each of these is one object or a non-empty list of objects, each with a type; ids are URLs.
  const typedObjects = (
    prop: string,
    rules: { idRequired?: boolean } = {},
  ): Record<string, unknown>[] => {
    if (!(prop in credential)) return [];
    const value = credential[prop];
    if (Array.isArray(value) && value.length === 0) {
      add(prop, 'must not be an empty list; leave it out instead');
      return [];
    }
    const found: Record<string, unknown>[] = [];
    asList(value).forEach((item, i) => {
      const at = Array.isArray(value) ? `${prop}[${i}]` : prop;
      if (!isObject(item)) {
        add(at, 'must be an object');
        return;
      }
      found.push(item);
      const itemType = item['type'];
      if (itemType === undefined) add(`${at}.type`, 'is required');
      else if (
        (typeof itemType !== 'string' && !Array.isArray(itemType)) ||
        !asList(itemType).every((t) => typeof t === 'string' && t.length > 0)
      )
        add(`${at}.type`, 'must be a type name or a list of type names');
      if ('id' in item ? !isUrl(item['id']) : rules.idRequired)
        add(`${at}.id`, 'must be a single URL');
    });
    return found;
  };
  typedObjects('credentialStatus');
  typedObjects('evidence');
  typedObjects('termsOfUse');
  typedObjects('refreshService');
  typedObjects('credentialSchema', { idRequired: true });

  if ('relatedResource' in credential) {
    const value = credential['relatedResource'];
    if (Array.isArray(value) && value.length === 0)
      add('relatedResource', 'must not be an empty list; leave it out instead');
    const seen = new Set<string>();
    asList(value).forEach((item, i) => {
      const at = Array.isArray(value) ? `relatedResource[${i}]` : 'relatedResource';
      if (!isObject(item)) {
        add(at, 'must be an object with an id and a digest');
        return;
      }
      const id = item['id'];
      if (!isUrl(id)) add(`${at}.id`, 'is required and must be a single URL');
      else if (seen.has(id)) add(`${at}.id`, 'must be unique among the related resources');
      else seen.add(id);
      if (!('digestSRI' in item) && !('digestMultibase' in item))
        add(at, 'must carry a digestSRI or a digestMultibase');
      if ('digestSRI' in item && !validDigestSri(item['digestSRI']))
        add(`${at}.digestSRI`, 'must be a Subresource Integrity digest (sha256/384/512, base64)');
      if ('digestMultibase' in item && !validDigestMultibase(item['digestMultibase']))
        add(`${at}.digestMultibase`, 'must be a multibase-encoded SHA-2 digest');
    });
  }

  if ('proof' in credential) add('proof', 'must be absent: the issuer signs the credential');
  return problems;
}

/** What the issuer adds to a caller's credential. */
export interface IssuerCompletion {
  /** The id to give a credential that has none. */
  id: string;
  /** The issuing institution; the credential must name it itself (see credentialProblems). */
  issuer: { id: string; name?: unknown };
  issuedAt: Date;
  /** The issuer's own status entries (BitstringStatusListEntry), added to any the caller wrote. */
  credentialStatus: object[];
}

const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Checks a caller's credential and completes it for signing: its own id, issuer and dates are
 * kept; a missing id or date is filled in (never what is present, null included; never the
 * issuer, which the caller must name); the issuer's
 * status entries are added after the caller's. A VC 1.1 credential gets issuanceDate and the status
 * list context it needs; a 2.0 one validFrom.
 *
 * @param input - The unsecured credential (not modified).
 * @param completion - The id, issuer, time and status entries of this issuance.
 * @returns The credential to sign.
 * @throws CredentialInputError listing every problem found.
 */
export function completeCredential(
  input: Record<string, unknown>,
  completion: IssuerCompletion,
): Record<string, unknown> {
  const problems = credentialProblems(input);
  if (problems.length > 0) throw new CredentialInputError(problems);
  const version = vcVersionOf(input);
  const credential: Record<string, unknown> = { ...input, id: input['id'] ?? completion.id };
  const dateProp = version === '1.1' ? 'issuanceDate' : 'validFrom';
  if (!(dateProp in credential)) credential[dateProp] = isoSeconds(completion.issuedAt);
  // "@context": "…/v2" and ["…/v2"] are the same to JSON-LD; the signing libraries want the list.
  const contexts = asList(input['@context']);
  credential['@context'] = contexts;
  const ownStatus = completion.credentialStatus;
  if (ownStatus.length > 0) {
    const callers = 'credentialStatus' in input ? asList(input['credentialStatus']) : [];
    credential['credentialStatus'] = [...callers, ...ownStatus];
    if (version === '1.1' && !contexts.includes(STATUS_LIST_V1_CONTEXT))
      credential['@context'] = [...contexts, STATUS_LIST_V1_CONTEXT];
  }
  return credential;
}

const shown = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

/** The names of JSON-LD error codes that concern the @context itself. */
const CONTEXT_CODES =
  /context|IRI mapping|term definition|@version|@vocab|@base|@import|@propagate|@protected|keyword redefinition|protected term/i;

/**
 * Turns an error thrown while processing a credential (by jsonld, or by vc's own checks) into a
 * CredentialInputError naming the property; anything else is not the caller's mistake.
 *
 * @param error - What signing threw.
 * @returns The input error, or null when the error is not about the input.
 */
export function inputErrorOf(error: unknown): CredentialInputError | null {
  if (error instanceof CredentialInputError) return error;
  if (!error || typeof error !== 'object') return null;
  const e = error as { name?: unknown; message?: unknown; details?: unknown };
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : '';
  const details = isObject(e.details) ? e.details : {};
  if (name.startsWith('jsonld.')) {
    const event = isObject(details['event']) ? details['event'] : null;
    if (event) {
      const d = isObject(event['details']) ? event['details'] : {};
      const code = typeof event['code'] === 'string' ? event['code'] : 'invalid JSON-LD';
      if (typeof d['property'] === 'string')
        return new CredentialInputError([
          { property: d['property'], message: `is not defined by any @context (${code})` },
        ]);
      if (code.includes('@type') || typeof d['type'] === 'string')
        return new CredentialInputError([
          {
            property: 'type',
            message: `"${shown(d['type'])}" is not mapped to a URL by any @context (${code})`,
          },
        ]);
      if (code.includes('@id') || typeof d['id'] === 'string')
        return new CredentialInputError([
          {
            property: 'id',
            message: `"${shown(d['id'])}" is not an absolute URL (${code})`,
          },
        ]);
      return new CredentialInputError([{ property: 'credential', message: `${code}: ${message}` }]);
    }
    const code = typeof details['code'] === 'string' ? details['code'] : '';
    if (code === 'loading remote context failed' || code === 'loading document failed') {
      const url = typeof details['url'] === 'string' ? details['url'] : '';
      return new CredentialInputError([
        {
          property: '@context',
          message: `"${url}" is not a context this service knows (contexts are never fetched)`,
        },
      ]);
    }
    if (code === 'protected term redefinition') {
      const term = typeof details['term'] === 'string' ? details['term'] : '';
      return new CredentialInputError([
        { property: '@context', message: `must not redefine the protected term "${term}"` },
      ]);
    }
    if (CONTEXT_CODES.test(code))
      return new CredentialInputError([{ property: '@context', message: `${code}: ${message}` }]);
    return new CredentialInputError([
      { property: 'credential', message: `${code || name}: ${message}` },
    ]);
  }
  // vc's own checks of a credential's shape: a TypeError naming the property in quotes.
  const named = /^"([^"]+)"/.exec(message);
  if (error instanceof TypeError && named)
    return new CredentialInputError([
      { property: named[1]!, message: message.slice(named[0].length).trim() },
    ]);
  return null;
}
