// Bearer tokens: EdDSA JWTs signed and checked with jose (algorithm, issuer, audience and expiry pinned).
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Actor } from '../domain/identity/index.ts';
import { Unauthenticated } from '../domain/shared/index.ts';
import type { UserAccount } from '../domain/shared/index.ts';

export interface TokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
  privateKeyPem: string;
}

export class TokenService {
  readonly #privateKey: KeyObject;
  readonly #publicKey: KeyObject;

  constructor(private readonly settings: TokenSettings) {
    this.#privateKey = createPrivateKey(settings.privateKeyPem);
    this.#publicKey = createPublicKey(this.#privateKey);
  }

  async issue(user: UserAccount, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.settings.ttlSeconds;
    const token = await new SignJWT({
      role: user.role,
      // Which "sign out everywhere" the token was issued after; checked against the user store.
      ep: user.tokenEpoch ?? 0,
      ...(user.institutionId ? { inst: user.institutionId } : {}),
      ...(user.learnerId ? { lrn: user.learnerId } : {}),
    })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.#privateKey);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The actor a token speaks for, and its epoch (the services check both against the user store). */
  async verify(token: string): Promise<{ actor: Actor; epoch: number }> {
    try {
      const { payload } = await jwtVerify(token, this.#publicKey, {
        algorithms: ['EdDSA'],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const sub = payload.sub!;
      // Tokens issued before epochs existed carry none: they belong to epoch 0.
      const ep = payload['ep'] ?? 0;
      if (typeof ep !== 'number' || !Number.isInteger(ep))
        throw new Unauthenticated('The token is not valid');
      const epoch = ep;
      if (payload['role'] === 'operator')
        return { actor: { kind: 'operator', userId: sub }, epoch };
      if (payload['role'] === 'staff' && typeof payload['inst'] === 'string') {
        return { actor: { kind: 'staff', userId: sub, institutionId: payload['inst'] }, epoch };
      }
      if (payload['role'] === 'learner' && typeof payload['lrn'] === 'string') {
        return { actor: { kind: 'learner', userId: sub, learnerId: payload['lrn'] }, epoch };
      }
      throw new Unauthenticated('The token carries no known role');
    } catch (err) {
      if (err instanceof Unauthenticated) throw err;
      if (err instanceof joseErrors.JWTExpired)
        throw new Unauthenticated('The token has expired; sign in again');
      throw new Unauthenticated('The token is not valid');
    }
  }
}
