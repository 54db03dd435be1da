// Credential status: Bitstring Status List entries checked against their verified, cached lists.
import { createHash } from 'node:crypto';
import { issuerIdOf } from './issuer.ts';
import { decodeStatusList } from './statusList.ts';
import type { VerifierContext } from './verifier-context.ts';
import { asArray, check, isObject, notApplicable, passed, type Check } from './verifier-report.ts';

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

async function loadStatusList(
  ctx: VerifierContext,
  url: string,
): Promise<StatusListCacheEntry['list'] | 'unavailable'> {
  let fetched: object | string | null;
  try {
    fetched = await ctx.fetchStatusList(url);
  } catch {
    return 'unavailable';
  }
  if (fetched === null || fetched === undefined) return 'unavailable';
  const serialized = typeof fetched === 'string' ? fetched : JSON.stringify(fetched);
  const cacheKey = createHash('sha256').update(serialized).digest('base64url');
  const cached = ctx.caches.statusLists.get(cacheKey);
  if (cached && cached.expires > Date.now()) return cached.list;
  const report = await ctx.verifyCore(fetched, { status: false, registry: false });
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
  if (ctx.caches.statusLists.size >= STATUS_CACHE_MAX) ctx.caches.statusLists.clear();
  ctx.caches.statusLists.set(cacheKey, { expires: Date.now() + STATUS_CACHE_TTL_MS, list });
  return list;
}

/** Every credentialStatus entry against its Bitstring Status List (revocation, suspension). */
export async function statusCheck(
  ctx: VerifierContext,
  credential: Record<string, unknown>,
): Promise<Check> {
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
    const list = await loadStatusList(ctx, url);
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
