// Text and dates are checked before hashing: what is hashed is what the real database stores, replays stay replays.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import type { AchievementInput } from '../../domain/ledger/achievement-input.ts';
import { isWellFormedText } from '../../domain/shared/canonical.ts';
import { entryHash } from '../../domain/shared/chain.ts';
import { DomainError } from '../../domain/shared/errors.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let staffA: Actor;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  staffA = { kind: 'staff', userId: 'registrar', institutionId: w.instA.id };
});
afterAll(() => t.close());

const RECORD = `mutation($i: ID!, $in: AchievementInput!) {
  recordAchievement(institutionId: $i, input: $in) {
    __typename
    ... on ResultError { code message field }
    ... on RecordAchievementOk { created entry { id achievement { title { zh en } } } }
  }
}`;

const RECORD_MANY = `mutation($i: ID!, $in: [AchievementInput!]!, $all: Boolean) {
  recordAchievements(institutionId: $i, inputs: $in, allOrNothing: $all) {
    __typename
    ... on ResultError { code message field }
    ... on RecordBatchOk { created duplicates failed rows { index status error { code field } } }
  }
}`;

const training = (sourceRecordId: string, extra: Record<string, unknown> = {}) => ({
  learnerId: w.learner2.id,
  sourceRecordId,
  kind: 'TRAINING',
  title: { en: 'Safety training' },
  credits: 1,
  creditSystem: 'CN',
  category: 'general',
  level: 3,
  earnedAt: '2024-06-30',
  ...extra,
});

async function chainOf(learnerId: string) {
  return t.services.ledger.verify(SYSTEM, learnerId);
}

describe('text before hashing', () => {
  it('refuses a lone surrogate as an input error, again on replay, and the chain stays valid', async () => {
    const input = training('LS-1', { title: { en: 'Safety \ud800 training' } });
    for (let i = 0; i < 2; i++) {
      const r = await t.gql(RECORD, { i: w.instA.id, in: input }, w.tokens.staffA);
      expect(r.data?.['recordAchievement']).toMatchObject({
        __typename: 'ResultError',
        code: 'INPUT_VALIDATION_ERROR',
        field: 'title',
      });
    }
    const chain = await chainOf(w.learner2.id);
    expect(chain.valid).toBe(true);
    expect((await t.services.ledger.record(SYSTEM, w.learner2.id)).items).toHaveLength(0);
  });

  it('stores decomposed text as NFC, and replaying the same request is a duplicate, not a CONFLICT', async () => {
    const input = training('NFC-1', { title: { en: 'Cafe\u0301 management', zh: '咖啡馆管理' } });
    const first = await t.gql(RECORD, { i: w.instA.id, in: input }, w.tokens.staffA);
    expect(first.data?.['recordAchievement']).toMatchObject({
      __typename: 'RecordAchievementOk',
      created: true,
      entry: { achievement: { title: { en: 'Café management' } } },
    });
    for (const again of [input, { ...input, title: { en: 'Café management', zh: '咖啡馆管理' } }]) {
      const r = await t.gql(RECORD, { i: w.instA.id, in: again }, w.tokens.staffA);
      expect(r.data?.['recordAchievement']).toMatchObject({ created: false });
    }
    expect((await chainOf(w.learner2.id)).valid).toBe(true);
  });

  it('refuses control characters in names and ids', async () => {
    for (const input of [
      training('CC-1', { title: { en: 'Bell\u0007' } }),
      training('CC-2\u001b[31m'),
      training('CC-3', { term: '2024\nspring' }),
    ]) {
      const r = await t.gql(RECORD, { i: w.instA.id, in: input }, w.tokens.staffA);
      expect(r.data?.['recordAchievement']).toMatchObject({ code: 'INPUT_VALIDATION_ERROR' });
    }
  });
});

describe('impossible dates', () => {
  it('are a typed error of their field, one record at a time', async () => {
    for (const [field, value] of [
      ['earnedAt', '2024-13-01'],
      ['earnedAt', '2024-01-32'],
      ['earnedAt', '9999-99-99'],
      ['expiresAt', '2024-13-01'],
      ['expiresAt', '9999-99-99'],
    ]) {
      const r = await t.gql(
        RECORD,
        { i: w.instA.id, in: training(`D-${field}-${value}`, { [field!]: value }) },
        w.tokens.staffA,
      );
      expect(r.status).toBe(200);
      expect(r.data?.['recordAchievement'], JSON.stringify(r)).toMatchObject({
        __typename: 'ResultError',
        code: 'INPUT_VALIDATION_ERROR',
        field,
      });
    }
  });

  it('fail only their own rows of a batch; the good rows are recorded once', async () => {
    const inputs = [
      training('DB-1'),
      training('DB-2', { earnedAt: '2024-13-01' }),
      training('DB-3'),
      training('DB-4', { expiresAt: '9999-99-99' }),
    ];
    const r = await t.gql(RECORD_MANY, { i: w.instA.id, in: inputs }, w.tokens.staffA);
    expect(r.data?.['recordAchievements']).toMatchObject({
      created: 2,
      failed: 2,
      rows: [
        { index: 0, status: 'CREATED' },
        { index: 1, status: 'ERROR', error: { code: 'INPUT_VALIDATION_ERROR', field: 'earnedAt' } },
        { index: 2, status: 'CREATED' },
        {
          index: 3,
          status: 'ERROR',
          error: { code: 'INPUT_VALIDATION_ERROR', field: 'expiresAt' },
        },
      ],
    });
    const again = await t.gql(RECORD_MANY, { i: w.instA.id, in: inputs }, w.tokens.staffA);
    expect(again.data?.['recordAchievements']).toMatchObject({ created: 0, duplicates: 2 });
  });

  it('with allOrNothing, one bad row writes nothing and every bad row is reported', async () => {
    const before = (await t.services.ledger.record(SYSTEM, w.learner2.id)).items.length;
    const inputs = [
      training('AON-1'),
      training('AON-2', { earnedAt: '2024-02-30' }),
      training('AON-3'),
      training('AON-4', { title: { en: '\udfff' } }),
    ];
    const r = await t.gql(RECORD_MANY, { i: w.instA.id, in: inputs, all: true }, w.tokens.staffA);
    expect(r.data?.['recordAchievements']).toMatchObject({
      created: 0,
      failed: 2,
      rows: [
        { index: 0, status: 'VALID' },
        { index: 1, status: 'ERROR', error: { field: 'earnedAt' } },
        { index: 2, status: 'VALID' },
        { index: 3, status: 'ERROR', error: { field: 'title' } },
      ],
    });
    expect((await t.services.ledger.record(SYSTEM, w.learner2.id)).items).toHaveLength(before);
    const ok = await t.gql(
      RECORD_MANY,
      { i: w.instA.id, in: [inputs[0], inputs[2]], all: true },
      w.tokens.staffA,
    );
    expect(ok.data?.['recordAchievements']).toMatchObject({ created: 2, failed: 0 });
  });
});

