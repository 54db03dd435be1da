// Institutions' signing keys and did:web documents: generation, rotation, revocation, resolution.
import {
  buildDidDocument,
  didWeb,
  generateKey,
  platformDid,
  type DidDocument,
  type KeyType,
} from '../../credentials/index.ts';
import {
  audited,
  requireNotSuspended,
  requireOperatorOrInstitution,
  type Actor,
  type OperatorActionLog,
} from '../identity/index.ts';
import type { InstitutionKey, SigningKeyRepository } from './credential-ports.ts';
import { Conflict, Forbidden, InputValidationError, NotFound } from '../shared/index.ts';
import type { InstitutionRegistry } from '../institutions/index.ts';
import type { Institution } from '../shared/index.ts';
import { KeyedMutex } from '../shared/index.ts';
import { boundedString } from '../shared/index.ts';
import { RefreshingCache } from '../shared/index.ts';

export const PLATFORM_ID = '__platform__';
export const KEY_TYPES: readonly KeyType[] = ['Ed25519', 'P-256'];

/** A key as the API shows it: never its private part. */
export type PublicKeyInfo = Omit<InstitutionKey, 'encryptedPrivateKey'>;

export const publicPart = ({
  encryptedPrivateKey: _secret,
  ...pub
}: InstitutionKey): PublicKeyInfo => pub;

/** A verification method's own part (`did:web:…#z6Mk…` → `z6Mk…`), short enough for a summary line. */
const fragment = (id: string) => id.split('#').at(-1) ?? id;

const isCurrent = (k: InstitutionKey) => !k.retiredAt && !k.revokedAt;

/** How long a DID document is reused; a key change in this process clears it at once. */
const DID_CACHE_MS = 30_000;

export class InstitutionKeys {
  readonly #docs = new RefreshingCache<string, DidDocument | null>({ ttlMs: DID_CACHE_MS });
  readonly #generation = new KeyedMutex();
  readonly #onChange = new Set<() => void>();

  constructor(
    private readonly repo: SigningKeyRepository,
    private readonly institutions: InstitutionRegistry,
    private readonly kek: Uint8Array,
    /** The public host (and port) our did:web DIDs are named after. */
    readonly didHost: string,
    private readonly now: () => Date = () => new Date(),
    /** Where rotations and revocations are written down (the operator audit trail). */
    private readonly trail?: OperatorActionLog,
  ) {}

  didOf(institution: Pick<Institution, 'slug'>): string {
    return didWeb(this.didHost, institution.slug);
  }

  /** A key changed in this process: what we remembered about keys is stale. */
  #forget(): void {
    this.#docs.clear();
    this.#status.clear();
    for (const listener of this.#onChange) listener();
  }

  /**
   * Calls `listener` whenever a key is generated, rotated or revoked in this process (what was
   * signed with the keys before, such as a cached status list, may need signing again).
   */
  onChange(listener: () => void): void {
    this.#onChange.add(listener);
  }

  get platformDid(): string {
    return platformDid(this.didHost);
  }

