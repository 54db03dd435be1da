// An institution's status lists: their URLs, their bits from the status changes, signed and cached.
import {
  buildStatusListCredential,
  encodeStatusList,
  hashCredential,
  issueCredential,
  type DocumentLoader,
  type StatusPurpose,
} from '../../credentials/index.ts';
import type { InstitutionRegistry } from '../institutions/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import { NotFound, RefreshingCache, requireOneOf, type Institution } from '../shared/index.ts';
import type {
  CredentialEvent,
  CredentialRepository,
  StatusSlotRepository,
} from './credential-ports.ts';
import type { InstitutionKeys } from './institution-keys.ts';

const STATUS_PATH = '/status-lists/';
const STATUS_CACHE_MS = 5_000;

/**
 * The indexes whose bit is set in a list of this purpose, from the status changes of its
 * credentials: revoked once is revoked for good; a credential is suspended when its latest
 * suspension or reinstatement is a suspension.
 */
export function flaggedIndexes(
  events: readonly CredentialEvent[],
  purpose: 'revocation' | 'suspension',
): Set<number> {
  const flagged = new Set<number>();
  if (purpose === 'revocation') {
    for (const e of events) if (e.action === 'revoked') flagged.add(e.statusIndex);
    return flagged;
  }
  const latest = new Map<number, CredentialEvent>();
  for (const e of events) {
    if (e.action === 'revoked') continue;
    const seen = latest.get(e.statusIndex);
    if (!seen || seen.at < e.at || (seen.at === e.at && seen.id < e.id))
      latest.set(e.statusIndex, e);
  }
  for (const [index, e] of latest) if (e.action === 'suspended') flagged.add(index);
  return flagged;
}

export interface StatusListsDeps {
  credentials: Pick<CredentialRepository, 'statusEvents'>;
  slots: Pick<StatusSlotRepository, 'count'>;
  keys: Pick<InstitutionKeys, 'activeKey' | 'didOf' | 'onChange'>;
  institutions: Pick<InstitutionRegistry, 'findBySlug'>;
  ledger: Pick<LedgerService, 'statusEntries'>;
  documentLoader: DocumentLoader;
  kek: Uint8Array;
  publicUrl: string;
  now: () => Date;
  /** Bits a status list holds. */
  listLength: number;
}

export class StatusLists {
  // Signed status lists by `${institutionId}:${purpose}:${list}`, with the bits they were signed
  // for and the key that signed them.
  readonly #statusLists = new RefreshingCache<
    string,
    { bits: string; keyId: string; serialized: string; etag: string }
  >({ ttlMs: STATUS_CACHE_MS });

  constructor(private readonly d: StatusListsDeps) {
    // A list signed with a key since rotated or revoked is signed again with the current one.
    d.keys.onChange(() => this.#statusLists.clear());
  }

  url(institution: Pick<Institution, 'slug'>, purpose: StatusPurpose, list: number): string {
    return `${this.d.publicUrl}${STATUS_PATH}${institution.slug}/${purpose}/${list}`;
  }

  /** Our status lists are answered from the database, never over HTTP: as signed, serialised. */
  async local(url: string): Promise<string | null> {
    const prefix = `${this.d.publicUrl}${STATUS_PATH}`;
    if (!url.startsWith(prefix)) return null;
    const [slug, purpose, list] = url.slice(prefix.length).split('/');
    try {
      return (await this.credential(slug ?? '', purpose ?? '', Number(list))).serialized;
    } catch {
      return null;
    }
  }

  /**
   * The signed BitstringStatusListCredential of one list; re-signed only when a bit changed. Within
   * a few seconds a list is served as signed (refreshed in the background before then, so no
   * request waits on it); a status change in this process clears it at once.
   */
  async credential(
    slug: string,
    purposeRaw: string,
    list: number,
  ): Promise<{ serialized: string; etag: string }> {
    const purpose = requireOneOf(purposeRaw, ['revocation', 'suspension'] as const, 'purpose');
    if (!Number.isInteger(list) || list < 1)
      throw new NotFound('Status list', `${slug}/${purpose}/${list}`);
    const institution = await this.d.institutions.findBySlug(slug);
    if (!institution) throw new NotFound('Status list', `${slug}/${purpose}/${list}`);
    const { serialized, etag } = await this.#statusLists.get(
      `${institution.id}:${purpose}:${list}`,
      (key) => this.#signStatusList(key, institution, purpose, list),
    );
    return { serialized, etag };
  }

  /** Forgets the signed lists (of both purposes) of one list number, after a status change in it. */
  changed(institutionId: string, list: number): void {
    this.#statusLists.deleteWhere(
      (key) => key.startsWith(`${institutionId}:`) && key.endsWith(`:${list}`),
    );
  }

  async #signStatusList(
    key: string,
    institution: Institution,
    purpose: 'revocation' | 'suspension',
    list: number,
  ): Promise<{ bits: string; keyId: string; serialized: string; etag: string }> {
    const previous = this.#statusLists.peek(key);
    if (list > 1 && !previous && (await this.d.slots.count(institution.id, list)) === 0)
      throw new NotFound('Status list', `${institution.slug}/${purpose}/${list}`);
    const set = flaggedIndexes(await this.#statusEvents(institution.id, list), purpose);
    const bits = [...set].sort((a, b) => a - b).join(',');
    const signingKey = await this.d.keys.activeKey(institution.id, 'Ed25519');
    // Unchanged bits are not signed again, unless another process changed the institution's keys.
    if (previous?.bits === bits && previous.keyId === signingKey.id) return previous;
    const url = this.url(institution, purpose, list);
    const unsigned = buildStatusListCredential({
      id: url,
      issuer: this.d.keys.didOf(institution),
      purpose,
      encodedList: await encodeStatusList(set, this.d.listLength),
      validFrom: this.d.now(),
    });
    const issued = await issueCredential({
      credential: unsigned,
      key: signingKey,
      kek: this.d.kek,
      format: 'eddsa-rdfc-2022',
      documentLoader: this.d.documentLoader,
      now: this.d.now(),
    });
    return {
      bits,
      keyId: signingKey.id,
      serialized: issued.serialized,
      etag: hashCredential(issued.serialized).slice(0, 32),
    };
  }

  /** A status list's changes: the chained ledger entries, and the event rows that index them. */
  async #statusEvents(institutionId: string, list: number): Promise<CredentialEvent[]> {
    const events = new Map<string, CredentialEvent>();
    for (const e of await this.d.credentials.statusEvents(institutionId, list)) events.set(e.id, e);
    for (const e of await this.d.ledger.statusEntries(institutionId, list)) {
      const b = e.body;
      if (b.type !== 'credential' || b.action === 'issued' || b.statusIndex === undefined) continue;
      events.set(e.id, {
        id: e.id,
        credentialId: b.credentialId,
        institutionId,
        statusList: list,
        statusIndex: b.statusIndex,
        action: b.action,
        reason: b.reason ?? '',
        actor: e.actor,
        at: e.recordedAt,
      });
    }
    return [...events.values()];
  }
}
