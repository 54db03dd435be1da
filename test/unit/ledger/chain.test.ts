// Pure ledger parts: canonical JSON, the hash chain, the credit account fold, value objects, the keyed mutex.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../domain/shared/canonical.ts';
import { GENESIS_HASH, sealEntry, verifyChain } from '../../../domain/shared/chain.ts';
import {
  emptyAccount,
  foldEntries,
  rebuildAccount,
  viewAccount,
} from '../../../domain/accounts/accounts.ts';
import { KeyedMutex } from '../../../domain/shared/keyed-mutex.ts';
import { CreditAmountOutOfRange, InputValidationError } from '../../../domain/shared/errors.ts';
import { creditsToHundredths, localizedText, pastDate } from '../../../domain/shared/values.ts';
import type { AchievementContent, EntryBody, LedgerEntry } from '../../../domain/shared/types.ts';

const achievement = (over: Partial<AchievementContent> = {}): AchievementContent => ({
  kind: 'course',
  title: { zh: '课程', en: 'Course' },
  credits: 300,
  creditSystem: 'CN',
  category: 'major',
  level: 6,
  earnedAt: '2024-06-30',
  ...over,
});

/** A learner's chain built from bodies, as the service would build it. */
function chain(bodies: EntryBody[], institutionId = 'inst-a'): LedgerEntry[] {
  let prevHash = GENESIS_HASH;
  return bodies.map((body, i) => {
    const entry = sealEntry({
      id: `${institutionId}:r${i}`,
      learnerId: 'L',
      seq: i + 1,
      prevHash,
      institutionId,
      actor: { kind: 'staff' as const, id: 'u' },
      recordedAt: `2025-01-0${1 + (i % 9)}T00:00:00.000Z`,
      idempotencyKey: `${institutionId}:r${i}`,
      body,
    });
    prevHash = entry.hash;
    return entry;
  });
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and treats absent and null alike', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: null })).toBe(canonicalJson({ a: 1 }));
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
  });
});

describe('the hash chain', () => {
  const entries = () =>
    chain([
      { type: 'achievement', achievement: achievement() },
      { type: 'achievement', achievement: achievement({ credits: 100 }) },
    ]);

  it('verifies an intact chain and names the first broken link', () => {
    expect(verifyChain(entries())).toMatchObject({ valid: true, entries: 2, firstBroken: null });
    const altered = entries();
    (altered[0]!.body as { achievement: AchievementContent }).achievement.credits = 900;
    expect(verifyChain(altered).firstBroken).toMatchObject({ seq: 1, reason: 'HASH_MISMATCH' });
    const relinked = entries();
    relinked[1] = { ...relinked[1]!, prevHash: GENESIS_HASH };
    expect(verifyChain(relinked).firstBroken).toMatchObject({ seq: 2, reason: 'LINK_MISMATCH' });
    expect(verifyChain([entries()[1]!]).firstBroken).toMatchObject({
      seq: 1,
      reason: 'SEQUENCE_GAP',
    });
  });
});

describe('the credit account fold', () => {
  it('applies corrections, drops voids, keeps expired credits apart, and rebuilds to the same state', () => {
    const first = chain([{ type: 'achievement', achievement: achievement() }]);
    const id = first[0]!.id;
    const all = chain([
      { type: 'achievement', achievement: achievement() },
      {
        type: 'achievement',
        achievement: achievement({ credits: 200, category: 'general', expiresAt: '2020-01-01' }),
      },
      {
        type: 'correction',
        targetEntryId: id,
        reason: 'typo',
        achievement: achievement({ credits: 350 }),
      },
      { type: 'achievement', achievement: achievement({ credits: 50, creditSystem: 'ECTS' }) },
      { type: 'void', targetEntryId: 'inst-a:r3', reason: 'wrong learner' },
    ]);
    const state = rebuildAccount('L', all);
    expect(state.uptoSeq).toBe(5);
    const view = viewAccount(state, '2026-01-01');
    expect(view.totals).toEqual([{ system: 'CN', key: 'total', credits: 350 }]);
    expect(view.expired).toEqual([{ system: 'CN', key: 'expired', credits: 200 }]);
    expect(view.achievements).toBe(2);
    // Folding in two steps (as appends do) gives the same state as one rebuild.
    const effective = new Map();
    const half = foldEntries(emptyAccount('L'), all.slice(0, 2), effective);
    expect(foldEntries(half, all.slice(2), effective)).toEqual(state);
  });
});

describe('value objects', () => {
  it('keeps credits as exact hundredths and refuses absurd amounts', () => {
    expect(creditsToHundredths(3.5)).toBe(350);
    expect(creditsToHundredths(0.1 + 0.2)).toBe(30);
    for (const bad of [-1, 401, 1.005, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => creditsToHundredths(bad)).toThrow(CreditAmountOutOfRange);
    }
  });

  it('validates dates and bilingual text', () => {
    expect(() => pastDate('2024-02-30', 'earnedAt')).toThrow(InputValidationError);
    expect(() => pastDate('2999-01-01', 'earnedAt')).toThrow(/future/);
    expect(localizedText({ en: 'Calculus' }, 'title')).toEqual({ zh: 'Calculus', en: 'Calculus' });
    expect(() => localizedText({}, 'title')).toThrow(InputValidationError);
  });
});

describe('the keyed mutex', () => {
  it('serialises work per key and lets other keys run', async () => {
    const m = new KeyedMutex();
    const log: string[] = [];
    const task = (keys: string[], name: string, ms: number) =>
      m.run(keys, async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${name}`);
      });
    await Promise.all([
      task(['a'], 'a1', 20),
      task(['a'], 'a2', 1),
      task(['b'], 'b1', 1),
      task(['a', 'b'], 'ab', 1),
    ]);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
    expect(log.indexOf('end a2')).toBeLessThan(log.indexOf('start ab'));
  });
});

describe('recognised credits in the account', () => {
  it('are shown apart by receiving institution and never counted twice', () => {
    const entries = chain([
      { type: 'achievement', achievement: achievement({ credits: 300 }) },
      {
        type: 'achievement',
        achievement: achievement({
          kind: 'recognized',
          credits: 300,
          recognition: { ruleId: 'eq', ruleVersion: 1, sourceEntryIds: ['inst-a:r0'] },
        }),
      },
    ]);
    const view = viewAccount(rebuildAccount('L', entries), '2026-01-01');
    expect(view.totals).toEqual([{ system: 'CN', key: 'total', credits: 300 }]);
    expect(view.recognized).toEqual([{ system: 'CN', key: 'inst-a', credits: 300 }]);
    expect(view.achievements).toBe(1);
  });
});
