// A reviewer sees the source entries of a request made to it (recorded elsewhere), with their corrections; nobody else does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/identity/index.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let requestId: string;
let entryId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  const staffA: Actor = { kind: 'staff', userId: 'seed', institutionId: w.instA.id };
  const o = await t.services.ledger.recordAchievement(staffA, w.instA.id, {
    learnerId: w.learner1.id,
    sourceRecordId: 'SRC-1',
    kind: 'course',
    courseCode: 'MATH101',
    earnedAt: '2024-06-30',
    grade: { score: 80 },
  });
  if (o.status === 'conflict') throw new Error(o.message);
  entryId = o.entry.id;
  await t.services.ledger.correct(staffA, {
    entryId,
    sourceRecordId: 'SRC-1-fix',
    reason: 'grade typo',
    changes: { grade: { score: 88 } },
  });
  const r = await t.gql<{ requestRecognition: { id: string } }>(
    `mutation($input: RequestRecognitionInput!) { requestRecognition(input: $input) { ... on RecognitionRequest { id } ... on ResultError { message } } }`,
    { input: { entryIds: [entryId], targetInstitutionId: w.instB.id, creditSystem: 'CN' } },
    w.tokens.learner1,
  );
  requestId = r.data!.requestRecognition.id;
});
afterAll(() => t.close());

const QUERY = `query($id: ID!) { recognitionRequest(id: $id) { __typename
  ... on RecognitionRequest { sourceEntries { id type targetEntryId achievement { grade { score } } } }
  ... on ResultError { code } } }`;

describe('sourceEntries of a recognition request', () => {
  it('shows the reviewing institution the entries, oldest first, with their correction', async () => {
    const r = await t.gql<{
      recognitionRequest: { sourceEntries: { id: string; type: string; targetEntryId: string }[] };
    }>(QUERY, { id: requestId }, w.tokens.staffB);
    expect(r.data?.recognitionRequest.sourceEntries.map((e) => [e.type, e.targetEntryId])).toEqual([
      ['ACHIEVEMENT', null],
      ['CORRECTION', entryId],
    ]);
    // The same entry read directly stays out of the reviewer's reach.
    const direct = await t.gql<{ ledgerEntry: { __typename: string } }>(
      `query($id: ID!) { ledgerEntry(id: $id) { __typename } }`,
      { id: entryId },
      w.tokens.staffB,
    );
    expect(direct.data?.ledgerEntry.__typename).toBe('ResultError');
  });

  it('refuses another learner', async () => {
    const r = await t.gql<{ recognitionRequest: { __typename: string; code: string } }>(
      QUERY,
      { id: requestId },
      w.tokens.learner2,
    );
    expect(r.data?.recognitionRequest).toEqual({ __typename: 'ResultError', code: 'FORBIDDEN' });
  });
});
