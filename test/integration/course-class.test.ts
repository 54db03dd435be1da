// A class (courseClass) found by one indexed lookup of its course: corrections, voids, paging, old entries keyed once, forged keys, and what it reads in a large institution.
import type { CommandStartedEvent, CommandSucceededEvent, Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createServices, type Services } from '../../api/services.ts';
import type { Actor } from '../../domain/identity/access.ts';
import { SYSTEM } from '../../domain/identity/access.ts';
import type { AchievementInput } from '../../domain/ledger/achievement-input.ts';
import type { LedgerEntry } from '../../domain/shared/index.ts';
import { ensureEqualityIndexes } from '../../embedded-db/indexes.ts';
import { connectDatabase, equalityFields, type Database } from '../../storage/connection.ts';
import { courseKey, keyCourseEntries, mongoRepositories } from '../../storage/repositories.ts';
import { createWorld, testConfig, type TestApp } from '../setup/app.ts';

const dbName = `class_${process.pid}_${Date.now().toString(36)}`;
let db: Database;
let s: Services;
let w: Awaited<ReturnType<typeof createWorld>>;
let staffA: Actor;
let staffB: Actor;
let clock = new Date('2026-04-01T08:00:00Z');
const tick = () => (clock = new Date(clock.getTime() + 1_000));

// What the driver sends and gets back while counting: commands by collection, documents returned.
let counting = false;
const finds: { collection: string; filter: Document }[] = [];
const docsRead = new Map<string, number>();
const collectionOf = new Map<number, string>();

const row = (learnerId: string, id: string, extra: Partial<AchievementInput> = {}) =>
  ({
    learnerId,
    sourceRecordId: id,
    kind: 'course',
    courseCode: 'MATH101',
    grade: { score: 80 },
    earnedAt: '2025-06-30',
    ...extra,
  }) as AchievementInput;

async function record(actor: Actor, institutionId: string, input: AchievementInput) {
  tick();
  const o = await s.ledger.recordAchievement(actor, institutionId, input);
  if (o.status === 'conflict') throw new Error(o.message);
  return o.entry;
}

const ids = (es: { entry: LedgerEntry }[]) => es.map((m) => m.entry.id);

/** Every page of a class, `n` at a time. */
async function whole(courseCode: string, term?: string, n = 100) {
  const out: { entry: LedgerEntry; credentialId: string | null }[] = [];
  let after: string | null = null;
  do {
    const page = await s.courseClasses.find(staffA, w.instA.id, { courseCode, term }, n, after);
    out.push(...page.items);
    after = page.nextCursor;
  } while (after);
  return out;
}

const oldestFirst = (es: LedgerEntry[]) =>
  [...es].sort((a, b) =>
    a.recordedAt === b.recordedAt ? (a.id < b.id ? -1 : 1) : a.recordedAt < b.recordedAt ? -1 : 1,
  );

beforeAll(async () => {
  db = await connectDatabase(inject('mongodbUri'), dbName, { monitorCommands: true });
  if (inject('postgresUrl'))
    await ensureEqualityIndexes(inject('postgresUrl'), dbName, equalityFields(db.models));
  s = createServices(db, testConfig({ VERIFY_WORKERS: '0' }), () => clock);
  const client = db.connection.getClient();
  client.on('commandStarted', (e: CommandStartedEvent) => {
    const collection: unknown = e.command[e.commandName];
    if (!counting) return;
    if (e.commandName === 'find' && typeof collection === 'string') {
      collectionOf.set(e.requestId, collection);
      finds.push({ collection, filter: (e.command['filter'] ?? {}) as Document });
    }
    if (e.commandName === 'getMore') collectionOf.set(e.requestId, String(e.command['collection']));
  });
  client.on('commandSucceeded', (e: CommandSucceededEvent) => {
    const collection = collectionOf.get(e.requestId);
    if (!counting || collection === undefined) return;
    const cursor = (e.reply as Document)['cursor'] as {
      firstBatch?: unknown[];
      nextBatch?: unknown[];
    };
    const n = (cursor?.firstBatch ?? cursor?.nextBatch ?? []).length;
    docsRead.set(collection, (docsRead.get(collection) ?? 0) + n);
  });
  w = await createWorld({ services: s } as TestApp);
  staffA = { kind: 'staff', userId: 'registrar-a', institutionId: w.instA.id };
  staffB = { kind: 'staff', userId: 'registrar-b', institutionId: w.instB.id };
  for (const [inst, code] of [
    [w.instA.id, 'CS200'],
    [w.instB.id, 'CS200'],
    [w.instA.id, 'BIO101'],
  ] as const)
    await s.catalogue.define(SYSTEM, inst, {
      code,
      title: { en: code },
      credits: 3,
      creditSystem: 'CN',
      level: 6,
      category: 'general',
      hours: 48,
    });
}, 120_000);

