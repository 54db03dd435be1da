// The ledger hash format versions: old chains still verify, new entries hash every stored field.
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../../domain/shared/canonical.ts';
import { GENESIS_HASH, entryHash, sealEntry, verifyChain } from '../../../domain/shared/chain.ts';
import type { EntryBody, LedgerEntry } from '../../../domain/shared/types.ts';

const course: EntryBody = {
  type: 'achievement',
  achievement: {
    kind: 'course',
    title: { zh: '课程', en: 'Course' },
    credits: 300,
    creditSystem: 'CN',
    category: 'major',
    level: 6,
    earnedAt: '2024-06-30',
  },
};

const base = (seq: number, prevHash: string, body: EntryBody) => ({
  id: `inst:r${seq}`,
  learnerId: 'L',
  seq,
  prevHash,
  institutionId: 'inst',
  actor: { kind: 'staff' as const, id: 'u' },
  recordedAt: '2025-01-01T00:00:00.000Z',
  idempotencyKey: `inst:r${seq}`,
  body,
});

/** An entry exactly as the code before hash version 2 wrote it (the rule spelled out here on purpose). */
function v1(seq: number, prevHash: string, body: EntryBody): LedgerEntry {
  const b = base(seq, prevHash, body);
  const { id: _id, ...hashed } = b;
  const hash = sha256Hex(canonicalJson(hashed));
  return {
    ...b,
    ...('targetEntryId' in body ? { targetEntryId: body.targetEntryId } : {}),
    hash,
  };
}

describe('ledger hash versions', () => {
  it('verifies a chain written under version 1 and continued under version 2', () => {
    const a = v1(1, GENESIS_HASH, course);
    const b = v1(2, a.hash, { type: 'void', targetEntryId: a.id, reason: 'wrong learner' });
    expect(entryHash(a)).toBe(a.hash);
    const c = sealEntry(base(3, b.hash, course));
    const d = sealEntry(base(4, c.hash, { type: 'void', targetEntryId: c.id, reason: 'x' }));
    expect(c.hashVersion).toBe(2);
    expect(d.targetEntryId).toBe(c.id);
    expect(verifyChain([a, b, c, d])).toMatchObject({ valid: true, entries: 4 });
  });

  it("puts a void's stored target inside the hash: moving it breaks the entry", () => {
    const a = sealEntry(base(1, GENESIS_HASH, course));
    const b = sealEntry(base(2, a.hash, course));
    const v = sealEntry(base(3, b.hash, { type: 'void', targetEntryId: a.id, reason: 'r' }));
    const moved = { ...v, targetEntryId: b.id };
    expect(verifyChain([a, b, moved]).firstBroken).toMatchObject({
      seq: 3,
      reason: 'HASH_MISMATCH',
    });
    // Re-hashed by someone who can write: the stored copy still disagrees with the body.
    const { hash: _h, ...rest } = moved;
    const rehashed = { ...rest, hash: entryHash(rest) };
    expect(verifyChain([a, b, rehashed]).firstBroken).toMatchObject({ reason: 'INDEX_MISMATCH' });
  });

  it('checks the stored target of a version 1 entry against its hashed body', () => {
    const a = v1(1, GENESIS_HASH, course);
    const b = v1(2, a.hash, course);
    const v = v1(3, b.hash, { type: 'void', targetEntryId: a.id, reason: 'r' });
    expect(verifyChain([a, b, { ...v, targetEntryId: b.id }]).firstBroken).toMatchObject({
      seq: 3,
      reason: 'INDEX_MISMATCH',
    });
  });

  it("puts the entry's id inside the hash and refuses a downgrade to version 1", () => {
    const a = sealEntry(base(1, GENESIS_HASH, course));
    expect(verifyChain([{ ...a, id: 'inst:other' }]).firstBroken?.reason).toBe('HASH_MISMATCH');
    const b = sealEntry(base(2, a.hash, course));
    const { hashVersion: _v, hash: _h, ...rest } = b;
    const downgraded = v1(2, a.hash, rest.body);
    expect(verifyChain([a, downgraded]).firstBroken).toMatchObject({
      seq: 2,
      reason: 'VERSION_DOWNGRADE',
    });
    expect(verifyChain([a, { ...b, hashVersion: 7 }]).firstBroken?.reason).toBe('HASH_MISMATCH');
  });
});