describe('asOf dates', () => {
  it('are calendar dates in credit accounts and audits', async () => {
    for (const asOf of ['2024-13-01', '2024-02-30', '9999-99-99']) {
      const r = await t.gql<{ creditAccount: { code: string; field: string } }>(
        `query($l: ID!, $d: Date) { creditAccount(learnerId: $l, asOf: $d) { __typename ... on ResultError { code field } } }`,
        { l: w.learner1.id, d: asOf },
        w.tokens.operator,
      );
      expect(r.data?.creditAccount, asOf).toMatchObject({
        code: 'INPUT_VALIDATION_ERROR',
        field: 'asOf',
      });
    }
  });
});

/** Text as careless and hostile systems send it: any code unit, lone surrogates, controls, combining marks. */
const anyText = fc.string({
  unit: fc.oneof(
    {
      weight: 1,
      arbitrary: fc.constantFrom('\ud800', '\udfff', '\u0000', '\u0007', '\n', '\t', '\u0085'),
    },
    {
      weight: 30,
      arbitrary: fc.constantFrom('a', 'Z', ' ', '学', '分', 'é', 'Å', '😀', 'ﬁ', 'Ω', '\u0301'),
    },
    { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 16,
});

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const badText = (s: string) => !isWellFormedText(s) || CONTROL.test(s.normalize('NFC'));

describe('random Unicode and values through the real database', () => {
  it('either refuses the row as input, or stores exactly what it hashed; the chain stays valid and a replay is a duplicate', async () => {
    let n = 0;
    let created = 0;
    await fc.assert(
      fc.asyncProperty(
        anyText,
        anyText,
        fc.option(anyText, { nil: undefined }),
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: 0, max: 10 }),
        fc.date({ min: new Date('1950-01-01'), max: new Date('2024-12-31'), noInvalidDate: true }),
        async (title, zh, term, hundredths, level, earned) => {
          const input: AchievementInput = {
            learnerId: w.learner1.id,
            sourceRecordId: `P-${n++}-${title.slice(0, 8)}`,
            kind: 'training',
            title: { en: title, zh },
            credits: hundredths / 100,
            creditSystem: 'ECTS',
            category: 'general',
            level,
            term,
            earnedAt: earned.toISOString().slice(0, 10),
          };
          let entry;
          try {
            const o = await t.services.ledger.recordAchievement(staffA, w.instA.id, input);
            if (o.status === 'conflict') throw new Error(o.message);
            entry = o.entry;
          } catch (err) {
            expect(err).toBeInstanceOf(DomainError);
            expect((err as DomainError).code).toBe('INPUT_VALIDATION_ERROR');
            const field = (err as DomainError).details?.['field'];
            // Refused only for a reason the rules name.
            if (field === 'title')
              expect(badText(title) || badText(zh) || !(title + zh).trim()).toBe(true);
            if (field === 'term') expect(badText(term!) || term!.trim().length > 20).toBe(true);
            if (field === 'sourceRecordId') expect(badText(input.sourceRecordId)).toBe(true);
            return;
          }
          created++;
          const stored = await t.services.ledger.entry(SYSTEM, entry.id);
          expect(stored.body).toEqual(entry.body);
          expect(entryHash(stored)).toBe(stored.hash);
          if (stored.body.type !== 'achievement') throw new Error('not an achievement');
          expect(stored.body.achievement.title.en).toBe(
            title.normalize('NFC').trim() || zh.normalize('NFC').trim(),
          );
          const again = await t.services.ledger.recordAchievement(staffA, w.instA.id, input);
          expect(again.status).toBe('duplicate');
        },
      ),
      { numRuns: 120 },
    );
    expect(created).toBeGreaterThan(10);
    const chain = await chainOf(w.learner1.id);
    expect(chain).toMatchObject({ valid: true, entries: created });
  }, 120_000);
});
