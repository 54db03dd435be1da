// One-time codes for activation and password reset: a learner's sign-in bound to the registered learner, and staff or operator accounts.
import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  actorRef,
  requireNotSuspended,
  requireOperator,
  requireOperatorOrInstitution,
  requireSignedIn,
  type Actor,
} from './access.ts';
import { Conflict, Forbidden, InputValidationError, NotFound } from '../shared/index.ts';
import type { Accounts } from './identity.ts';
import { isActivated, validEmail, validPassword } from './identity.ts';
import { audited, type OperatorActionLog } from './operator-audit.ts';
import type { ActorRef, Learner, UserAccount } from '../shared/index.ts';

export type AccountCodePurpose = 'activation' | 'reset';

/** A code as stored: only its hash; the code itself is shown once, to the staff member who made it. */
export interface AccountCode {
  id: string;
  purpose: AccountCodePurpose;
  /**
   * A learner's code: activation binds the new sign-in to this learner, reset resets their sign-in.
   * Exactly one of learnerId and userId is set.
   */
  learnerId?: string | undefined;
  /** A staff or operator account's code: activation sets its first password, reset a new one. */
  userId?: string | undefined;
  codeHash: string;
  createdAt: string;
  expiresAt: string;
  createdBy: ActorRef;
}

export interface AccountCodeRepository {
  insert(code: AccountCode): Promise<void>;
  /** Every code made for this learner and purpose (a handful). */
  listFor(learnerId: string, purpose: AccountCodePurpose): Promise<AccountCode[]>;
  /** Every code made for this staff or operator account and purpose (a handful). */
  listForUser(userId: string, purpose: AccountCodePurpose): Promise<AccountCode[]>;
  /**
   * Claims a one-off mark on a code (`used`, or `fail:<n>`): true for the first claimant, false when
   * it is claimed already. A unique key, so it holds across processes without transactions.
   */
  claim(codeId: string, mark: string): Promise<boolean>;
  /** Gives a `used` mark back (the account could not be written after all). */
  unclaim(codeId: string, mark: string): Promise<void>;
  /** The marks claimed on a code. */
  marks(codeId: string): Promise<string[]>;
}

export const CODE_HOURS: Record<AccountCodePurpose, number> = { activation: 14 * 24, reset: 24 };
/** Wrong tries allowed on one code; after that it is locked and a new code is needed. */
export const MAX_CODE_ATTEMPTS = 5;

// No 0/O, 1/I/L: a code is read aloud or copied from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

export const normaliseCode = (raw: string): string =>
  String(raw ?? '')
    .replace(/[\s-]/g, '')
    .toUpperCase();

const hashCode = (id: string, code: string) =>
  createHash('sha256')
    .update(`${id}:${normaliseCode(code)}`)
    .digest('hex');

function newCode(): string {
  let c = '';
  for (let i = 0; i < CODE_LENGTH; i++) c += ALPHABET[randomInt(ALPHABET.length)];
  return `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}`;
}

export interface AccountCodeDeps {
  codes: AccountCodeRepository;
  accounts: Accounts;
  findLearner(id: string): Promise<Learner | null>;
  /** The learner with this national ID number (normalised and hashed by the learner registry). */
  findLearnerByNationalId(nationalId: string): Promise<Learner | null>;
  /** Whether the institution knows this learner: registered them or recorded something for them. */
  institutionKnowsLearner(institutionId: string, learnerId: string): Promise<boolean>;
  now: () => Date;
  /** Where codes made for staff and operator accounts are written down (the operator audit trail). */
  trail?: OperatorActionLog | undefined;
}

/** A staff member (or operator) activating the account made for them. */
export interface StaffActivationInput {
  email: string;
  code: string;
  password: string;
}

/** Whose codes: a learner's, or a staff or operator account's. */
type Holder = { learnerId: string } | { userId: string };

export interface ActivationInput {
  nationalId: string;
  code: string;
  email: string;
  password: string;
}

export interface ResetInput {
  email: string;
  code: string;
  password: string;
}

const wrongCode = (field = 'code') =>
  new InputValidationError('The code does not match: check it, or ask for a new one', { field });

export class AccountCodes {
  constructor(private readonly d: AccountCodeDeps) {}

