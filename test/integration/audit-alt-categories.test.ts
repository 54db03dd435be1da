// Cross-listed courses (altCategories) recorded through GraphQL and through an import, then audited:
// the credits count under one of their categories, whichever lets the learner pass, never under two.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked by the expectations
type Json = Record<string, any>;

async function q(query: string, variables: Json, token?: string): Promise<Json> {
  const res = await t.gql<Json>(query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

const AUDIT = `query($l: ID!, $p: ID!) { degreeAudit(learnerId: $l, programmeId: $p) {
  ... on DegreeAudit { passed verdict
    requirements { id met counted }
    allocations { entryId requirementId } }
  ... on ResultError { code message } } }`;

const audit = async (learnerId: string, token: string) =>
  (await q(AUDIT, { l: learnerId, p: 'alt-cats' }, token))['degreeAudit'] as Json;

const RECORD = `mutation($i: ID!, $a: AchievementInput!) { recordAchievement(institutionId: $i, input: $a) {
  ... on RecordAchievementOk { entry { id achievement { category altCategories } } }
  ... on ResultError { code message field } } }`;

const record = async (a: Json) =>
  (await q(RECORD, { i: w.instA.id, a }, w.tokens.staffA))['recordAchievement'] as Json;

/** A course of institution A's catalogue, taken by a learner (the id is also the course code). */
const course = (learnerId: string, id: string, category: string, earnedAt: string) => ({
  learnerId,
  sourceRecordId: id,
  kind: 'COURSE',
  courseCode: id.toUpperCase(),
  category,
  grade: { score: 80 },
  earnedAt,
});

const CODES = [
  'ALT-M1',
  'ALT-M2',
  'ALT-X',
  'ALT-Y',
  'ALT-BAD1',
  'ALT-BAD2',
  'IMP-M1',
  'IMP-M2',
  'IMP-X',
];

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  for (const code of CODES) {
    const c = await q(
      `mutation($i: ID!, $c: CourseInput!) { defineCourse(institutionId: $i, input: $c) { ... on Course { code } ... on ResultError { error: code message } } }`,
      {
        i: w.instA.id,
        c: {
          code,
          title: { en: code, zh: code },
          credits: 3,
          creditSystem: 'CN',
          level: 6,
          category: 'major',
        },
      },
      w.tokens.staffA,
    );
    expect(c['defineCourse']).toEqual({ code });
  }
  const defined = await q(
    `mutation($d: String!) { defineProgramme(definition: $d) { ... on Programme { id } ... on ResultError { code message } } }`,
    {
      d: JSON.stringify({
        id: 'alt-cats',
        institutionId: w.instA.id,
        partnerInstitutionIds: [],
        name: { en: 'Cross-listing', zh: '跨类课程' },
        qualificationType: 'bachelor',
        level: 6,
        creditSystem: 'CN',
        requirements: {
          id: 'root',
          kind: 'allOf',
          children: [
            { id: 'major', kind: 'categoryCredits', categories: ['major'], min: 600 },
            { id: 'general', kind: 'categoryCredits', categories: ['general'], min: 300 },
          ],
        },
      }),
    },
    w.tokens.staffA,
  );
  expect(defined['defineProgramme']).toEqual({ id: 'alt-cats' });
});
afterAll(() => t.close());

describe('cross-listed courses through the API', () => {
  it('counts a course recorded with altCategories under the category that passes, once', async () => {
    const L = w.learner1.id;
    await record(course(L, 'alt-m1', 'major', '2022-03-10'));
    await record(course(L, 'alt-m2', 'major', '2022-04-10'));
    const plain = await record(course(L, 'alt-x', 'major', '2022-05-10'));
    expect(plain['entry'].achievement).toEqual({ category: 'major', altCategories: [] });
    // Three major courses: general is still missing, and nothing counts twice.
    const before = await audit(L, w.tokens.learner1);
    expect(before).toMatchObject({ passed: false, verdict: 'FAIL' });
    expect(before['requirements']).toEqual(
      expect.arrayContaining([
        { id: 'major', met: true, counted: 9 },
        { id: 'general', met: false, counted: 0 },
      ]),
    );

    const cross = await record({
      ...course(L, 'alt-y', 'major', '2022-06-10'),
      altCategories: ['general'],
    });
    expect(cross['entry'].achievement).toEqual({ category: 'major', altCategories: ['general'] });
    const r = await audit(L, w.tokens.learner1);
    expect(r).toMatchObject({ passed: true, verdict: 'PASS' });
    const y = r['allocations'].filter((a: Json) => a.entryId === cross['entry'].id);
    expect(y).toEqual([{ entryId: cross['entry'].id, requirementId: 'general' }]);
  });

  it('refuses a bad altCategories list beside the field, and drops a repeat of the category', async () => {
    const L = w.learner1.id;
    const bad = await record({
      ...course(L, 'alt-bad1', 'major', '2022-06-11'),
      altCategories: ['Not a word!'],
    });
    expect(bad).toMatchObject({ code: 'INPUT_VALIDATION_ERROR', field: 'altCategories' });
    const same = await record({
      ...course(L, 'alt-bad1', 'major', '2022-06-11'),
      altCategories: ['major'],
    });
    expect(same['entry'].achievement).toEqual({ category: 'major', altCategories: [] });
    const many = await record({
      ...course(L, 'alt-bad2', 'major', '2022-06-12'),
      altCategories: ['a', 'b', 'c', 'd', 'e'],
    });
    expect(many).toMatchObject({ code: 'INPUT_VALIDATION_ERROR', field: 'altCategories' });
  });

  it('reads altCategories from a CSV import ("|"-separated) and from JSON lines (an array)', async () => {
    const L = w.learner2.id;
    const nid = '330102200003152345';
    const csv = [
      'sourceRecordId,nationalId,kind,courseCode,category,altCategories,score,earnedAt',
      `imp-m1,${nid},course,IMP-M1,major,,80,2022-03-10`,
      `imp-x,${nid},course,IMP-X,major,general|elective,80,2022-05-10`,
    ].join('\n');
    const jsonl = JSON.stringify({
      sourceRecordId: 'imp-m2',
      nationalId: nid,
      kind: 'course',
      courseCode: 'IMP-M2',
      category: 'elective',
      altCategories: ['major'],
      score: 80,
      earnedAt: '2022-04-10',
    });
    const IMPORT = `mutation($i: ID!, $f: ImportFormat!, $d: String!) { importRecords(institutionId: $i, format: $f, data: $d) {
      ... on ImportReport { created failed errors { line message } } ... on ResultError { code message } } }`;
    const a = await q(IMPORT, { i: w.instA.id, f: 'CSV', d: csv }, w.tokens.staffA);
    expect(a['importRecords']).toEqual({ created: 2, failed: 0, errors: [] });
    const b = await q(IMPORT, { i: w.instA.id, f: 'JSONL', d: jsonl }, w.tokens.staffA);
    expect(b['importRecords']).toEqual({ created: 1, failed: 0, errors: [] });

    // M1 major; X counts as general (its first alternative), M2 (elective, cross-listed major) as major.
    const r = await audit(L, w.tokens.learner2);
    expect(r).toMatchObject({ passed: true, verdict: 'PASS' });
    expect(r['requirements']).toEqual(
      expect.arrayContaining([
        { id: 'major', met: true, counted: 6 },
        { id: 'general', met: true, counted: 3 },
      ]),
    );
  });
});
