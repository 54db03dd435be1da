// Verifying credentials and presentations into a report of named checks; it never throws.
import {
  createHash,
  createPublicKey,
  verify as cryptoVerify,
  type JsonWebKey as NodeJwk,
  type KeyObject,
} from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as ecdsaSd2023 from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import jsonld from 'jsonld';
import { base64url, decodeProtectedHeader } from 'jose';
import type { JWK } from 'jose';
import { VC_V1_CONTEXT, VC_V2_CONTEXT } from './contexts/index.ts';
import { isBundledContext } from './documentLoader.ts';
import type { DocumentLoader } from './documentLoader.ts';
import { verifyCompactJws, type JwsAlgorithm } from './jws.ts';
import { decodeStatusList } from './statusList.ts';
import { issuerIdOf } from './issuer.ts';

export type CheckId =
  | 'format'
  | 'context'
  | 'proof'
  | 'validFrom'
  | 'validUntil'
  | 'keyNotRevoked'
  | 'issuerKnown'
  | 'issuerAccredited'
  | 'status'
  | 'holderProof'
  | 'challenge'
  | 'domain'
  | 'holderBinding'
  | 'credentials';

export type CheckStatus = 'passed' | 'failed' | 'not_applicable';

export interface Check {
  id: CheckId;
  status: CheckStatus;
  code: string;
  message: { en: string; zh: string };
}

export type VerifiedFormat =
  | 'eddsa-rdfc-2022'
  | 'ecdsa-rdfc-2019'
  | 'ecdsa-sd-2023'
  | 'Ed25519Signature2020'
  | 'vc+jwt'
  | 'unknown';

export interface VerificationReport {
  verified: boolean;
  format: VerifiedFormat;
  credential?: Record<string, unknown>;
  checks: Check[];
  errors?: Array<{ check: CheckId; code: string; message: string }>;
}

export interface PresentationReport extends VerificationReport {
  presentation?: Record<string, unknown>;
  credentials: VerificationReport[];
}

export interface IssuerRecord {
  name?: { zh: string; en: string };
  status: 'active' | 'suspended';
  accreditedTypes: string[];
}

export interface VerifierOptions {
  documentLoader: DocumentLoader;
  registry: { lookupIssuer(did: string): Promise<IssuerRecord | null> };
  keyStatus: (verificationMethodId: string) => Promise<{ revokedAt?: string | null } | null>;
  fetchStatusList: (url: string) => Promise<object | string | null>;
  now?: () => Date;
  /** Caches to share between verifiers made one per request (see createVerifierCaches). */
  caches?: VerifierCaches;
  /**
   * Whether the libraries may be given an input object itself rather than a copy (they may change
   * what they verify): true only where nobody else holds the input, as in a verification worker,
   * whose input is its own deserialised copy and whose report goes back without it. Default false.
   */
  inputIsOwned?: boolean;
}

/** What a verifier remembers: imported public keys, and status lists by their content's hash. */
export interface VerifierCaches {
  keys: Map<string, Promise<{ key: KeyObject; alg: JwsAlgorithm }>>;
  statusLists: Map<string, StatusListCacheEntry>;
}

export function createVerifierCaches(): VerifierCaches {
  return { keys: new Map(), statusLists: new Map() };
}

/** What verifying an input will look up: DIDs, registry entries, key records and status lists. */
export interface LookupsNeeded {
  dids: string[];
  issuers: string[];
  keys: string[];
  statusLists: string[];
}

/** The challenge and domain a presentation is checked against. */
export interface PresentationExpected {
  challenge?: string;
  domain?: string;
}

export interface Verifier {
  verifyCredential(input: unknown): Promise<VerificationReport>;
  verifyPresentation(input: unknown, options?: PresentationExpected): Promise<PresentationReport>;
}

/** Codes meaning "the input is not a credential we can read" (HTTP 400), as opposed to "it does not verify". */
export const MALFORMED_CODES: ReadonlySet<string> = new Set([
  'MALFORMED',
  'CONTEXT_UNKNOWN',
  'TERM_UNDEFINED',
  'UNSUPPORTED_FORMAT',
]);

/**
 * Says why a report did not verify: 'malformed' input or 'unverified' (a check failed); the VC API
 * answers both with 400 and problem details whose type tells them apart.
 *
 * @param report - A verification report.
 * @returns 'none' when verified, else the kind of failure.
 */
