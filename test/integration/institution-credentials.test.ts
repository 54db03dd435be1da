// An institution's credentials (the paged, filtered list) and a class found on the server, on the real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../domain/identity/access.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';
import { programmeCredentials } from '../../storage/credential-repositories.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let clock = new Date('2026-03-01T08:00:00Z');
const ids: { learner1: string[]; learner2: string[] } = { learner1: [], learner2: [] };
const entryIds: string[] = [];

const LIST = `query($i: ID!, $f: InstitutionCredentialsFilter, $n: Int, $a: String) {
  institutionCredentials(institutionId: $i, filter: $f, first: $n, after: $a) {
    __typename
    ... on IssuedCredentialPage {
      items { id learnerId kind revoked suspended programmeId issuedAt }
      pageInfo { hasNextPage endCursor }
    }
    ... on ResultError { code message field }
  }
}`;

interface Page {
  __typename: string;
  code?: string;
  field?: string;
  items: {
    id: string;
    learnerId: string;
    revoked: boolean;
    suspended: boolean;
    issuedAt: string;
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function list(vars: Record<string, unknown>, token = w.tokens.staffA): Promise<Page> {
  const res = await t.gql<{ institutionCredentials: Page }>(
    LIST,
    { i: w.instA.id, ...vars },
    token,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.institutionCredentials;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  w = await createWorld(t);
  const staffA = { kind: 'staff', userId: 'registrar', institutionId: w.instA.id } as const;
  // Seven credentials, a minute apart: four for learner 1 (one of them a programme's), three for learner 2.
  for (let i = 0; i < 7; i++) {
    const learner = i % 2 === 0 ? w.learner1 : w.learner2;
    const o = await t.services.ledger.recordAchievement(staffA, w.instA.id, {
      learnerId: learner.id,
      sourceRecordId: `IC-${i}`,
      kind: 'course',
      courseCode: 'MATH101',
      earnedAt: '2025-06-30',
      grade: { score: 80 },
    });
    if (o.status === 'conflict') throw new Error('conflict');
    entryIds.push(o.entry.id);
    clock = new Date(clock.getTime() + 60_000);
    const c = await t.services.credentials.issue(SYSTEM, {
      institutionId: w.instA.id,
      learnerId: learner.id,
      what: { kind: 'achievement', entryId: o.entry.id },
      format: 'vc+jwt',
      requestKey: `ic-${i}`,
      ...(i === 6 ? { programmeId: 'BSC-CS' } : {}),
    });
    ids[i % 2 === 0 ? 'learner1' : 'learner2'].push(c.id);
  }
  await t.services.credentials.changeStatus(SYSTEM, ids.learner1[0]!, 'revoked', 'Issued in error');
  await t.services.credentials.changeStatus(SYSTEM, ids.learner2[0]!, 'suspended', 'Under review');
});
afterAll(async () => {
  await t.close();
});

describe('institutionCredentials', () => {
  it('pages newest first with a cursor, every credential once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list({ n: 3, a: after });
      expect(page.__typename).toBe('IssuedCredentialPage');
      seen.push(...page.items.map((c) => c.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    const all = [...ids.learner1, ...ids.learner2];
    expect([...seen].sort()).toEqual([...all].sort());
    const first = await list({ n: 7 });
    const times = first.items.map((c) => c.issuedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('filters by state, learner, kind and programme', async () => {
    const revoked = await list({ f: { status: 'REVOKED' } });
    expect(revoked.items.map((c) => c.id)).toEqual([ids.learner1[0]]);
    const suspended = await list({ f: { status: 'SUSPENDED' } });
    expect(suspended.items.map((c) => c.id)).toEqual([ids.learner2[0]]);
    const active = await list({ f: { status: 'ACTIVE' } });
    expect(active.items).toHaveLength(5);
    expect(active.items.every((c) => !c.revoked && !c.suspended)).toBe(true);
    const ofLearner2 = await list({ f: { learnerId: w.learner2.id, status: 'ACTIVE' } });
    expect(ofLearner2.items.map((c) => c.id).sort()).toEqual(ids.learner2.slice(1).sort());
    expect((await list({ f: { kind: 'TRANSCRIPT' } })).items).toEqual([]);
    expect((await list({ f: { kind: 'ACHIEVEMENT' } })).items).toHaveLength(7);
    const programme = await list({ f: { programmeId: 'BSC-CS' } });
    expect(programme.items).toMatchObject([{ id: ids.learner1[3], programmeId: 'BSC-CS' }]);
  });

  it('gives a credential an award issued before credentials stored their programme the one its award entry names, once', async () => {
    // As stored by an earlier version: an award's credential without its programme, and the
    // award's (hashed) ledger entry naming both.
    const [credentialId, kept] = [ids.learner2[2]!, ids.learner1[3]!];
    const award = (learnerId: string, credentialId: string, n: number, programmeId: string) =>
      t.services.ledger.appendTrusted(SYSTEM, {
        learnerId,
        institutionId: w.instA.id,
        sourceRecordId: `award-backfill-${n}`,
        body: {
          type: 'award',
          programmeId,
          programmeVersion: 1,
          applicationId: `app-${n}`,
          credentialId,
        },
      });
    await award(w.learner2.id, credentialId, 1, 'BA-HIST');
    // One that has its programme keeps it.
    await award(w.learner1.id, kept, 2, 'BA-OTHER');
    await t.db.models.StorageMark.deleteOne({ _id: 'credentials-programme-id' });
    expect(await programmeCredentials(t.db.models)).toBe(1);
    expect(await programmeCredentials(t.db.models)).toBe(0);
    expect((await list({ f: { programmeId: 'BA-HIST' } })).items.map((c) => c.id)).toEqual([
      credentialId,
    ]);
    expect((await list({ f: { programmeId: 'BSC-CS' } })).items.map((c) => c.id)).toEqual([kept]);
    await t.db.models.Credential.collection.updateOne({ _id: credentialId } as never, {
      $unset: { programmeId: '' },
    });
  });

  it('answers bad input with a typed error beside the field, and other institutions with FORBIDDEN', async () => {
    expect(await list({ n: 0 })).toMatchObject({ code: 'INPUT_VALIDATION_ERROR', field: 'first' });
    expect(await list({ n: 101 })).toMatchObject({ field: 'first' });
    expect(await list({ a: 'not a cursor' })).toMatchObject({ field: 'after' });
    expect(await list({ a: Buffer.from('x|y|z').toString('base64url') })).toMatchObject({
      field: 'after',
    });
    expect(await list({}, w.tokens.staffB)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await list({}, w.tokens.learner1)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await list({}, w.tokens.operator)).items).toHaveLength(7);
  });
});

describe('courseClass', () => {
  const CLASS = `query($i: ID!, $c: String!, $t: String, $n: Int, $a: String) {
    courseClass(institutionId: $i, courseCode: $c, term: $t, first: $n, after: $a) {
      __typename
      ... on CourseClassPage {
        items { credentialId entry { id type sourceRecordId } }
        pageInfo { hasNextPage endCursor }
      }
      ... on ResultError { code message field }
    }
  }`;
  interface ClassPage {
    __typename: string;
    code?: string;
    field?: string;
    items: { credentialId: string | null; entry: { id: string; type: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  }
  const find = async (vars: Record<string, unknown>, token = w.tokens.staffA) => {
    const res = await t.gql<{ courseClass: ClassPage }>(
      CLASS,
      { i: w.instA.id, c: 'MATH101', ...vars },
      token,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.courseClass;
  };
  let corrected = '';

  beforeAll(async () => {
    const staffA = { kind: 'staff', userId: 'registrar', institutionId: w.instA.id } as const;
    // One result corrected (the correction is current, the original is not), one voided.
    corrected = (
      await t.services.ledger.correct(staffA, {
        entryId: entryIds[1]!,
        sourceRecordId: 'IC-1-fix',
        reason: 'Grade re-marked',
        changes: { grade: { score: 90 } },
      })
    ).id;
    await t.services.ledger.void(staffA, {
      entryId: entryIds[2]!,
      sourceRecordId: 'IC-2-void',
      reason: 'Recorded for the wrong learner',
    });
    // One result has its class credential already.
    await t.services.credentials.issue(SYSTEM, {
      institutionId: w.instA.id,
      learnerId: w.learner2.id,
      what: { kind: 'achievement', entryId: entryIds[3]! },
      format: 'vc+jwt',
      requestKey: `class:${entryIds[3]}`,
    });
  });

  it('finds the current results of a course, oldest first, paged, each with its class credential', async () => {
    const seen: ClassPage['items'] = [];
    let after: string | null = null;
    do {
      const page: ClassPage = await find({ n: 2, a: after });
      expect(page.__typename).toBe('CourseClassPage');
      seen.push(...page.items);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const expected = [0, 3, 4, 5, 6].map((i) => entryIds[i]!).concat(corrected);
    expect(seen.map((m) => m.entry.id)).toEqual(expected);
    expect(seen.find((m) => m.entry.id === corrected)?.entry.type).toBe('CORRECTION');
    expect(seen.filter((m) => m.credentialId).map((m) => m.entry.id)).toEqual([entryIds[3]]);
  });

  it('filters by term, answers bad input beside the field, and other institutions with FORBIDDEN', async () => {
    expect((await find({ t: '2024-spring' })).items).toEqual([]);
    expect((await find({ c: 'NOPE101' })).items).toEqual([]);
    expect(await find({ c: '  ' })).toMatchObject({ field: 'courseCode' });
    expect(await find({ n: 201 })).toMatchObject({ field: 'first' });
    expect(await find({ a: 'bad' })).toMatchObject({ field: 'after' });
    expect(await find({}, w.tokens.staffB)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await find({}, w.tokens.learner1)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await find({}, w.tokens.operator)).items).toHaveLength(6);
  });
});