afterAll(async () => {
  await s?.close();
  await db?.connection.dropDatabase().catch(() => {});
  await db?.close();
});

describe('courseClass by its course key', () => {
  const math: LedgerEntry[] = [];
  let movedTo: LedgerEntry;
  let otherInstitution: LedgerEntry;
  let cs: LedgerEntry;

  beforeAll(async () => {
    // Six MATH101 results (two of them in 2025-fall), a CS200 one, and another institution's
    // MATH101 result for the same learner.
    for (let i = 0; i < 6; i++)
      math.push(
        await record(
          staffA,
          w.instA.id,
          row(i % 2 ? w.learner2.id : w.learner1.id, `CC-${i}`, i < 2 ? { term: '2025-fall' } : {}),
        ),
      );
    cs = await record(staffA, w.instA.id, row(w.learner1.id, 'CC-cs', { courseCode: 'CS200' }));
    otherInstitution = await record(staffB, w.instB.id, row(w.learner1.id, 'B-1'));
    // A correction that changes the course code: the result leaves MATH101 for CS200.
    tick();
    movedTo = await s.ledger.correct(staffA, {
      entryId: math[4]!.id,
      sourceRecordId: 'CC-4-move',
      reason: 'Recorded under the wrong course',
      changes: { courseCode: 'CS200' },
    });
    // A void: the result leaves the class and nothing takes its place.
    tick();
    await s.ledger.void(staffA, {
      entryId: math[5]!.id,
      sourceRecordId: 'CC-5-void',
      reason: 'Recorded for the wrong learner',
    });
  });

  it('finds the current results only: a moved result in its new course, a voided one nowhere', async () => {
    expect(ids(await whole('MATH101'))).toEqual(math.slice(0, 4).map((e) => e.id));
    const moved = await whole('CS200');
    expect(ids(moved)).toEqual([cs.id, movedTo.id]);
    expect(moved[1]!.entry.body.type).toBe('correction');
    expect(ids(await whole('MATH101', '2025-fall'))).toEqual([math[0]!.id, math[1]!.id]);
    // The other institution's MATH101 is its own class.
    const b = await s.courseClasses.find(staffB, w.instB.id, { courseCode: 'MATH101' });
    expect(ids(b.items)).toEqual([otherInstitution.id]);
  });

  it('pages across the cursor, oldest first, every result once', async () => {
    const all = await whole('MATH101');
    for (const n of [1, 2, 3]) expect(ids(await whole('MATH101', undefined, n))).toEqual(ids(all));
    expect(ids(all)).toEqual(ids(oldestFirst(all.map((m) => m.entry)).map((entry) => ({ entry }))));
    const first = await s.courseClasses.find(staffA, w.instA.id, { courseCode: 'MATH101' }, 3);
    expect(first.items).toHaveLength(3);
    const rest = await s.courseClasses.find(
      staffA,
      w.instA.id,
      { courseCode: 'MATH101' },
      3,
      first.nextCursor,
    );
    expect(ids(rest.items)).toEqual([math[3]!.id]);
    expect(rest.nextCursor).toBeNull();
  });

  it('reads the course by one courseKey lookup; the key is storage only', async () => {
    const find = vi.spyOn(db.models.Entry, 'find');
    await s.courseClasses.find(staffA, w.instA.id, { courseCode: 'MATH101' });
    const shapes = find.mock.calls.map((call) =>
      Object.keys(call[0] ?? {})
        .sort()
        .join(','),
    );
    find.mockRestore();
    // The course, then each candidate's corrections and voids on its learner's chain.
    expect(shapes[0]).toBe('courseKey');
    expect(new Set(shapes.slice(1))).toEqual(new Set(['learnerId,targetEntryId']));
    expect(equalityFields(db.models)['ledger_entries']).toContain('courseKey');
    const stored = (await db.models.Entry.findById(math[0]!.id).lean()) as Document;
    expect(stored['courseKey']).toBe(courseKey(w.instA.id, 'MATH101'));
    const read = await mongoRepositories(db.models).ledger.listByCourse(w.instA.id, 'MATH101');
    for (const e of read) expect(e).not.toHaveProperty('courseKey');
    expect((await s.ledger.checkedChain(w.learner1.id)).firstBroken).toBeNull();
    expect((await s.ledger.checkedChain(w.learner2.id)).firstBroken).toBeNull();
  });

  it('keys entries stored before the key existed, once, at start-up', async () => {
    const before = ids(await whole('MATH101'));
    const moved = ids(await whole('CS200'));
    await db.models.Entry.collection.updateMany({}, { $unset: { courseKey: '' } });
    expect(await whole('MATH101')).toEqual([]);
    // Already marked as done: a start does not search the ledger again.
    expect(await keyCourseEntries(db.models)).toBe(0);
    await db.models.StorageMark.deleteOne({ _id: 'ledger-entries-course-key' });
    // Every result with a course: 6 + 1 + 1 recorded, and the correction (the void has none).
    expect(await keyCourseEntries(db.models)).toBe(9);
    expect(ids(await whole('MATH101'))).toEqual(before);
    expect(ids(await whole('CS200'))).toEqual(moved);
    expect(await keyCourseEntries(db.models)).toBe(0);
  });

  it('finds nothing extra by a forged key: entries are checked against their hashed body', async () => {
    const before = ids(await whole('MATH101'));
    const forge = (id: string, key: string) =>
      db.models.Entry.collection.updateOne({ _id: id } as never, { $set: { courseKey: key } });
    // A CS200 result and the other institution's MATH101 result, both keyed as A's MATH101.
    await forge(movedTo.id, courseKey(w.instA.id, 'MATH101'));
    await forge(otherInstitution.id, courseKey(w.instA.id, 'MATH101'));
    try {
      expect(ids(await whole('MATH101'))).toEqual(before);
      const raw = await db.models.Entry.countDocuments({
        courseKey: courseKey(w.instA.id, 'MATH101'),
      });
      // The lookup does see them; the check against the body leaves them out.
      expect(raw).toBeGreaterThanOrEqual(before.length + 2);
    } finally {
      await forge(movedTo.id, courseKey(w.instA.id, 'CS200'));
      await forge(otherInstitution.id, courseKey(w.instB.id, 'MATH101'));
    }
  });
});

