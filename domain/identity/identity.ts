// Accounts, passwords (scrypt) and institution API keys: the domain side of authentication.
import { randomBytes, randomUUID, scrypt, timingSafeEqual, createHash } from 'node:crypto';
import { promisify } from 'node:util';
import {
  requireOperator,
  requireNotSuspended,
  requireOperatorOrInstitution,
  requireSignedIn,
  type Actor,
} from './access.ts';
import {
  Conflict,
  Forbidden,
  InputValidationError,
  NotFound,
  Unauthenticated,
} from '../shared/index.ts';
import type {
  ApiKeyRepository,
  InstitutionRepository,
  LearnerRepository,
  UserRepository,
} from '../shared/index.ts';
import {
  API_KEY_SCOPES,
  type ApiKey,
  type ApiKeyScope,
  type UserAccount,
} from '../shared/index.ts';
import { boundedString, requireOneOf } from '../shared/index.ts';
import { RefreshingCache } from '../shared/index.ts';
import { audited, type OperatorActionLog } from './operator-audit.ts';

const scryptAsync = promisify(scrypt) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: object,
) => Promise<Buffer>;
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function checkPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

export function validEmail(email: string): string {
  const e = boundedString(email, 'email', 254).toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e))
    throw new InputValidationError(`"${email}" is not an email address`, { field: 'email' });
  return e;
}