  /**
   * Staff of an institution that knows the learner, or the operator, makes a code for the learner
   * in front of them (real-name: the code binds the sign-in to this registered learner). A newer
   * code replaces every earlier one of the same purpose.
   */
  async create(
    actor: Actor,
    learnerId: string,
    purpose: AccountCodePurpose,
  ): Promise<{ code: string; record: AccountCode }> {
    requireSignedIn(actor);
    if (actor.kind !== 'operator' && actor.kind !== 'system' && actor.kind !== 'staff')
      throw new Forbidden('Only institution staff or the operator hand out account codes');
    requireNotSuspended(actor);
    const learner = await this.d.findLearner(String(learnerId));
    if (!learner) throw new NotFound('Learner', learnerId);
    if (
      actor.kind === 'staff' &&
      !(await this.d.institutionKnowsLearner(actor.institutionId, learner.id))
    ) {
      throw new Forbidden(
        'Your institution has neither registered this learner nor recorded anything for them',
      );
    }
    const existing = await this.d.accounts.findUserByLearner(learner.id);
    if (purpose === 'activation' && existing)
      throw new Conflict('This learner has activated a sign-in already: give a reset code instead');
    if (purpose === 'reset' && !existing)
      throw new Conflict('This learner has no sign-in yet: give an activation code instead');
    return this.#issue(actor, { learnerId: learner.id }, purpose);
  }

  /**
   * The operator, or staff of the account's institution (not an API key), makes a code for a staff
   * account; only the operator makes one for an operator account. Activation while the account
   * waits for its first password, reset once it has one. A newer code replaces earlier ones.
   */
  async createForUser(
    actor: Actor,
    userId: string,
    purpose: AccountCodePurpose,
  ): Promise<{ code: string; record: AccountCode; user: UserAccount }> {
    requireSignedIn(actor);
    const user = await this.d.accounts.findUser(String(userId));
    if (!user || user.role === 'learner') {
      // A learner's codes are made for the learner (createAccountCode), never through their account.
      if (user) throw new Forbidden("A learner's codes are made with createAccountCode");
      throw new NotFound('User', userId);
    }
    if (user.role === 'operator') requireOperator(actor);
    else {
      requireOperatorOrInstitution(actor, user.institutionId ?? '');
      requireNotSuspended(actor);
      // A key could otherwise take over a staff login, which may do more than the key's scopes.
      if (actor.kind === 'apikey') throw new Forbidden('An API key cannot make account codes');
    }
    if (user.disabledAt) throw new Conflict('This account is disabled: enable it first');
    if (purpose === 'activation' && isActivated(user))
      throw new Conflict('This account is activated already: give a reset code instead');
    if (purpose === 'reset' && !isActivated(user))
      throw new Conflict('This account is not activated yet: give an activation code instead');
    const made = await audited(
      this.d.trail,
      actor,
      purpose === 'activation' ? 'user.activation-code' : 'user.reset-code',
      { kind: 'user', id: user.id, label: user.email, institutionId: user.institutionId },
      { after: `${purpose} code` },
      () => this.#issue(actor, { userId: user.id }, purpose),
      (m) => `${purpose} code, expires ${m.record.expiresAt}`,
    );
    return { ...made, user };
  }

