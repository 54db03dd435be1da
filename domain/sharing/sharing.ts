// Sharing a credential by consent: a learner gives someone a link that shows one credential until it
// expires or is withdrawn, and sees every time it was opened.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { canReadWholeRecord, requireSignedIn, type Actor } from '../identity/index.ts';
import type { VerificationReport } from '../../credentials/index.ts';
import type { IssuedCredentialRecord } from '../issuance/index.ts';
import { DomainError, Forbidden, Gone, InputValidationError, NotFound } from '../shared/index.ts';

export interface CredentialShare {
  id: string;
  /** SHA-256 (hex) of the link's secret: the secret itself is shown once and never stored. */
  tokenHash: string;
  credentialId: string;
  learnerId: string;
  /** Whom the learner shares with, in the learner's words (an employer, an agency…). */
  audience: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string | undefined;
}

/** One opening of a shared link: appended, never changed. */
export interface ShareView {
  id: string;
  shareId: string;
  learnerId: string;
  at: string;
  /** The name the viewer gave, if any (unverified: the viewer says who they are). */
  viewer?: string | undefined;
  userAgent?: string | undefined;
  /** How the credential was opened: the HTTP link or GraphQL. */
  via: 'link' | 'graphql';
}

export interface ShareRepository {
  insert(share: CredentialShare): Promise<void>;
  findById(id: string): Promise<CredentialShare | null>;
  findByTokenHash(tokenHash: string): Promise<CredentialShare | null>;
  listByLearner(learnerId: string): Promise<CredentialShare[]>;
  /** Sets revokedAt unless it is set already. */
  revoke(id: string, at: string): Promise<void>;
  addView(view: ShareView): Promise<void>;
  /** Every view of a learner's shares, oldest first. */
  viewsByLearner(learnerId: string): Promise<ShareView[]>;
}

export interface ShareWithViews extends CredentialShare {
  active: boolean;
  views: ShareView[];
}

/** What the learner gets back once, when sharing: the link carries the secret. */
export interface CreatedShare {
  share: ShareWithViews;
  token: string;
  url: string;
}

export interface ShareRequest {
  credentialId: string;
  audience: string;
  /** How long the link works, in hours: 1 to 2,160 (90 days); 168 (a week) when not given. */
  expiresInHours?: number | null | undefined;
}

export interface Viewer {
  via: ShareView['via'];
  name?: string | null | undefined;
  userAgent?: string | null | undefined;
}

export const DEFAULT_SHARE_HOURS = 168;
export const MAX_SHARE_HOURS = 2160;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const bounded = (text: string | null | undefined, max: number) => {
  const t = text?.trim();
  return t ? t.slice(0, max) : undefined;
};

export interface SharingDeps {
  shares: ShareRepository;
  /** The credential by id (no access check: the service checks ownership itself). */
  findCredential(id: string): Promise<IssuedCredentialRecord | null>;
  /** The verifier every door uses (a JSON document, or a compact JWT as it is). */
  verify(input: unknown): Promise<VerificationReport>;
  publicUrl: string;
  now: () => Date;
}

export class SharingService {
  constructor(private readonly d: SharingDeps) {}

  /** The learner shares one of their credentials: only they may, and only their own. */
  async share(actor: Actor, req: ShareRequest): Promise<CreatedShare> {
    requireSignedIn(actor);
    if (actor.kind !== 'learner') throw new Forbidden('Only the learner shares their credentials');
    const credential = await this.d.findCredential(req.credentialId);
    if (!credential) throw new NotFound('Credential', req.credentialId);
    if (credential.learnerId !== actor.learnerId)
      throw new Forbidden('You may share only your own credentials');
    const audience = bounded(req.audience, 200);
    if (!audience)
      throw new InputValidationError('Say whom you share with (1 to 200 characters)', {
        field: 'audience',
      });
    const hours = req.expiresInHours ?? DEFAULT_SHARE_HOURS;
    if (!Number.isInteger(hours) || hours < 1 || hours > MAX_SHARE_HOURS) {
      throw new InputValidationError(
        `expiresInHours must be a whole number from 1 to ${MAX_SHARE_HOURS} (90 days)`,
        { field: 'expiresInHours' },
      );
    }
    const now = this.d.now();
    const token = randomBytes(32).toString('base64url');
    const share: CredentialShare = {
      id: randomUUID(),
      tokenHash: hashToken(token),
      credentialId: credential.id,
      learnerId: credential.learnerId,
      audience,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + hours * 3_600_000).toISOString(),
    };
    await this.d.shares.insert(share);
    return { share: this.#withViews(share, []), token, url: this.urlOf(token) };
  }