export function failureKind(report: VerificationReport): 'none' | 'malformed' | 'unverified' {
  if (report.verified) return 'none';
  return report.checks.some((check) => check.status === 'failed' && MALFORMED_CODES.has(check.code))
    ? 'malformed'
    : 'unverified';
}

/** True when the report failed because the input itself is malformed. */
export function isMalformed(report: VerificationReport): boolean {
  return failureKind(report) === 'malformed';
}

const MESSAGES: Record<string, { en: string; zh: string }> = {
  OK: { en: 'Passed.', zh: '通过。' },
  NOT_APPLICABLE: { en: 'Not applicable.', zh: '不适用。' },
  MALFORMED: {
    en: 'The input is not a well-formed verifiable credential.',
    zh: '输入不是格式正确的可验证凭证。',
  },
  UNSUPPORTED_FORMAT: { en: 'The proof type is not supported.', zh: '不支持该证明类型。' },
  CONTEXT_UNKNOWN: {
    en: 'The credential uses a missing or unknown JSON-LD context.',
    zh: '凭证缺少 JSON-LD 上下文或使用了未知的上下文。',
  },
  TERM_UNDEFINED: {
    en: 'The credential uses a term its contexts do not define.',
    zh: '凭证使用了上下文中未定义的术语。',
  },
  PROOF_INVALID: { en: 'The signature does not match the content.', zh: '签名与内容不符。' },
  PROOF_NOT_DERIVED: {
    en: 'A selective-disclosure base proof must be derived by the holder before it is verified.',
    zh: '选择性披露的基础证明须由持有人派生后才能验证。',
  },
  KEY_NOT_FOUND: { en: 'The signing key could not be resolved.', zh: '无法解析签名密钥。' },
  KEY_NOT_AUTHORIZED: {
    en: "The signing key is not authorised by the issuer's DID document.",
    zh: '签名密钥未获签发方 DID 文档授权。',
  },
  ISSUER_MISMATCH: {
    en: 'The signing key does not belong to the issuer.',
    zh: '签名密钥不属于签发方。',
  },
  KEY_REVOKED: {
    en: 'The signing key was revoked before the signature was made.',
    zh: '签名密钥在签名前已被撤销。',
  },
  KEY_REVOKED_AFTER_SIGNING: {
    en: 'The signing key was revoked after this signature was made; the signature stands.',
    zh: '签名密钥在签名之后才被撤销，签名仍然有效。',
  },
  NOT_YET_VALID: { en: 'The credential is not valid yet.', zh: '凭证尚未生效。' },
  EXPIRED: { en: 'The credential has expired.', zh: '凭证已过期。' },
  ISSUER_UNKNOWN: {
    en: 'The issuer is not registered with the credit bank.',
    zh: '签发方未在学分银行注册。',
  },
  ISSUER_SUSPENDED: { en: 'The issuer is suspended.', zh: '签发方已被暂停。' },
  ISSUER_NOT_ACCREDITED: {
    en: 'The issuer is not accredited to award this kind of credential.',
    zh: '签发方无权颁发此类凭证。',
  },
  REGISTRY_UNAVAILABLE: {
    en: 'The issuer registry could not be consulted.',
    zh: '无法查询签发方登记册。',
  },
  STATUS_REVOKED: { en: 'The credential has been revoked.', zh: '凭证已被撤销。' },
  STATUS_SUSPENDED: { en: 'The credential is suspended.', zh: '凭证已被暂停。' },
  STATUS_UNAVAILABLE: { en: 'The status list could not be retrieved.', zh: '无法获取状态列表。' },
  STATUS_LIST_INVALID: {
    en: 'The status list is invalid or does not verify.',
    zh: '状态列表无效或验证失败。',
  },
  STATUS_UNSUPPORTED: {
    en: 'The credential status type is not supported.',
    zh: '不支持该凭证状态类型。',
  },
  CHALLENGE_MISMATCH: {
    en: 'The presentation was made for another challenge.',
    zh: '出示所用的挑战值不符。',
  },
  DOMAIN_MISMATCH: {
    en: 'The presentation was made for another domain.',
    zh: '出示所用的域不符。',
  },
  HOLDER_MISMATCH: {
    en: 'The presenter is not the subject of every credential.',
    zh: '出示人并非所有凭证的主体。',
  },
  CREDENTIAL_INVALID: {
    en: 'At least one credential does not verify.',
    zh: '至少一份凭证验证失败。',
  },
  INTERNAL_ERROR: { en: 'Verification could not be completed.', zh: '无法完成验证。' },
};

