// Signed notes and checkpoints in the C2SP formats (signed-note, tlog-checkpoint, tlog-cosignature/v1) with Ed25519.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** Signature types of C2SP signed-note: 0x01 an Ed25519 note signature, 0x04 a timestamped cosignature. */
const ED25519 = 0x01;
const COSIGNATURE_V1 = 0x04;
const DASH = '\u2014 ';

export interface NoteVerifier {
  name: string;
  type: typeof ED25519 | typeof COSIGNATURE_V1;
  keyHash: Buffer;
  publicKey: KeyObject;
}

function keyHash(name: string, type: number, raw: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.from([type]), raw]))
    .digest()
    .subarray(0, 4);
}

const rawPublicKey = (k: KeyObject): Buffer =>
  Buffer.from((k.export({ format: 'jwk' }) as { x: string }).x, 'base64url');

const publicKeyFromRaw = (raw: Buffer): KeyObject =>
  createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });

/** A key name must be non-empty and hold no whitespace or '+' (signed-note). */
export function validKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name);
}

/** The verifier key string `<name>+<hex key hash>+<base64(type || public key)>` that anyone can keep. */
export function verifierKey(name: string, key: KeyObject, cosigner = false): string {
  const type = cosigner ? COSIGNATURE_V1 : ED25519;
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const raw = rawPublicKey(pub);
  return `${name}+${keyHash(name, type, raw).toString('hex')}+${Buffer.concat([Buffer.from([type]), raw]).toString('base64')}`;
}

export class NoteFormatError extends Error {
  override name = 'NoteFormatError';
}

export function parseVerifierKey(vkey: string): NoteVerifier {
  // The key's base64 may hold '+' itself: only the first two separate fields.
  const m = /^([^+\s]+)\+([^+]*)\+(\S+)$/.exec(vkey.trim());
  if (!m) throw new NoteFormatError('a verifier key is name+hash+key');
  const [, name, hash, b64] = m as unknown as [string, string, string, string];
  const bytes = Buffer.from(b64, 'base64');
  const type = bytes[0];
  if (!validKeyName(name) || !/^[0-9a-f]{8}$/.test(hash) || bytes.length !== 33)
    throw new NoteFormatError('malformed verifier key');
  if (type !== ED25519 && type !== COSIGNATURE_V1)
    throw new NoteFormatError('only Ed25519 note and cosignature keys are supported');
  const raw = bytes.subarray(1);
  const kh = keyHash(name, type, raw);
  if (kh.toString('hex') !== hash)
    throw new NoteFormatError('the verifier key hash does not match its key');
  return { name, type, keyHash: kh, publicKey: publicKeyFromRaw(raw) };
}

/** The body a note signature covers must be UTF-8 text ending in a newline, without other control characters. */
function checkBody(body: string): void {
  const control = [...body].some((ch) => {
    const c = ch.codePointAt(0)!;
    return (c < 0x20 && c !== 0x0a) || c === 0x7f;
  });
  if (!body.endsWith('\n') || control)
    throw new NoteFormatError('a note is text ending in a newline, without control characters');
}

/** A signature line over `body` by an Ed25519 key (the log's own signature). */
export function signatureLine(body: string, name: string, privateKey: KeyObject): string {
  checkBody(body);
  const raw = rawPublicKey(createPublicKey(privateKey));
  const sig = sign(null, Buffer.from(body, 'utf8'), privateKey);
  return `${DASH}${name} ${Buffer.concat([keyHash(name, ED25519, raw), sig]).toString('base64')}\n`;
}

const cosignedMessage = (body: string, time: bigint) =>
  Buffer.from(`cosignature/v1\ntime ${time.toString()}\n${body}`, 'utf8');

/** A tlog-cosignature/v1 line: a witness (here, an institution) vouches for the checkpoint at `time` (Unix seconds). */
export function cosignatureLine(
  body: string,
  name: string,
  privateKey: KeyObject,
  time: bigint,
): string {
  checkBody(body);
  const raw = rawPublicKey(createPublicKey(privateKey));
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(time);
  const sig = sign(null, cosignedMessage(body, time), privateKey);
  return `${DASH}${name} ${Buffer.concat([keyHash(name, COSIGNATURE_V1, raw), ts, sig]).toString('base64')}\n`;
}

export interface SignedNote {
  body: string;
  signatures: { name: string; keyHash: Buffer; signature: Buffer }[];
}

export function parseNote(text: string): SignedNote {
  const cut = text.lastIndexOf('\n\n');
  if (cut < 0) throw new NoteFormatError('a signed note has its signatures after a blank line');
  const body = text.slice(0, cut + 1);
  checkBody(body);
  const sigText = text.slice(cut + 2);
  if (!sigText.endsWith('\n')) throw new NoteFormatError('signature lines end in a newline');
  const signatures = sigText
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
      if (!m) throw new NoteFormatError(`malformed signature line: ${line.slice(0, 80)}`);
      const bytes = Buffer.from(m[2]!, 'base64');
      if (bytes.length < 5) throw new NoteFormatError('signature too short');
      return { name: m[1]!, keyHash: bytes.subarray(0, 4), signature: bytes.subarray(4) };
    });
  return { body, signatures };
}

/**
 * Checks the note's signature by `verifier`. A cosignature returns its time (Unix seconds);
 * `null` when the note carries no valid signature by that key.
 */
export function verifyNoteSignature(
  note: SignedNote,
  verifier: NoteVerifier,
): { time?: bigint } | null {
  for (const s of note.signatures) {
    if (s.name !== verifier.name || !s.keyHash.equals(verifier.keyHash)) continue;
    if (verifier.type === ED25519) {
      if (
        s.signature.length === 64 &&
        verify(null, Buffer.from(note.body, 'utf8'), verifier.publicKey, s.signature)
      )
        return {};
    } else if (s.signature.length === 72) {
      const time = s.signature.readBigUInt64BE(0);
      if (
        verify(null, cosignedMessage(note.body, time), verifier.publicKey, s.signature.subarray(8))
      )
        return { time };
    }
  }
  return null;
}

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Buffer;
  /** The lines after the root (here: `checkpoint <number> <time>` and `prev <hash of the previous body>`). */
  extensions: string[];
}

export function checkpointBody(c: Checkpoint): string {
  return `${c.origin}\n${c.size}\n${c.rootHash.toString('base64')}\n${c.extensions.map((e) => `${e}\n`).join('')}`;
}

export function parseCheckpoint(body: string): Checkpoint {
  const lines = body.split('\n');
  if (lines.at(-1) !== '' || lines.length < 4)
    throw new NoteFormatError('a checkpoint is origin, size and root hash, a line each');
  const [origin, size, root, ...rest] = lines.slice(0, -1) as [string, string, string, ...string[]];
  const rootHash = Buffer.from(root, 'base64');
  if (
    !origin ||
    !/^(0|[1-9]\d{0,15})$/.test(size) ||
    rootHash.length !== 32 ||
    rootHash.toString('base64') !== root
  )
    throw new NoteFormatError('malformed checkpoint');
  return { origin, size: Number(size), rootHash, extensions: rest };
}

/** The sha256 of a checkpoint's body, base64: what the next checkpoint names as its previous one. */
export const bodyHash = (body: string): string =>
  createHash('sha256').update(body, 'utf8').digest('base64');

/** What one leaf of the log says: a learner's chain had this head (`seq`, `hash`). */
export function headLeaf(learnerId: string, seq: number, headHash: string): Buffer {
  return Buffer.from(`creditbank-chain-head/v1\n${learnerId}\n${seq}\n${headHash}\n`, 'utf8');
}