describe('what a class reads', () => {
  it('reads the class, not the institution: 5 results among 1,000 other entries', async () => {
    const training = (learnerId: string, id: string): AchievementInput => ({
      learnerId,
      sourceRecordId: id,
      kind: 'training',
      title: { en: 'Safety training' },
      credits: 1,
      creditSystem: 'CN',
      category: 'general',
      level: 5,
      earnedAt: '2024-06-30',
    });
    const bio = (i: number) =>
      record(staffA, w.instA.id, row(w.learner2.id, `BIO-${i}`, { courseCode: 'BIO101' }));
    const classIds = [(await bio(0)).id, (await bio(1)).id];
    tick();
    const others = Array.from({ length: 1_000 }, (_, i) =>
      training(i % 2 ? w.learner1.id : w.learner2.id, `TR-${i}`),
    );
    const rows = await s.ledger.recordBatch(staffA, w.instA.id, others);
    expect(rows.every((r) => r.status === 'created')).toBe(true);
    for (let i = 2; i < 5; i++) classIds.push((await bio(i)).id);
    const institutionEntries = await db.models.Entry.countDocuments({ institutionId: w.instA.id });
    expect(institutionEntries).toBeGreaterThan(1_005);

    finds.length = 0;
    docsRead.clear();
    counting = true;
    let page;
    try {
      page = await s.courseClasses.find(staffA, w.instA.id, { courseCode: 'BIO101' });
    } finally {
      counting = false;
    }
    expect(ids(page.items)).toEqual(classIds);
    const entryFinds = finds.filter((f) => f.collection === 'ledger_entries');
    // One lookup of the course and one of each result's corrections and voids (none): the 5
    // results are the only ledger entries read, where the walk read all of the institution's.
    expect(entryFinds).toHaveLength(1 + 5);
    expect(docsRead.get('ledger_entries')).toBe(5);
    console.log(
      `courseClass of 5 in an institution of ${institutionEntries} entries: ` +
        `${entryFinds.length} ledger finds, ${docsRead.get('ledger_entries')} entries read`,
    );
  }, 120_000);
});