function check(id: CheckId, status: CheckStatus, code: string, detail?: string): Check {
  const base = MESSAGES[code] ?? MESSAGES['INTERNAL_ERROR']!;
  return {
    id,
    status,
    code,
    message: detail ? { en: `${base.en} ${detail}`, zh: `${base.zh} ${detail}` } : { ...base },
  };
}

const passed = (id: CheckId): Check => check(id, 'passed', 'OK');
const notApplicable = (id: CheckId): Check => check(id, 'not_applicable', 'NOT_APPLICABLE');

function finish(
  format: VerifiedFormat,
  checks: Check[],
  credential: Record<string, unknown> | undefined,
): VerificationReport {
  const failed = checks.filter((c) => c.status === 'failed');
  const report: VerificationReport = {
    verified: failed.length === 0 && checks.length > 0,
    format,
    checks,
  };
  if (credential) report.credential = credential;
  if (failed.length > 0)
    report.errors = failed.map((c) => ({ check: c.id, code: c.code, message: c.message.en }));
  return report;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asArray = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && chain.length < 32) {
    const current = queue.shift();
    if (!current || typeof current !== 'object') continue;
    chain.push(current);
    const record = current as Record<string, unknown>;
    queue.push(record['cause'], record['error']);
    const details = record['details'];
    if (isObject(details)) queue.push(details['cause']);
    if (Array.isArray(record['errors'])) queue.push(...(record['errors'] as unknown[]));
  }
  return chain;
}

/** Maps a library error to the check it belongs to and a code. */
function classifyError(error: unknown): { id: CheckId; code: string; detail: string } {
  const chain = errorChain(error);
  const text = (e: unknown) =>
    `${str((e as Record<string, unknown>)['name'])} ${str((e as Record<string, unknown>)['message'])}`;
  const detail =
    chain
      .map((e) => str((e as Record<string, unknown>)['message']))
      .find((message) => message && !/^Verification error/.test(message)) ?? '';
  for (const e of chain) {
    const record = e as Record<string, unknown>;
    if (record['code'] === 'CONTEXT_UNKNOWN' || record['name'] === 'DocumentNotAllowedError') {
      const url = str(record['url']);
      if (url.startsWith('did:'))
        return { id: 'proof', code: 'KEY_NOT_FOUND', detail: str(record['message']) };
      return { id: 'context', code: 'CONTEXT_UNKNOWN', detail: str(record['message']) };
    }
    if (record['code'] === 'DID_NOT_FOUND')
      return { id: 'proof', code: 'KEY_NOT_FOUND', detail: str(record['message']) };
  }
  for (const e of chain) {
    const t = text(e);
    if (/Safe mode validation error|jsonld\.ValidationError/i.test(t)) {
      return { id: 'context', code: 'TERM_UNDEFINED', detail };
    }
    if (
      /invalid (local |remote )?context|loading remote context failed|jsonld\.(InvalidUrl|LoadDocumentError)|protected term redefinition/i.test(
        t,
      )
    ) {
      return { id: 'context', code: 'CONTEXT_UNKNOWN', detail };
    }
  }
  for (const e of chain) {
    const t = text(e);
    if (/No matching proofs found/i.test(t))
      return { id: 'proof', code: 'UNSUPPORTED_FORMAT', detail };
    if (/derive|base proof|proofValue.*"u2V0B"|isDerived|must be a derived/i.test(t)) {
      return { id: 'proof', code: 'PROOF_NOT_DERIVED', detail };
    }
    if (/not authorized by controller/i.test(t))
      return { id: 'proof', code: 'KEY_NOT_AUTHORIZED', detail };
    if (/issuer must match the verification method controller/i.test(t)) {
      return { id: 'proof', code: 'ISSUER_MISMATCH', detail };
    }
    if (/Unable to load verification method|could not be resolved/i.test(t)) {
      return { id: 'proof', code: 'KEY_NOT_FOUND', detail };
    }
  }
  return { id: 'proof', code: 'PROOF_INVALID', detail };
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

interface Shape {
  ok: boolean;
  detail?: string;
}

function checkShape(
  credential: Record<string, unknown>,
  kind: 'credential' | 'presentation',
): Shape {
  const context = credential['@context'];
  const contexts = asArray(context);
  if (contexts.length === 0) return { ok: false, detail: '"@context" is missing.' };
  if (contexts[0] !== VC_V2_CONTEXT && contexts[0] !== VC_V1_CONTEXT) {
    return {
      ok: false,
      detail: `The first "@context" must be "${VC_V2_CONTEXT}" or "${VC_V1_CONTEXT}".`,
    };
  }
  const types = asArray(credential['type']);
  const required = kind === 'credential' ? 'VerifiableCredential' : 'VerifiablePresentation';
  if (!types.includes(required)) return { ok: false, detail: `"type" must include "${required}".` };
  if (kind === 'presentation') return { ok: true };
  if (!issuerIdOf(credential))
    return { ok: false, detail: '"issuer" must be a URL or an object with an id.' };
  const subjects = asArray(credential['credentialSubject']);
  if (subjects.length === 0 || !subjects.every(isObject)) {
    return { ok: false, detail: '"credentialSubject" must be an object.' };
  }
  for (const prop of ['validFrom', 'validUntil', 'issuanceDate', 'expirationDate']) {
    const value = credential[prop];
    if (
      value !== undefined &&
      (typeof value !== 'string' || !DATE_RE.test(value) || Number.isNaN(Date.parse(value)))
    ) {
      return { ok: false, detail: `"${prop}" must be an XML Schema dateTime.` };
    }
  }
  if (context === VC_V1_CONTEXT || (Array.isArray(context) && context[0] === VC_V1_CONTEXT)) {
    if (typeof credential['issuanceDate'] !== 'string')
      return { ok: false, detail: '"issuanceDate" is required.' };
  }
  for (const prop of ['credentialStatus', 'evidence', 'proof']) {
    for (const value of asArray(credential[prop])) {
      if (prop === 'evidence' && typeof value === 'string') continue;
      if (!isObject(value) || value['type'] === undefined) {
        return { ok: false, detail: `"${prop}" must be an object with a type.` };
      }
    }
  }
  return { ok: true };
}

function checkContexts(document: Record<string, unknown>): Check {
  for (const context of asArray(document['@context'])) {
    if (typeof context === 'string') {
      if (!isBundledContext(context))
        return check('context', 'failed', 'CONTEXT_UNKNOWN', `"${context}"`);
    } else if (!isObject(context)) {
      return check('context', 'failed', 'CONTEXT_UNKNOWN');
    }
  }
  return passed('context');
}

function proofFormat(proof: unknown): VerifiedFormat {
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

function verificationSuites(): unknown[] {
  return [
    new DataIntegrityProof({ cryptosuite: eddsaRdfc2022Verifying }),
    new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019Verifying }),
    new DataIntegrityProof({ cryptosuite: ecdsaSd2023.createVerifyCryptosuite() }),
    new Ed25519Signature2020(),
  ];
}