  async #issue(
    actor: Actor,
    holder: Holder,
    purpose: AccountCodePurpose,
  ): Promise<{ code: string; record: AccountCode }> {
    // Strictly after every earlier code of the holder, so "the newest" is always one code.
    const earlier = await this.#list(holder, purpose);
    const last = Math.max(0, ...earlier.map((c) => Date.parse(c.createdAt)));
    const now = new Date(Math.max(this.d.now().getTime(), last + 1));
    const id = randomUUID();
    const code = newCode();
    const record: AccountCode = {
      id,
      purpose,
      ...holder,
      codeHash: hashCode(id, code),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + CODE_HOURS[purpose] * 3_600_000).toISOString(),
      createdBy: actorRef(actor),
    };
    await this.d.codes.insert(record);
    return { code, record };
  }

  #list(holder: Holder, purpose: AccountCodePurpose): Promise<AccountCode[]> {
    return 'learnerId' in holder
      ? this.d.codes.listFor(holder.learnerId, purpose)
      : this.d.codes.listForUser(holder.userId, purpose);
  }

  /** Anyone holding a code activates the sign-in of the learner it was made for. */
  async activate(input: ActivationInput): Promise<UserAccount> {
    const email = validEmail(input.email);
    validPassword(input.password);
    if (!normaliseCode(input.code)) throw wrongCode();
    const learner = await this.d.findLearnerByNationalId(input.nationalId);
    // The same answer for an unknown ID number as for a wrong code: nobody learns who is registered.
    if (!learner) throw wrongCode();
    if (await this.d.accounts.findUserByLearner(learner.id))
      throw new Conflict(
        'This learner has activated a sign-in already: sign in, or reset the password',
        {
          field: 'nationalId',
        },
      );
    if (await this.d.accounts.findUserByEmail(email))
      throw new Conflict(`An account for ${email} exists already`, { field: 'email' });
    const code = await this.#redeem({ learnerId: learner.id }, 'activation', input.code);
    try {
      return await this.d.accounts.createLearnerAccount({ kind: 'system' }, learner.id, {
        email,
        name: learner.name,
        password: input.password,
      });
    } catch (err) {
      // Nothing half-done: the code works again for the next try.
      await this.d.codes.unclaim(code.id, 'used');
      throw err;
    }
  }

  /**
   * The holder of a staff or operator account waiting for activation chooses its password with the
   * activation code they were given, and is signed in.
   */
  async activateStaff(input: StaffActivationInput): Promise<UserAccount> {
    validEmail(input.email);
    validPassword(input.password);
    if (!normaliseCode(input.code)) throw wrongCode();
    const user = await this.d.accounts.findUserByEmail(String(input.email));
    // The same answer for an unknown email, a learner's or an activated account as for a wrong
    // code: nobody learns which accounts exist.
    if (!user || user.role === 'learner' || isActivated(user)) throw wrongCode();
    if (user.disabledAt) throw new Conflict('This account is disabled', { field: 'email' });
    const code = await this.#redeem({ userId: user.id }, 'activation', input.code);
    try {
      return await this.d.accounts.replacePassword(user, input.password);
    } catch (err) {
      await this.d.codes.unclaim(code.id, 'used');
      throw err;
    }
  }

  /**
   * Whoever holds a reset code sets a new password (a learner's sign-in, or a staff or operator
   * account); every earlier token stops working.
   */
  async reset(input: ResetInput): Promise<UserAccount> {
    validPassword(input.password);
    const user = await this.d.accounts.findUserByEmail(String(input.email ?? ''));
    if (!user || !isActivated(user)) throw wrongCode();
    const holder: Holder | null = user.learnerId
      ? { learnerId: user.learnerId }
      : user.role !== 'learner'
        ? { userId: user.id }
        : null;
    if (!holder) throw wrongCode();
    await this.#redeem(holder, 'reset', input.code);
    return this.d.accounts.replacePassword(user, input.password);
  }

  /** Checks a code against the newest one of its purpose, counts a wrong try, and uses it up. */
  async #redeem(holder: Holder, purpose: AccountCodePurpose, given: string): Promise<AccountCode> {
    const codes = await this.#list(holder, purpose);
    const latest = codes.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    if (!latest) throw wrongCode();
    const marks = await this.d.codes.marks(latest.id);
    const failures = marks.filter((m) => m.startsWith('fail:')).length;
    if (failures >= MAX_CODE_ATTEMPTS) {
      throw new InputValidationError(
        `This code was entered wrongly ${MAX_CODE_ATTEMPTS} times and is locked: ask for a new one`,
        { field: 'code' },
      );
    }
    const expected = Buffer.from(latest.codeHash, 'hex');
    const actual = Buffer.from(hashCode(latest.id, given), 'hex');
    if (!timingSafeEqual(expected, actual)) {
      // The first free failure slot: at most MAX_CODE_ATTEMPTS ever, however many processes try.
      for (let n = failures + 1; n <= MAX_CODE_ATTEMPTS; n++) {
        if (await this.d.codes.claim(latest.id, `fail:${n}`)) break;
      }
      throw wrongCode();
    }
    if (marks.includes('used'))
      throw new InputValidationError('This code has been used already', { field: 'code' });
    if (Date.parse(latest.expiresAt) <= this.d.now().getTime()) {
      throw new InputValidationError(
        `This code expired on ${latest.expiresAt}: ask for a new one`,
        {
          field: 'code',
        },
      );
    }
    if (!(await this.d.codes.claim(latest.id, 'used')))
      throw new InputValidationError('This code has been used already', { field: 'code' });
    return latest;
  }
}