  /** Withdraws a share at once; withdrawing it again changes nothing. */
  async revoke(actor: Actor, shareId: string): Promise<ShareWithViews> {
    requireSignedIn(actor);
    if (actor.kind !== 'learner') throw new Forbidden('Only the learner withdraws their shares');
    const share = await this.d.shares.findById(shareId);
    if (!share) throw new NotFound('Share', shareId);
    if (share.learnerId !== actor.learnerId)
      throw new Forbidden('You may withdraw only your own shares');
    if (!share.revokedAt) await this.d.shares.revoke(share.id, this.d.now().toISOString());
    const after = (await this.d.shares.findById(share.id)) ?? share;
    return this.#withViews(after, await this.#viewsOf(after));
  }

  /** A learner's shares, newest first, each with who opened it and when (the learner and the operator). */
  async list(actor: Actor, learnerId: string): Promise<ShareWithViews[]> {
    requireSignedIn(actor);
    if (!canReadWholeRecord(actor, learnerId))
      throw new Forbidden("Only the learner may see the learner's shares");
    const [shares, views] = await Promise.all([
      this.d.shares.listByLearner(learnerId),
      this.d.shares.viewsByLearner(learnerId),
    ]);
    return shares
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((s) =>
        this.#withViews(
          s,
          views.filter((v) => v.shareId === s.id),
        ),
      );
  }

  /**
   * Opens a shared link (anyone holding it may): the credential and its verification, with the
   * opening recorded for the learner to see. A link that never existed is NOT_FOUND; a withdrawn
   * or expired one is GONE.
   */
  async open(
    token: string,
    viewer: Viewer,
  ): Promise<{
    share: CredentialShare;
    credential: IssuedCredentialRecord;
    verification: VerificationReport;
  }> {
    const share = TOKEN.test(token) ? await this.d.shares.findByTokenHash(hashToken(token)) : null;
    if (!share) throw new DomainError('NOT_FOUND', 'No shared link has this token');
    const now = this.d.now();
    if (share.revokedAt) throw new Gone(`The learner withdrew this link on ${share.revokedAt}`);
    if (Date.parse(share.expiresAt) <= now.getTime())
      throw new Gone(`This link expired on ${share.expiresAt}`);
    const credential = await this.d.findCredential(share.credentialId);
    if (!credential) throw new NotFound('Credential', share.credentialId);
    await this.d.shares.addView({
      id: randomUUID(),
      shareId: share.id,
      learnerId: share.learnerId,
      at: now.toISOString(),
      via: viewer.via,
      viewer: bounded(viewer.name, 200),
      userAgent: bounded(viewer.userAgent, 300),
    });
    const input: unknown =
      credential.format === 'vc+jwt' ? credential.serialized : JSON.parse(credential.serialized);
    return { share, credential, verification: await this.d.verify(input) };
  }

  urlOf(token: string): string {
    return `${this.d.publicUrl}/shared/${token}`;
  }

  async #viewsOf(share: CredentialShare): Promise<ShareView[]> {
    return (await this.d.shares.viewsByLearner(share.learnerId)).filter(
      (v) => v.shareId === share.id,
    );
  }

  #withViews(share: CredentialShare, views: ShareView[]): ShareWithViews {
    const active = !share.revokedAt && Date.parse(share.expiresAt) > this.d.now().getTime();
    return { ...share, active, views };
  }
}
