// Who may print a credential (the learner, its issuer) and the public check behind a printed QR code.
import { timingSafeEqual } from 'node:crypto';
import { requireInstitution, requireSignedIn, type Actor } from '../identity/index.ts';
import type { CredentialEvent, IssuedCredentialRecord } from './credential-ports.ts';
import { Forbidden, InputValidationError, NotFound } from '../shared/index.ts';
import type { Institution } from '../shared/index.ts';

/** What a status change says to whoever reads the document: when, what and why. */
export interface StatusChange {
  action: CredentialEvent['action'];
  reason: string;
  at: string;
}

/** A credential as printed: the stored record, its issuer, its status history and the QR link. */
export interface PrintableCredential {
  record: IssuedCredentialRecord;
  institution: Institution;
  history: StatusChange[];
  /** The printed QR code's target: the verification page of exactly these bytes. */
  verificationUrl: string;
}

/** What the page behind a printed QR code shows: the credential, the verifier's report, its status. */
export interface PrintedCredentialCheck<R> {
  record: IssuedCredentialRecord;
  verification: R;
  history: StatusChange[];
}

export interface PrintableCredentialsDeps<R> {
  /** A stored credential, checked against the learner's chain (no access check). */
  findCredential(id: string): Promise<IssuedCredentialRecord | null>;
  /** The credential's status changes, oldest first. */
  events(credentialId: string): Promise<CredentialEvent[]>;
  institution(id: string): Promise<Institution>;
  verify(input: unknown): Promise<R>;
  publicUrl: string;
}

const DIGEST = /^[0-9a-f]{64}$/;

/** The path part of a credential id in a URL: a urn:uuid loses its prefix, anything else is encoded. */
export function credentialPathId(id: string): string {
  return id.startsWith('urn:uuid:') ? id.slice('urn:uuid:'.length) : encodeURIComponent(id);
}

/** The credential id a URL's path part stands for (the inverse of credentialPathId). */
export function credentialIdFromPath(raw: string): string {
  return raw.includes(':') ? raw : `urn:uuid:${raw}`;
}

export class PrintableCredentials<R> {
  constructor(private readonly d: PrintableCredentialsDeps<R>) {}

  /**
   * A credential to print: for its learner, or for the institution that issued it (its staff, or
   * its system with an API key that may issue credentials). Nobody else, not even the operator:
   * a printed diploma is the holder's or the issuer's document.
   */
  async forPrinting(actor: Actor, id: string): Promise<PrintableCredential> {
    requireSignedIn(actor);
    const record = await this.d.findCredential(id);
    if (!record) throw new NotFound('Credential', id);
    if (actor.kind === 'learner') {
      if (actor.learnerId !== record.learnerId)
        throw new Forbidden('Only the learner or the issuing institution may print a credential');
    } else if (actor.kind === 'staff' || actor.kind === 'apikey') {
      requireInstitution(actor, record.institutionId, 'credentials:issue', 'read');
    } else if (actor.kind !== 'system') {
      throw new Forbidden('Only the learner or the issuing institution may print a credential');
    }
    return {
      record,
      institution: await this.d.institution(record.institutionId),
      history: await this.#history(record.id),
      verificationUrl: this.verificationUrl(record),
    };
  }

  /**
   * The address a printed credential's QR code carries. It names the credential and the SHA-256 of
   * its exact bytes: whoever holds the document (or its bytes) can open it, and nobody can open a
   * credential by guessing or learning its id alone.
   */
  verificationUrl(record: Pick<IssuedCredentialRecord, 'id' | 'hash'>): string {
    return `${this.d.publicUrl}/verify/credentials/${credentialPathId(record.id)}?d=${record.hash}`;
  }

  /**
   * Public: the check behind a printed QR code. A wrong or missing digest answers exactly as an
   * unknown credential does, so the link reveals nothing to whoever lacks the document.
   */
  async openPrinted(id: string, digest: unknown): Promise<PrintedCredentialCheck<R>> {
    if (typeof digest !== 'string' || !DIGEST.test(digest))
      throw new InputValidationError(
        'd must be the SHA-256 of the credential, 64 hexadecimal digits, as printed in the QR code',
        { field: 'd' },
      );
    const record = await this.d.findCredential(id);
    if (!record || !sameDigest(record.hash, digest)) throw new NotFound('Credential', id);
    const input: unknown = record.serialized.trimStart().startsWith('{')
      ? JSON.parse(record.serialized)
      : record.serialized;
    return {
      record,
      verification: await this.d.verify(input),
      history: await this.#history(record.id),
    };
  }

  async #history(id: string): Promise<StatusChange[]> {
    return (await this.d.events(id))
      .map((e) => ({ action: e.action, reason: e.reason, at: e.at }))
      .sort((a, b) => a.at.localeCompare(b.at));
  }
}

function sameDigest(stored: string, given: string): boolean {
  const a = Buffer.from(stored.toLowerCase());
  const b = Buffer.from(given.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}