const JWT_RE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const JWT_DATA_URL_PREFIX = 'data:application/vc+jwt,';
const decoder = new TextDecoder();

// Achievement types that a broader accreditation also covers.
const ACCREDITATION_FAMILY: Record<string, string[]> = {
  AssociateDegree: ['Degree'],
  BachelorDegree: ['Degree'],
  MasterDegree: ['Degree'],
  DoctoralDegree: ['Degree'],
  CertificateOfCompletion: ['Certificate'],
  Certification: ['Certificate'],
};

/** What a credential claims to be, in the vocabulary of the registry's accreditedTypes. */
export function accreditationTypesOf(credential: Record<string, unknown>): string[] {
  const types = asArray(credential['type']);
  if (types.includes('ClrCredential')) return ['Transcript'];
  // Without an achievementType an Open Badge is a generic 'Achievement'; withholding the type (for
  // instance in a selective-disclosure proof) must not skip the accreditation check.
  const isBadge = types.includes('OpenBadgeCredential') || types.includes('AchievementCredential');
  const found = new Set<string>();
  for (const subject of asArray(credential['credentialSubject'])) {
    if (!isObject(subject)) continue;
    for (const achievement of asArray(subject['achievement'])) {
      if (!isObject(achievement)) continue;
      for (const type of asArray(achievement['achievementType']))
        if (typeof type === 'string') found.add(type);
    }
  }
  if (isBadge && found.size === 0) found.add('Achievement');
  return [...found];
}

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

export interface StatusListCacheEntry {
  expires: number;
  list: {
    issuer: string | undefined;
    purpose: unknown;
    get(index: number): boolean;
    length: number;
  } | null;
}

