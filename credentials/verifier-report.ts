// The verification report: named checks with messages in Chinese and English, and library errors mapped onto them.

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

/**
 * 'warning' is what a verifier should know but what does not make the credential fail: its issuer
 * is not registered here (or the registry could not be asked).
 */
export type CheckStatus = 'passed' | 'failed' | 'warning' | 'not_applicable';

/** The checks about trust in the issuer (our registry); every other check is about authenticity. */
export const TRUST_CHECKS: ReadonlySet<CheckId> = new Set(['issuerKnown', 'issuerAccredited']);

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
  /** No check failed: authentic, and not refused by our registry (an unregistered issuer is a warning). */
  verified: boolean;
  /** Proof, contexts, dates, key and status passed, whoever the issuer is. */
  authentic: boolean;
  /** Whether the issuer is registered (and active) here; null when the registry was not consulted. */
  issuerRegistered: boolean | null;
  format: VerifiedFormat;
  credential?: Record<string, unknown>;
  checks: Check[];
  errors?: Array<{ check: CheckId; code: string; message: string }>;
}

export interface PresentationReport extends VerificationReport {
  presentation?: Record<string, unknown>;
  credentials: VerificationReport[];
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

export const MESSAGES: Record<string, { en: string; zh: string }> = {
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
  PROOF_CHAIN_BROKEN: {
    en: 'A proof of the chain depends on a proof the credential does not hold.',
    zh: '证明链中的某个证明所依赖的前一证明不在凭证中。',
  },
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
    en: 'Authentic, issuer not registered with this credit bank: the signature is the issuer’s, but this credit bank does not vouch for who the issuer is.',
    zh: '凭证真实，但签发方未在本学分银行登记：签名确属签发方，但本学分银行不为其身份担保。',
  },
  ISSUER_SUSPENDED: { en: 'The issuer is suspended.', zh: '签发方已被暂停。' },
  ISSUER_NOT_ACCREDITED: {
    en: 'The issuer is not accredited to award this kind of credential.',
    zh: '签发方无权颁发此类凭证。',
  },
  REGISTRY_UNAVAILABLE: {
    en: 'The issuer registry could not be consulted; whether the issuer is registered is unknown.',
    zh: '无法查询签发方登记册，签发方是否登记未知。',
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

export function check(id: CheckId, status: CheckStatus, code: string, detail?: string): Check {
  const base = MESSAGES[code] ?? MESSAGES['INTERNAL_ERROR']!;
  return {
    id,
    status,
    code,
    message: detail ? { en: `${base.en} ${detail}`, zh: `${base.zh} ${detail}` } : { ...base },
  };
}

export const passed = (id: CheckId): Check => check(id, 'passed', 'OK');
export const notApplicable = (id: CheckId): Check => check(id, 'not_applicable', 'NOT_APPLICABLE');

export function finish(
  format: VerifiedFormat,
  checks: Check[],
  credential: Record<string, unknown> | undefined,
): VerificationReport {
  const failed = checks.filter((c) => c.status === 'failed');
  const issuerKnown = checks.find((c) => c.id === 'issuerKnown');
  const report: VerificationReport = {
    verified: failed.length === 0 && checks.length > 0,
    authentic: checks.length > 0 && failed.every((c) => TRUST_CHECKS.has(c.id)),
    issuerRegistered:
      issuerKnown?.status === 'passed'
        ? true
        : issuerKnown?.code === 'ISSUER_UNKNOWN' || issuerKnown?.code === 'ISSUER_SUSPENDED'
          ? false
          : null,
    format,
    checks,
  };
  if (credential) report.credential = credential;
  if (failed.length > 0)
    report.errors = failed.map((c) => ({ check: c.id, code: c.code, message: c.message.en }));
  return report;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const asArray = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');

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
export function classifyError(error: unknown): { id: CheckId; code: string; detail: string } {
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
    if (/"previousProof"/.test(t)) return { id: 'proof', code: 'PROOF_CHAIN_BROKEN', detail };
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
