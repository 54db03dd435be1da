// Checks checkpoints, inclusion and consistency proofs (and optionally a learner's exported chain) offline: no database, no network.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { GENESIS_HASH } from '../domain/shared/index.ts';
import { leafHash, verifyConsistency, verifyInclusion } from '../domain/checkpoints/index.ts';
import {
  headLeaf,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  verifyNoteSignature,
  type Checkpoint,
  type NoteVerifier,
} from '../domain/checkpoints/index.ts';

export const VERIFY_USAGE = `usage: verify-checkpoint --key VERIFIER_KEY [--cosigner KEY ...] [--note KEPT.txt]
                         [--inclusion PROOF.json [--chain CHAIN.json]] [--consistency PROOF.json]
  --key         the log's verifier key (name+hash+key), or @FILE holding it
  --cosigner    an institution's verifier key whose co-signature must be on every note (repeatable)
  --note        a checkpoint note you kept: checked, and the proofs must agree with it
  --inclusion   an inclusion proof (chainInclusionProof as JSON): your chain head is in its checkpoint
  --chain       your chain as JSON: [{ "hash", "hashedContent" }, …] oldest first (learnerRecord)
  --consistency a consistency proof (checkpointConsistencyProof as JSON): the log only grew`;

/** One line of the outcome; `ok` false makes the whole check fail. */
export interface Finding {
  ok: boolean;
  message: string;
}

const b64 = (s: string) => Buffer.from(s, 'base64');

/** A file's text, or an error of one line that says why it cannot be read. */
function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new Error(`No such file: ${file}`);
    if (code === 'EACCES') throw new Error(`Cannot read ${file}: permission denied`);
    if (code === 'EISDIR') throw new Error(`${file} is not a file`);
    throw err;
  }
}

const value = (v: string) => (v.startsWith('@') ? readText(v.slice(1)).trim() : v);

function readJson(file: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readText(file));
  if (!parsed || typeof parsed !== 'object') throw new Error(`${file} is not a JSON object`);
  // Accept a whole GraphQL answer too: { data: { chainInclusionProof: {…} } }.
  const data = (parsed as { data?: Record<string, unknown> }).data;
  const inner = data ? Object.values(data)[0] : parsed;
  return inner as Record<string, unknown>;
}

/** Checks a note's signatures and returns its checkpoint. */
function checkNote(
  text: string,
  what: string,
  log: NoteVerifier,
  cosigners: NoteVerifier[],
  out: Finding[],
): Checkpoint | null {
  try {
    const note = parseNote(text);
    const cp = parseCheckpoint(note.body);
    if (cp.origin !== log.name) {
      out.push({ ok: false, message: `${what}: origin ${cp.origin} is not ${log.name}` });
      return null;
    }
    if (!verifyNoteSignature(note, log)) {
      out.push({ ok: false, message: `${what}: no valid signature by ${log.name}` });
      return null;
    }
    for (const c of cosigners) {
      const s = verifyNoteSignature(note, c);
      out.push(
        s
          ? {
              ok: true,
              message: `${what}: co-signed by ${c.name} at ${new Date(Number(s.time) * 1000).toISOString()}`,
            }
          : { ok: false, message: `${what}: no valid co-signature by ${c.name}` },
      );
    }
    const number = cp.extensions.find((l) => l.startsWith('checkpoint '))?.split(' ')[1] ?? '?';
    out.push({
      ok: true,
      message: `${what}: checkpoint ${number} signed by ${log.name}, ${cp.size} leaves, root ${cp.rootHash.toString('hex')}`,
    });
    return cp;
  } catch (err) {
    out.push({
      ok: false,
      message: `${what}: ${err instanceof Error ? err.message : String(err)}`,
    });
    return null;
  }
}

/** Recomputes a chain exported as [{ hash, hashedContent }] and returns its entries' hashes by seq. */
function checkChain(file: string, out: Finding[]): Map<number, string> | null {
  const raw: unknown = JSON.parse(readText(file));
  const items = Array.isArray(raw) ? raw : readJsonList(raw);
  const bySeq = new Map<number, string>();
  let prev = GENESIS_HASH;
  for (const [i, item] of (items as { hash?: unknown; hashedContent?: unknown }[]).entries()) {
    const content = typeof item.hashedContent === 'string' ? item.hashedContent : '';
    const hash = createHash('sha256').update(content, 'utf8').digest('hex');
    const parsed = JSON.parse(content) as { seq?: unknown; prevHash?: unknown };
    if (hash !== item.hash || parsed.seq !== i + 1 || parsed.prevHash !== prev) {
      out.push({ ok: false, message: `chain: entry ${i + 1} does not hash or link as stored` });
      return null;
    }
    bySeq.set(i + 1, hash);
    prev = hash;
  }
  out.push({ ok: true, message: `chain: ${bySeq.size} entries hash and link, head ${prev}` });
  return bySeq;
}