export function validPassword(pw: string): string {
  if (typeof pw !== 'string' || pw.length < 10 || pw.length > 200) {
    throw new InputValidationError('A password needs 10 to 200 characters', { field: 'password' });
  }
  return pw;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const API_KEY_PREFIX = 'cbk';

export interface NewAccount {
  email: string;
  name: string;
  /**
   * Left out (staff and operator accounts): the account waits for its holder to activate it with a
   * one-time code (AccountCodes.createForUser) and choose their own password.
   */
  password?: string | null | undefined;
}

/** The password hash of an account nobody has activated yet: no password ever matches it. */
export const PENDING_ACTIVATION = 'pending-activation';

/** Whether the account's holder has chosen a password (a pending staff account has not). */
export const isActivated = (user: UserAccount): boolean => user.passwordHash !== PENDING_ACTIVATION;

/** How long a token holder read from the user store is trusted before it is read again. */
const TOKEN_HOLDER_CACHE_MS = 5_000;

/**
 * A key's last use is written at most this often: authenticating stays a read, and one write a
 * minute per key in use is all it costs.
 */
export const API_KEY_LAST_USE_RESOLUTION_MS = 60_000;

export class Accounts {
  readonly #holders = new RefreshingCache<string, UserAccount | null>({
    ttlMs: TOKEN_HOLDER_CACHE_MS,
  });

  constructor(
    private readonly users: UserRepository,
    private readonly institutions: InstitutionRepository,
    private readonly learners: LearnerRepository,
    private readonly apiKeys: ApiKeyRepository,
    private readonly now: () => Date = () => new Date(),
    /** Where account and API key changes are written down (the operator audit trail). */
    private readonly trail?: OperatorActionLog,
  ) {}

  /** When this process last wrote each key's last use (so concurrent requests write once). */
  readonly #lastUseWritten = new Map<string, number>();

  /** Checks a new account and builds it; `#create` or the audited callers insert it. */
  async #prepare(
    input: NewAccount,
    role: UserAccount['role'],
    scope: Partial<UserAccount>,
  ): Promise<UserAccount> {
    const email = validEmail(input.email);
    const account: UserAccount = {
      id: randomUUID(),
      email,
      name: boundedString(input.name, 'name', 200),
      role,
      passwordHash:
        input.password == null && role !== 'learner'
          ? PENDING_ACTIVATION
          : await hashPassword(validPassword(input.password ?? '')),
      createdAt: this.now().toISOString(),
      ...scope,
    };
    if (await this.users.findByEmail(email))
      throw new Conflict(`An account for ${email} exists already`, { field: 'email' });
    return account;
  }

  async #create(
    input: NewAccount,
    role: UserAccount['role'],
    scope: Partial<UserAccount>,
  ): Promise<UserAccount> {
    const account = await this.#prepare(input, role, scope);
    await this.users.insert(account); // a unique index on email catches a concurrent twin
    return account;
  }

  /** The first operator comes from the CLI (actor = system); later ones from an operator. */
  async createOperator(actor: Actor, input: NewAccount): Promise<UserAccount> {
    requireOperator(actor);
    const user = await this.#prepare(input, 'operator', {});
    await audited(
      this.trail,
      actor,
      'user.create-operator',
      { kind: 'user', id: user.id, label: user.email },
      { after: `operator ${user.name}` },
      () => this.users.insert(user),
    );
    return user;
  }

  async createStaff(actor: Actor, institutionId: string, input: NewAccount): Promise<UserAccount> {
    requireOperatorOrInstitution(actor, institutionId);
    requireNotSuspended(actor);
    // A staff login may create keys of every scope: a key making one would escape its own scopes.
    if (actor.kind === 'apikey') throw new Forbidden('An API key cannot create staff accounts');
    if (!(await this.institutions.findById(institutionId)))
      throw new NotFound('Institution', institutionId);
    const user = await this.#prepare(input, 'staff', { institutionId });
    await audited(
      this.trail,
      actor,
      'user.create-staff',
      { kind: 'user', id: user.id, label: user.email, institutionId },
      { after: `staff ${user.name}` },
      () => this.users.insert(user),
    );
    return user;
  }

  /**
   * A learner's sign-in, one per learner, created by the operator (or the system). Not by an
   * institution: whoever knows the password reads the learner's whole record.
   */
  async createLearnerAccount(
    actor: Actor,
    learnerId: string,
    input: NewAccount,
  ): Promise<UserAccount> {
    requireOperator(actor);
    if (!(await this.learners.findById(learnerId))) throw new NotFound('Learner', learnerId);
    if (await this.users.findByLearnerId(learnerId))
      throw new Conflict('This learner has a sign-in already');
    return this.#create(input, 'learner', { learnerId });
  }

  async listStaff(actor: Actor, institutionId: string): Promise<UserAccount[]> {
    requireOperatorOrInstitution(actor, institutionId);
    return this.users.listByInstitution(institutionId);
  }

  async authenticate(email: string, password: string): Promise<UserAccount> {
    const user = await this.users.findByEmail(String(email).trim().toLowerCase());
    // Check a password even for an unknown email, so timing does not tell which emails exist.
    // A pending account is checked against the dummy too: its timing says nothing either.
    const stored = user && isActivated(user) ? user.passwordHash : await DUMMY_HASH;
    const ok = await checkPassword(String(password), stored);
    if (!user || !ok || !isActivated(user)) throw new Unauthenticated('Wrong email or password');
    if (user.disabledAt) throw new Unauthenticated('This account is disabled');
    return user;
  }

  /**
   * The person a bearer token speaks for, as the user store has them now: a deleted account, or a
   * token from before "sign out everywhere", no longer signs anyone in. Looked up through a cache
   * of a few seconds, which is how long another process may still accept such a token.
   */
  async tokenHolder(claims: { userId: string; epoch: number }): Promise<UserAccount> {
    const user = await this.#holders.get(claims.userId, (id) => this.users.findById(id));
    if (!user) throw new Unauthenticated('This account no longer exists');
    if (user.disabledAt) throw new Unauthenticated('This account is disabled');
    if ((user.tokenEpoch ?? 0) !== claims.epoch)
      throw new Unauthenticated('This token was signed out; sign in again');
    return user;
  }

  /** Ends every token of the signed-in person (theirs only; an API key is revoked instead). */
  async signOutEverywhere(actor: Actor): Promise<boolean> {
    requireSignedIn(actor);
    if (actor.kind !== 'operator' && actor.kind !== 'staff' && actor.kind !== 'learner') {
      throw new Forbidden('Only a signed-in person signs out; revoke an API key instead');
    }
    const user = await this.users.findById(actor.userId);
    if (!user) throw new Unauthenticated('This account no longer exists');
    await this.users.setTokenEpoch(user.id, (user.tokenEpoch ?? 0) + 1);
    this.#holders.delete(user.id);
    return true;
  }

  /**
   * The signed-in person changes their password: the current one must be right. Every other
   * token of theirs stops working (a password is changed when it may be known to someone else).
   */
  async changePassword(actor: Actor, current: string, next: string): Promise<UserAccount> {
    requireSignedIn(actor);
    if (actor.kind !== 'operator' && actor.kind !== 'staff' && actor.kind !== 'learner') {
      throw new Forbidden('Only a signed-in person has a password');
    }
    const user = await this.users.findById(actor.userId);
    if (!user) throw new Unauthenticated('This account no longer exists');
    if (!(await checkPassword(String(current), user.passwordHash)))
      throw new InputValidationError('The current password is not right', {
        field: 'currentPassword',
      });
    if (String(current) === String(next))
      throw new InputValidationError('The new password must differ from the current one', {
        field: 'newPassword',
      });
    return this.replacePassword(user, next, 'newPassword');
  }

  /** Sets a new password and ends every token issued before (internal: the caller proved who this is). */
  async replacePassword(user: UserAccount, next: string, field = 'password'): Promise<UserAccount> {
    let pw: string;
    try {
      pw = validPassword(next);
    } catch {
      throw new InputValidationError('A password needs 10 to 200 characters', { field });
    }
    const passwordHash = await hashPassword(pw);
    const tokenEpoch = (user.tokenEpoch ?? 0) + 1;
    await this.users.setPassword(user.id, passwordHash, tokenEpoch);
    this.#holders.delete(user.id);
    return { ...user, passwordHash, tokenEpoch };
  }

  async findUserByEmail(email: string): Promise<UserAccount | null> {
    return this.users.findByEmail(String(email).trim().toLowerCase());
  }

  async findUserByLearner(learnerId: string): Promise<UserAccount | null> {
    return this.users.findByLearnerId(learnerId);
  }

  /** The operator disables an account (it can then neither sign in nor use a token) or enables it again. */
  async setDisabled(actor: Actor, userId: string, disabled: boolean): Promise<UserAccount> {
    requireOperator(actor);
    if ('userId' in actor && actor.userId === userId && disabled)
      throw new Conflict('You cannot disable your own account');
    const user = await this.users.findById(boundedString(userId, 'userId', 64));
    if (!user) throw new NotFound('User', userId);
    const disabledAt = disabled ? (user.disabledAt ?? this.now().toISOString()) : null;
    const apply = () => this.users.setDisabledAt(user.id, disabledAt);
    if (Boolean(user.disabledAt) !== disabled) {
      await audited(
        this.trail,
        actor,
        disabled ? 'user.disable' : 'user.enable',
        { kind: 'user', id: user.id, label: user.email, institutionId: user.institutionId },
        { before: disabled ? 'enabled' : 'disabled', after: disabled ? 'disabled' : 'enabled' },
        apply,
      );
    } else await apply(); // already so: nothing changes, nothing is written down
    this.#holders.delete(user.id);
    return { ...user, disabledAt };
  }

  async findUser(id: string): Promise<UserAccount | null> {
    return this.users.findById(id);
  }

  async operatorCount(): Promise<number> {
    return this.users.countByRole('operator');
  }

  /** Returns the key record and its secret token, shown this once. */
  async createApiKey(
    actor: Actor,
    institutionId: string,
    label: string,
    scopes: string[],
  ): Promise<{ key: ApiKey; token: string }> {
    requireOperatorOrInstitution(actor, institutionId);
    requireNotSuspended(actor);
    if (actor.kind === 'apikey') throw new Forbidden('An API key cannot create API keys');
    if (!(await this.institutions.findById(institutionId)))
      throw new NotFound('Institution', institutionId);
    if (scopes.length === 0)
      throw new InputValidationError('An API key needs at least one scope', { field: 'scopes' });
    const id = randomBytes(9).toString('base64url');
    const secret = randomBytes(32).toString('base64url');
    const key: ApiKey = {
      id,
      institutionId,
      label: boundedString(label, 'label', 100),
      scopes: [
        ...new Set(scopes.map((s) => requireOneOf<ApiKeyScope>(s, API_KEY_SCOPES, 'scopes'))),
      ],
      secretHash: sha256(secret),
      createdAt: this.now().toISOString(),
      createdBy: actor.kind === 'system' ? 'system' : 'userId' in actor ? actor.userId : 'unknown',
    };
    await audited(
      this.trail,
      actor,
      'apikey.create',
      { kind: 'apikey', id, label: key.label, institutionId },
      { after: key.scopes.join(', ') },
      () => this.apiKeys.insert(key),
    );
    return { key, token: `${API_KEY_PREFIX}_${id}_${secret}` };
  }

  async revokeApiKey(actor: Actor, keyId: string): Promise<ApiKey> {
    requireSignedIn(actor); // before the lookup: the public may not probe which key ids exist
    const key = await this.apiKeys.findById(keyId);
    if (!key) throw new NotFound('API key', keyId);
    requireOperatorOrInstitution(actor, key.institutionId);
    if (actor.kind === 'apikey') throw new Forbidden('An API key cannot revoke API keys');
    if (!key.revokedAt) {
      const at = this.now().toISOString();
      await audited(
        this.trail,
        actor,
        'apikey.revoke',
        { kind: 'apikey', id: key.id, label: key.label, institutionId: key.institutionId },
        { before: 'active', after: 'revoked' },
        () => this.apiKeys.markRevoked(keyId, at),
      );
      key.revokedAt = at;
    }
    return key;
  }

  async listApiKeys(actor: Actor, institutionId: string): Promise<ApiKey[]> {
    requireOperatorOrInstitution(actor, institutionId);
    return this.apiKeys.listByInstitution(institutionId);
  }

  /** Resolves `cbk_<id>_<secret>` to a live key; anything else is unauthenticated. */
  async authenticateApiKey(token: string): Promise<ApiKey> {
    const m = /^cbk_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) throw new Unauthenticated('Malformed API key');
    const key = await this.apiKeys.findById(m[1]!);
    const given = Buffer.from(sha256(m[2]!), 'hex');
    if (!key || !timingSafeEqual(given, Buffer.from(key.secretHash, 'hex'))) {
      throw new Unauthenticated('Unknown API key');
    }
    if (key.revokedAt) throw new Unauthenticated('This API key was revoked');
    return this.#noteUse(key);
  }

  /**
   * Records that a key was used, at most once a minute per key: the stored time is read with the
   * key anyway, and this process remembers its own writes so that a burst of requests writes once.
   */
  async #noteUse(key: ApiKey): Promise<ApiKey> {
    const now = this.now();
    const t = now.getTime();
    const stored = key.lastUsedAt ? Date.parse(key.lastUsedAt) : -Infinity;
    const written = this.#lastUseWritten.get(key.id) ?? -Infinity;
    if (t - Math.max(stored, written) < API_KEY_LAST_USE_RESOLUTION_MS) return key;
    this.#lastUseWritten.set(key.id, t);
    if (this.#lastUseWritten.size > 10_000) this.#lastUseWritten.clear();
    const lastUsedAt = now.toISOString();
    await this.apiKeys.markUsed(key.id, lastUsedAt);
    return { ...key, lastUsedAt };
  }
}

export const isApiKeyToken = (token: string): boolean => token.startsWith(`${API_KEY_PREFIX}_`);

const DUMMY_HASH = hashPassword('not-a-real-password-0000');
