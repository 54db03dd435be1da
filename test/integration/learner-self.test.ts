// A learner may leave out learnerId when asking about their own record; anyone else must name the learner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../domain/demo/index.ts';
import { createTestApp, type TestApp } from '../setup/app.ts';

let t: TestApp;
const tokens = new Map<string, string>();

async function signIn(email: string): Promise<string> {
  const known = tokens.get(email);
  if (known) return known;
  const r = await t.gql<{ login: { token: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ... on LoginOk { token } } }',
    { e: email, p: DEMO_PASSWORD },
  );
  const token = r.data!.login.token;
  tokens.set(email, token);
  return token;
}

async function me(email: string): Promise<string> {
  const r = await t.gql<{ me: { learner: { id: string } } }>(
    '{ me { learner { id } } }',
    {},
    await signIn(email),
  );
  return r.data!.me.learner.id;
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services, () => {});
}, 120_000);
afterAll(() => t.close());

/** Each question a learner asks about their own record, with learnerId as a variable that may be left out. */
const QUESTIONS = {
  learnerRecord:
    'query($l: ID) { learnerRecord(learnerId: $l) { ... on LedgerPage { items { id hash } } ... on ResultError { code field } } }',
  creditAccount:
    'query($l: ID) { creditAccount(learnerId: $l) { ... on CreditAccount { learnerId totals { creditSystem credits } } ... on ResultError { code field } } }',
  verifyChain:
    'query($l: ID) { verifyChain(learnerId: $l) { ... on ChainVerification { valid entries headHash } ... on ResultError { code field } } }',
  degreeAudit:
    'query($l: ID) { degreeAudit(learnerId: $l, programmeId: "kr-cb-ba-business") { ... on DegreeAudit { learnerId passed missing { en } } ... on ResultError { code field } } }',
  whatIfAudit:
    'query($l: ID) { whatIfAudit(learnerId: $l, programmeId: "kr-cb-ba-business") { ... on DegreeAudit { learnerId passed } ... on ResultError { code field } } }',
  learnerCredentials:
    'query($l: ID) { learnerCredentials(learnerId: $l) { ... on IssuedCredentialList { items { id } } ... on ResultError { code field } } }',
  credentialShares:
    'query($l: ID) { credentialShares(learnerId: $l) { ... on CredentialShareList { items { id } } ... on ResultError { code field } } }',
} as const;

describe.each(Object.entries(QUESTIONS))('%s', (field, query) => {
  it('answers a learner who leaves out learnerId exactly as when they name themselves', async () => {
    const token = await signIn('park.jimin@learner.example');
    const named = await t.gql(query, { l: await me('park.jimin@learner.example') }, token);
    const omitted = await t.gql(query, {}, token);
    expect(named.errors).toBeUndefined();
    expect(omitted.errors).toBeUndefined();
    expect(JSON.stringify(named.data)).not.toContain('ResultError');
    expect((named.data as Record<string, { code?: string }>)[field]!.code).toBeUndefined();
    expect(omitted.data).toEqual(named.data);
  });

  it('asks staff to name the learner (INPUT_VALIDATION_ERROR on learnerId)', async () => {
    const r = await t.gql(query, {}, await signIn('registrar@kr-cb.example'));
    expect(r.errors).toBeUndefined();
    expect((r.data as Record<string, unknown>)[field]).toEqual({
      code: 'INPUT_VALIDATION_ERROR',
      field: 'learnerId',
    });
  });

  it('still refuses a learner who names someone else', async () => {
    const r = await t.gql(
      query,
      { l: await me('kim.minjun@learner.example') },
      await signIn('park.jimin@learner.example'),
    );
    expect((r.data as Record<string, { code?: string }>)[field]!.code).toBe('FORBIDDEN');
  });
});

describe('learnerRecord(order: NEWEST_FIRST)', () => {
  const page = `query($a: String, $o: RecordOrder) { learnerRecord(first: 2, after: $a, order: $o) {
    ... on LedgerPage { items { seq } pageInfo { hasNextPage endCursor } } ... on ResultError { code field } } }`;
  type Page = {
    learnerRecord: {
      items: { seq: number }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      code?: string;
      field?: string;
    };
  };
  const readAll = async (token: string, order: string) => {
    const seqs: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const r: { data?: Page | null; errors?: unknown } = await t.gql<Page>(
        page,
        { a: after, o: order },
        token,
      );
      expect(r.errors).toBeUndefined();
      seqs.push(...r.data!.learnerRecord.items.map((e) => e.seq));
      if (!r.data!.learnerRecord.pageInfo.hasNextPage) return seqs;
      after = r.data!.learnerRecord.pageInfo.endCursor;
    }
    throw new Error('did not end');
  };

  it('gives a learner their own record newest first, the same entries as oldest first', async () => {
    const token = await signIn('park.jimin@learner.example');
    const oldest = await readAll(token, 'OLDEST_FIRST');
    expect(oldest.length).toBeGreaterThan(2);
    expect(await readAll(token, 'NEWEST_FIRST')).toEqual(oldest.toReversed());
  });

  it('refuses a cursor that is not one (INPUT_VALIDATION_ERROR on after)', async () => {
    const token = await signIn('park.jimin@learner.example');
    const r = await t.gql<Page>(page, { a: 'not a cursor', o: 'NEWEST_FIRST' }, token);
    expect(r.data!.learnerRecord).toEqual({ code: 'INPUT_VALIDATION_ERROR', field: 'after' });
  });
});