function readJsonList(raw: unknown): unknown[] {
  // A GraphQL learnerRecord answer: { data: { learnerRecord: { items: [...] } } }.
  const data = (raw as { data?: Record<string, { items?: unknown[] }> }).data;
  const items = data ? Object.values(data)[0]?.items : undefined;
  if (!Array.isArray(items)) throw new Error('the chain file is a JSON array of entries');
  return items;
}

export function verifyCheckpointFiles(args: string[]): { code: number; findings: Finding[] } {
  const { values } = parseArgs({
    args,
    options: {
      key: { type: 'string' },
      cosigner: { type: 'string', multiple: true },
      note: { type: 'string' },
      inclusion: { type: 'string' },
      chain: { type: 'string' },
      consistency: { type: 'string' },
    },
  });
  if (!values.key || (!values.note && !values.inclusion && !values.consistency))
    return { code: 2, findings: [{ ok: false, message: VERIFY_USAGE }] };
  const out: Finding[] = [];
  let log: NoteVerifier;
  let cosigners: NoteVerifier[];
  try {
    log = parseVerifierKey(value(values.key));
    cosigners = (values.cosigner ?? []).map((k) => parseVerifierKey(value(k)));
  } catch (err) {
    return { code: 2, findings: [{ ok: false, message: `--key: ${(err as Error).message}` }] };
  }
  const kept = values.note ? readText(values.note) : null;
  const keptCp = kept ? checkNote(kept, 'kept note', log, cosigners, out) : null;

  if (values.inclusion) {
    const p = readJson(values.inclusion);
    const cp = checkNote(String(p['note']), 'inclusion note', log, cosigners, out);
    if (cp) {
      const leaf = leafHash(
        headLeaf(String(p['learnerId']), Number(p['seq']), String(p['headHash'])),
      );
      const proof = (p['proof'] as string[]).map(b64);
      const ok =
        Number(p['treeSize']) === cp.size &&
        verifyInclusion(leaf, Number(p['leafIndex']), cp.size, proof, cp.rootHash);
      out.push({
        ok,
        message: ok
          ? `inclusion: learner ${String(p['learnerId'])} head seq ${String(p['seq'])} (${String(p['headHash'])}) is leaf ${String(p['leafIndex'])} of that checkpoint`
          : 'inclusion: the proof does not lead to the checkpoint root',
      });
      if (ok && keptCp && !keptCp.rootHash.equals(cp.rootHash))
        out.push({
          ok: true,
          message:
            'inclusion: proven against another checkpoint than the kept one: check --consistency between them',
        });
      if (ok && values.chain) {
        const chain = checkChain(values.chain, out);
        if (chain) {
          const at = chain.get(Number(p['seq']));
          out.push(
            at === p['headHash']
              ? { ok: true, message: `chain: entry ${String(p['seq'])} is the published head` }
              : {
                  ok: false,
                  message: `chain: entry ${String(p['seq'])} is ${at ? 'not the published head' : 'missing'}: deleted, truncated or rewritten since the checkpoint`,
                },
          );
        }
      }
    }
  }

  if (values.consistency) {
    const p = readJson(values.consistency);
    const a = checkNote(String(p['fromNote']), 'older note', log, cosigners, out);
    const b = checkNote(String(p['toNote']), 'newer note', log, cosigners, out);
    if (a && b) {
      const proof = (p['proof'] as string[]).map(b64);
      const ok = verifyConsistency(a.size, b.size, proof, a.rootHash, b.rootHash);
      out.push({
        ok,
        message: ok
          ? `consistency: the log of ${a.size} leaves is a prefix of the log of ${b.size}: nothing published was rewritten`
          : 'consistency: the newer checkpoint does NOT extend the older one: history was rewritten',
      });
      if (keptCp && !keptCp.rootHash.equals(a.rootHash) && !keptCp.rootHash.equals(b.rootHash))
        out.push({ ok: false, message: 'consistency: neither note is the kept one' });
    }
  }
  return { code: out.every((f) => f.ok) ? 0 : 1, findings: out };
}

const isMain = process.argv[1]?.endsWith('verify-checkpoint.ts');
if (isMain) {
  try {
    const { code, findings } = verifyCheckpointFiles(process.argv.slice(2));
    for (const f of findings)
      (f.ok ? console.log : console.error)(`${f.ok ? 'OK  ' : 'FAIL'} ${f.message}`);
    process.exit(code);
  } catch (err) {
    console.error(`FAIL ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  }
}