const STATUS_CACHE_TTL_MS = 60_000;
const STATUS_CACHE_MAX = 200;

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
class IssuancePurpose extends vc.CredentialIssuancePurpose {
  readonly #acceptsRevokedLater: AcceptsRevokedLater;

  constructor(acceptsRevokedLater: AcceptsRevokedLater) {
    super();
    this.#acceptsRevokedLater = acceptsRevokedLater;
  }

  async validate(proof: Record<string, unknown>, purposeOptions: Record<string, unknown>) {
    const result = await super.validate(proof, purposeOptions);
    if (result.valid) return result;
    const message = String(result.error?.message ?? '');
    if (!message.includes('not authorized by controller')) return result;
    const verificationMethod = purposeOptions['verificationMethod'] as Record<string, unknown>;
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
export function createVerifier(options: VerifierOptions): Verifier {
  const { documentLoader, registry, keyStatus, fetchStatusList, inputIsOwned = false } = options;
  const now = options.now ?? (() => new Date());
  const caches = options.caches ?? createVerifierCaches();
  const jwkCache = caches.keys;
  const statusCache = caches.statusLists;

  async function revokedAt(verificationMethodId: string): Promise<string | null> {
    const status = await keyStatus(verificationMethodId);
    return status?.revokedAt ?? null;
  }

  // A key that was later revoked is dropped from assertionMethod, yet what it signed before the
  // revocation stands; our own key records say when, so we accept it if it is still listed.
  async function revokedAfterSigning(
    verificationMethodId: string,
    controllerId: string,
    signedAt: string | undefined,
  ): Promise<boolean> {
    const revoked = await revokedAt(verificationMethodId);
    if (!revoked || !signedAt || !(Date.parse(revoked) > Date.parse(signedAt))) return false;
    const { document } = await documentLoader(controllerId);
    if (!isObject(document)) return false;
    return asArray(document['verificationMethod']).some(
      (vm) => vm === verificationMethodId || (isObject(vm) && vm['id'] === verificationMethodId),
    );
  }

  function validityChecks(credential: Record<string, unknown>): Check[] {
    const at = now().getTime();
    const from = (credential['validFrom'] ?? credential['issuanceDate']) as string | undefined;
    const until = (credential['validUntil'] ?? credential['expirationDate']) as string | undefined;
    return [
      from === undefined
        ? notApplicable('validFrom')
        : Date.parse(from) > at
          ? check('validFrom', 'failed', 'NOT_YET_VALID', from)
          : passed('validFrom'),
      until === undefined
        ? notApplicable('validUntil')
        : Date.parse(until) < at
          ? check('validUntil', 'failed', 'EXPIRED', until)
          : passed('validUntil'),
    ];
  }

  async function keyRevocationCheck(
    verificationMethodId: string | undefined,
    signedAt: string | undefined,
  ) {
    if (!verificationMethodId) return notApplicable('keyNotRevoked');
    const revoked = await revokedAt(verificationMethodId);
    if (!revoked) return passed('keyNotRevoked');
    if (signedAt && Date.parse(revoked) > Date.parse(signedAt)) {
      return check('keyNotRevoked', 'passed', 'KEY_REVOKED_AFTER_SIGNING', revoked);
    }
    return check('keyNotRevoked', 'failed', 'KEY_REVOKED', revoked);
  }

  async function registryChecks(credential: Record<string, unknown>): Promise<Check[]> {
    const issuer = issuerIdOf(credential) ?? '';
    let record: IssuerRecord | null;
    try {
      record = await registry.lookupIssuer(issuer);
    } catch {
      return [
        check('issuerKnown', 'failed', 'REGISTRY_UNAVAILABLE'),
        notApplicable('issuerAccredited'),
      ];
    }
    if (!record)
      return [
        check('issuerKnown', 'failed', 'ISSUER_UNKNOWN', issuer),
        notApplicable('issuerAccredited'),
      ];
    const known =
      record.status === 'active'
        ? passed('issuerKnown')
        : check('issuerKnown', 'failed', 'ISSUER_SUSPENDED', issuer);
    const claimed = accreditationTypesOf(credential);
    if (claimed.length === 0) return [known, notApplicable('issuerAccredited')];
    const accredited = new Set(record.accreditedTypes);
    const missing = claimed.filter(
      (type) =>
        !accredited.has(type) &&
        !(ACCREDITATION_FAMILY[type] ?? []).some((broader) => accredited.has(broader)),
    );
    return [
      known,
      missing.length === 0
        ? passed('issuerAccredited')
        : check('issuerAccredited', 'failed', 'ISSUER_NOT_ACCREDITED', missing.join(', ')),
    ];
  }

  async function loadStatusList(
    url: string,
  ): Promise<StatusListCacheEntry['list'] | 'unavailable'> {
    let fetched: object | string | null;
    try {
      fetched = await fetchStatusList(url);
    } catch {
      return 'unavailable';
    }
    if (fetched === null || fetched === undefined) return 'unavailable';
    const serialized = typeof fetched === 'string' ? fetched : JSON.stringify(fetched);
    const cacheKey = createHash('sha256').update(serialized).digest('base64url');
    const cached = statusCache.get(cacheKey);
    if (cached && cached.expires > Date.now()) return cached.list;
    const report = await verifyCore(fetched, { status: false, registry: false });
    let list: StatusListCacheEntry['list'] = null;
    const listCredential = report.credential;
    if (
      report.verified &&
      listCredential &&
      asArray(listCredential['type']).includes('BitstringStatusListCredential')
    ) {
      const subject = listCredential['credentialSubject'];
      if (
        isObject(subject) &&
        subject['type'] === 'BitstringStatusList' &&
        typeof subject['encodedList'] === 'string'
      ) {
        try {
          const decoded = await decodeStatusList(subject['encodedList']);
          list = {
            issuer: issuerIdOf(listCredential),
            purpose: subject['statusPurpose'],
            ...decoded,
          };
        } catch {
          list = null;
        }
      }
    }
    if (statusCache.size >= STATUS_CACHE_MAX) statusCache.clear();
    statusCache.set(cacheKey, { expires: Date.now() + STATUS_CACHE_TTL_MS, list });
    return list;
  }

  async function statusCheck(credential: Record<string, unknown>): Promise<Check> {
    const entries = asArray(credential['credentialStatus']);
    if (entries.length === 0) return notApplicable('status');
    const issuer = issuerIdOf(credential);
    for (const entry of entries) {
      if (!isObject(entry) || entry['type'] !== 'BitstringStatusListEntry') {
        return check('status', 'failed', 'STATUS_UNSUPPORTED');
      }
      const url = entry['statusListCredential'];
      const index = Number.parseInt(String(entry['statusListIndex']), 10);
      const purpose = entry['statusPurpose'];
      if (typeof url !== 'string' || !Number.isInteger(index) || index < 0) {
        return check('status', 'failed', 'MALFORMED', 'Invalid credentialStatus entry.');
      }
      const list = await loadStatusList(url);
      if (list === 'unavailable') return check('status', 'failed', 'STATUS_UNAVAILABLE', url);
      if (!list || list.issuer !== issuer || list.purpose !== purpose || index >= list.length) {
        return check('status', 'failed', 'STATUS_LIST_INVALID', url);
      }
      if (list.get(index)) {
        if (purpose === 'revocation') return check('status', 'failed', 'STATUS_REVOKED');
        if (purpose === 'suspension') return check('status', 'failed', 'STATUS_SUSPENDED');
      }
    }
    return passed('status');
  }

  async function publicKeyFor(verificationMethod: Record<string, unknown>) {
    const id = String(verificationMethod['id']);
    const multibase = str(verificationMethod['publicKeyMultibase']);
    const cacheKey = `${id} ${multibase}`;
    let entry = jwkCache.get(cacheKey);
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
      entry.catch(() => jwkCache.delete(cacheKey));
      jwkCache.set(cacheKey, entry);
    }
    return entry;
  }

  async function authorizeJwtKey(
    kid: string,
    issuer: string,
    signedAt: string | undefined,
  ): Promise<Check | null> {
    const controller = kid.split('#')[0] ?? '';
    if (controller !== issuer) return check('proof', 'failed', 'ISSUER_MISMATCH');
    const { document } = await documentLoader(controller);
    if (!isObject(document)) return check('proof', 'failed', 'KEY_NOT_FOUND');
    const listed = asArray(document['assertionMethod']).some(
      (vm) => vm === kid || (isObject(vm) && vm['id'] === kid),
    );
    if (listed || (await revokedAfterSigning(kid, controller, signedAt))) return null;
    return check('proof', 'failed', 'KEY_NOT_AUTHORIZED');
  }

  async function verifyJwt(
    jwt: string,
    flags: { status: boolean; registry: boolean },
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
        documentLoader,
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
      const { document: verificationMethod } = await documentLoader(kid);
      const { key, alg } = await publicKeyFor(verificationMethod as Record<string, unknown>);
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
            : ((await authorizeJwtKey(kid, issuer, iat)) ?? passed('proof'));
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
    checks.push(...validityChecks(credential));
    checks.push(await keyRevocationCheck(kid, iat));
    if (flags.registry) checks.push(...(await registryChecks(credential)));
    if (flags.status) checks.push(await statusCheck(credential));
    return finish(format, checks, credential);
  }

  async function verifyDataIntegrity(
    credential: Record<string, unknown>,
    flags: { status: boolean; registry: boolean },
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
      now().toISOString()) as string;
    const result = await vc.verifyCredential({
      credential,
      suite: verificationSuites(),
      documentLoader,
      purpose: new IssuancePurpose(revokedAfterSigning),
      now: neutralNow,
      checkStatus: () => Promise.resolve({ verified: true }),
    });
    if (result.verified) {
      checks.push(passed('proof'));
    } else {
      let classified = classifyError(result.error ?? result.results?.[0]?.error);
      if (classified.id !== 'context') {
        // The proof may have failed before the document was expanded (e.g. an unknown key); an
        // undefined term still makes the input malformed, which the caller must be told first.
        const unsigned = { ...credential };
        delete unsigned['proof'];
        try {
          await eddsaRdfc2022.canonize(unsigned, { documentLoader, safe: true });
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
    const proof = proofs[0] as Record<string, unknown>;
    const verificationMethod = proof['verificationMethod'];
    const vmId =
      typeof verificationMethod === 'string'
        ? verificationMethod
        : isObject(verificationMethod)
          ? String(verificationMethod['id'])
          : undefined;
    checks.push(...validityChecks(credential));
    checks.push(await keyRevocationCheck(vmId, proof['created'] as string | undefined));
    if (flags.registry) checks.push(...(await registryChecks(credential)));
    if (flags.status) checks.push(await statusCheck(credential));
    return finish(format, checks, credential);
  }

  async function verifyCore(
    input: unknown,
    flags: { status: boolean; registry: boolean },
  ): Promise<VerificationReport> {
    let value = input;
    if (typeof value === 'string') {
      const trimmed = value.trim();
      if (trimmed.startsWith(JWT_DATA_URL_PREFIX))
        value = trimmed.slice(JWT_DATA_URL_PREFIX.length);
      else if (trimmed.startsWith('{')) {
        try {
          value = JSON.parse(trimmed);
        } catch {
          return finish(
            'unknown',
            [check('format', 'failed', 'MALFORMED', 'Invalid JSON.')],
            undefined,
          );
        }
      } else value = trimmed;
    }
    if (isObject(value) && asArray(value['type']).includes('EnvelopedVerifiableCredential')) {
      const id = value['id'];
      if (typeof id === 'string' && id.startsWith(JWT_DATA_URL_PREFIX))
        value = id.slice(JWT_DATA_URL_PREFIX.length);
    }
    if (typeof value === 'string') {
      if (!JWT_RE.test(value)) {
        return finish(
          'unknown',
          [check('format', 'failed', 'MALFORMED', 'Neither JSON nor a JWT.')],
          undefined,
        );
      }
      return verifyJwt(value, flags);
    }
    if (!isObject(value)) {
      return finish(
        'unknown',
        [check('format', 'failed', 'MALFORMED', 'Expected a JSON object or a JWT.')],
        undefined,
      );
    }
    // The libraries are given a copy (they may change what they verify), unless the input is an
    // object nobody else holds; the report names the credential as given.
    const owned = inputIsOwned && value === input;
    const report = await verifyDataIntegrity(owned ? value : structuredClone(value), flags);
    if (report.credential) report.credential = value;
    return report;
  }

  async function verifyCredential(input: unknown): Promise<VerificationReport> {
    try {
      return await verifyCore(input, { status: true, registry: true });
    } catch (error) {
      return finish(
        'unknown',
        [check('format', 'failed', 'INTERNAL_ERROR', String((error as Error)?.message ?? error))],
        undefined,
      );
    }
  }

  async function verifyPresentationUnsafe(
    input: unknown,
    expected: { challenge?: string; domain?: string },
  ): Promise<PresentationReport> {
    let value = input;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        value = undefined;
      }
    }
    const fail = (checks: Check[], presentation?: Record<string, unknown>): PresentationReport => {
      const report = finish('unknown', checks, undefined) as PresentationReport;
      if (presentation) report.presentation = presentation;
      report.credentials = [];
      return report;
    };
    if (!isObject(value))
      return fail([check('format', 'failed', 'MALFORMED', 'Expected a JSON object.')]);
    const presentation = structuredClone(value);
    const shape = checkShape(presentation, 'presentation');
    const proof = asArray(presentation['proof'])[0];
    if (!shape.ok || !isObject(proof)) {
      return fail(
        [check('format', 'failed', 'MALFORMED', shape.detail ?? 'The presentation has no proof.')],
        presentation,
      );
    }
    const checks: Check[] = [passed('format')];
    const contextCheck = checkContexts(presentation);
    checks.push(contextCheck);
    if (contextCheck.status === 'failed') return fail(checks, presentation);
    const format = proofFormat(proof);

    // The holder's signature is checked against the challenge and domain the proof itself carries;
    // whether those are the ones we asked for is reported separately, with its own code.
    let holderProof: Check;
    if (typeof proof['challenge'] !== 'string') {
      holderProof = check('holderProof', 'failed', 'MALFORMED', 'The proof has no challenge.');
    } else {
      const result = await vc
        .verify({
          presentation,
          suite: verificationSuites(),
          documentLoader,
          challenge: proof['challenge'],
          domain: proof['domain'],
          checkStatus: () => Promise.resolve({ verified: true }),
        })
        .catch((error: unknown) => ({ verified: false, error, presentationResult: undefined }));
      const presentationResult = (
        result as { presentationResult?: { verified: boolean; error?: unknown } }
      ).presentationResult;
      if (presentationResult?.verified) {
        holderProof = passed('holderProof');
      } else {
        const classified = classifyError(
          presentationResult?.error ?? (result as { error?: unknown }).error,
        );
        if (classified.id === 'context') {
          checks[1] = check('context', 'failed', classified.code, classified.detail);
          return fail(checks, presentation);
        }
        holderProof = check('holderProof', 'failed', classified.code, classified.detail);
      }
    }
    checks.push(holderProof);
    checks.push(
      expected.challenge === undefined
        ? notApplicable('challenge')
        : proof['challenge'] === expected.challenge
          ? passed('challenge')
          : check('challenge', 'failed', 'CHALLENGE_MISMATCH'),
    );
    checks.push(
      expected.domain === undefined
        ? notApplicable('domain')
        : proof['domain'] === expected.domain
          ? passed('domain')
          : check('domain', 'failed', 'DOMAIN_MISMATCH'),
    );

    const credentials = asArray(presentation['verifiableCredential']);
    const reports = await Promise.all(
      credentials.map((credential) => verifyCredential(credential)),
    );
    const vm = proof['verificationMethod'];
    const signer = (typeof vm === 'string' ? vm : isObject(vm) ? String(vm['id']) : '').split(
      '#',
    )[0];
    const holderValue = presentation['holder'];
    const holder =
      typeof holderValue === 'string'
        ? holderValue
        : isObject(holderValue)
          ? String(holderValue['id'])
          : signer;
    const subjects = reports.flatMap((report) =>
      asArray(report.credential?.['credentialSubject'])
        .filter(isObject)
        .map((subject) => subject['id'])
        .filter((id): id is string => typeof id === 'string'),
    );
    checks.push(
      holder !== signer || subjects.some((id) => id !== holder)
        ? check('holderBinding', 'failed', 'HOLDER_MISMATCH')
        : credentials.length === 0
          ? notApplicable('holderBinding')
          : passed('holderBinding'),
    );
    checks.push(
      credentials.length === 0
        ? notApplicable('credentials')
        : reports.every((report) => report.verified)
          ? passed('credentials')
          : check('credentials', 'failed', 'CREDENTIAL_INVALID'),
    );
    const report = finish(format, checks, undefined) as PresentationReport;
    report.presentation = presentation;
    report.credentials = reports;
    return report;
  }

  async function verifyPresentation(
    input: unknown,
    expected: { challenge?: string; domain?: string } = {},
  ): Promise<PresentationReport> {
    try {
      return await verifyPresentationUnsafe(input, expected);
    } catch (error) {
      const report = finish(
        'unknown',
        [check('format', 'failed', 'INTERNAL_ERROR', String((error as Error)?.message ?? error))],
        undefined,
      ) as PresentationReport;
      report.credentials = [];
      return report;
    }
  }

  return { verifyCredential, verifyPresentation };
}