  /**
   * The current key of a type, generated on first use. Concurrent first uses in this process share
   * one generation; two processes racing may each generate one, and then every reader settles on
   * the same key (the oldest current one) while the other stays published, so what it signed verifies.
   */
  async activeKey(institutionId: string, type: KeyType): Promise<InstitutionKey> {
    const current = await this.#current(institutionId, type);
    if (current) return current;
    return this.#generation.run([`${institutionId}:${type}`], async () => {
      return (
        (await this.#current(institutionId, type)) ?? (await this.#generate(institutionId, type))
      );
    });
  }

  async #current(institutionId: string, type: KeyType): Promise<InstitutionKey | undefined> {
    const keys = await this.repo.listByInstitution(institutionId);
    return keys
      .filter((k) => k.type === type && isCurrent(k))
      .sort((a, b) =>
        a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
      )
      .at(0);
  }

  async #controller(institutionId: string): Promise<string> {
    if (institutionId === PLATFORM_ID) return this.platformDid;
    return this.didOf(await this.institutions.get(institutionId));
  }

  async #generate(institutionId: string, type: KeyType): Promise<InstitutionKey> {
    const stored = await generateKey({
      type,
      controller: await this.#controller(institutionId),
      kek: this.kek,
      now: this.now(),
    });
    const key: InstitutionKey = { ...stored, institutionId };
    await this.repo.insert(key);
    this.#forget();
    return key;
  }

  /** Makes sure an institution has both key types (done when it registers and before issuing). */
  async ensureKeys(institutionId: string): Promise<void> {
    for (const type of KEY_TYPES) await this.activeKey(institutionId, type);
  }

  async list(actor: Actor, institutionId: string): Promise<PublicKeyInfo[]> {
    void actor; // public keys are public: they are in the DID document anyway
    await this.institutions.get(institutionId);
    return (await this.repo.listByInstitution(institutionId)).map(publicPart);
  }

  /** A new key becomes active; the old one is retired but stays published, so what it signed still verifies. */
  async rotate(actor: Actor, institutionId: string, type: KeyType): Promise<PublicKeyInfo> {
    requireOperatorOrInstitution(actor, institutionId);
    requireNotSuspended(actor);
    if (actor.kind === 'apikey') throw new Forbidden('Rotate keys as staff, not with an API key');
    if (!KEY_TYPES.includes(type))
      throw new InputValidationError(`Key type is Ed25519 or P-256`, { field: 'type' });
    await this.institutions.get(institutionId);
    // The key slot is the target: the new key's id is known once the change is made.
    const current = (await this.repo.listByInstitution(institutionId)).filter(
      (k) => k.type === type && isCurrent(k),
    );
    const { key } = await audited(
      this.trail,
      actor,
      'signingkey.rotate',
      { kind: 'signingkey', id: `${institutionId}#${type}`, label: type, institutionId },
      {
        before: current.length ? `current: ${current.map((k) => fragment(k.id)).join(', ')}` : null,
        after: 'a new current key',
      },
      () => this.#rotate(institutionId, type),
      (r) => `current: ${fragment(r.key.id)}`,
    );
    return key;
  }

  async #rotate(institutionId: string, type: KeyType) {
    return this.#generation.run([`${institutionId}:${type}`], async () => {
      const at = this.now().toISOString();
      const retired: string[] = [];
      for (const k of await this.repo.listByInstitution(institutionId)) {
        if (k.type === type && isCurrent(k)) {
          await this.repo.update({ ...k, retiredAt: at });
          retired.push(k.id);
        }
      }
      this.#forget();
      return { retired, key: publicPart(await this.#generate(institutionId, type)) };
    });
  }

  /**
   * Revokes a compromised key: signatures it made at or after `compromisedAt` (default: now) are
   * rejected; earlier ones still verify. If it was the current key, a new one takes over.
   */
  async revoke(
    actor: Actor,
    keyId: string,
    reason: string,
    compromisedAt?: string | null,
  ): Promise<PublicKeyInfo> {
    const key = await this.repo.findById(keyId);
    if (!key || key.institutionId === PLATFORM_ID) throw new NotFound('Key', keyId);
    requireOperatorOrInstitution(actor, key.institutionId);
    if (actor.kind === 'apikey') throw new Forbidden('Revoke keys as staff, not with an API key');
    if (key.revokedAt) throw new Conflict(`Key ${keyId} is revoked already`);
    const now = this.now();
    let at = now.toISOString();
    if (compromisedAt) {
      const t = Date.parse(compromisedAt);
      if (Number.isNaN(t) || t > now.getTime()) {
        throw new InputValidationError('compromisedAt must be a past timestamp', {
          field: 'compromisedAt',
        });
      }
      at = new Date(t).toISOString();
    }
    const wasCurrent = isCurrent(key);
    const revoked = {
      ...key,
      revokedAt: at,
      revocationReason: boundedString(reason, 'reason', 500),
    };
    await audited(
      this.trail,
      actor,
      'signingkey.revoke',
      { kind: 'signingkey', id: key.id, label: key.type, institutionId: key.institutionId },
      {
        before: wasCurrent ? 'current' : 'retired',
        after: `revoked; compromised from ${at}: ${revoked.revocationReason}`,
      },
      async () => {
        await this.repo.update(revoked);
        this.#forget();
        if (wasCurrent) await this.activeKey(key.institutionId, key.type);
      },
    );
    return publicPart(revoked);
  }

  keyStatus(verificationMethodId: string): Promise<{ revokedAt?: string | null } | null> {
    return this.#status.get(verificationMethodId, async (id) => {
      const k = await this.repo.findById(id);
      return k ? { revokedAt: k.revokedAt ?? null } : null;
    });
  }

  readonly #status = new RefreshingCache<string, { revokedAt: string | null } | null>({
    ttlMs: DID_CACHE_MS,
  });

  /** The DID document of one of our did:web DIDs, or null when it is not ours or unknown. */
  async didDocument(did: string): Promise<DidDocument | null> {
    return structuredClone(await this.#docs.get(did, (key) => this.#loadDidDocument(key)));
  }

  async #loadDidDocument(did: string): Promise<DidDocument | null> {
    const prefix = this.platformDid;
    if (did === prefix) {
      await this.ensureKeys(PLATFORM_ID);
      return buildDidDocument({ did, keys: await this.repo.listByInstitution(PLATFORM_ID) });
    }
    const m = new RegExp(
      `^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:institutions:([a-z0-9-]+)$`,
    ).exec(did);
    if (!m) return null;
    const institution = await this.institutions.findBySlug(m[1]!);
    if (!institution) return null;
    await this.ensureKeys(institution.id);
    return buildDidDocument({ did, keys: await this.repo.listByInstitution(institution.id) });
  }

  /** Our institution behind a did:web of ours, or null. */
  async institutionOf(did: string): Promise<Institution | null> {
    const prefix = `${this.platformDid}:institutions:`;
    if (!did.startsWith(prefix)) return null;
    return this.institutions.findBySlug(did.slice(prefix.length));
  }
}
