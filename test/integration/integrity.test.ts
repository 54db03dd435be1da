// What the chain did not cover, changed in the database as an attacker with write access would: each is now caught.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import type { LedgerEntry } from '../../domain/shared/types.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let staff: Actor;

const record = async (learnerId: string, id: string): Promise<LedgerEntry> => {
  const o = await t.services.ledger.recordAchievement(staff, w.instA.id, {
    learnerId,
    sourceRecordId: id,
    kind: 'course',
    courseCode: 'MATH101',
    earnedAt: '2024-06-30',
    grade: { score: 80 },
  });
  if (o.status === 'conflict') throw new Error(o.message);
  return o.entry;
};

async function freshLearner(n: number) {
  const { learner } = await t.services.learners.register(SYSTEM, {
    nationalId: `33010020010101${String(n).padStart(4, '0')}`,
    name: `Learner ${n}`,
  });
  return learner.id;
}

const issue = (learnerId: string, entryId: string) =>
  t.services.credentials.issue(staff, {
    institutionId: w.instA.id,
    learnerId,
    what: { kind: 'achievement', entryId },
  });

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  staff = { kind: 'staff', userId: 's', institutionId: w.instA.id };
});
afterAll(() => t.close());

describe('what the chain did not cover', () => {
  it("a void's target pointed elsewhere in the database: no credential for either entry", async () => {
    const l = await freshLearner(1);
    const a = await record(l, 'V-A');
    const b = await record(l, 'V-B');
    const v = await t.services.ledger.void(staff, {
      entryId: a.id,
      sourceRecordId: 'V-void',
      reason: 'wrong learner',
    });
    await expect(issue(l, a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await t.db.models.Entry.collection.updateOne({ _id: v.id } as never, {
      $set: { targetEntryId: b.id },
    });
    expect((await t.services.ledger.verify(SYSTEM, l)).firstBroken).toMatchObject({
      seq: 3,
      reason: 'HASH_MISMATCH',
    });
    // Before: the voided entry was signed and the live one refused.
    await expect(issue(l, a.id)).rejects.toMatchObject({ code: 'INTEGRITY_ERROR' });
    await expect(issue(l, b.id)).rejects.toMatchObject({ code: 'INTEGRITY_ERROR' });
  });

  it('an entry whose hash no longer matches is not signed into a credential', async () => {
    const l = await freshLearner(2);
    const a = await record(l, 'H-A');
    await t.db.models.Entry.collection.updateOne({ _id: a.id } as never, {
      $set: { 'body.achievement.credits': 40000 },
    });
    await expect(issue(l, a.id)).rejects.toMatchObject({
      code: 'INTEGRITY_ERROR',
      message: expect.stringMatching(/broken at entry 1 .*HASH_MISMATCH/),
    });
    const res = await t.gql<{ issueCredential: { code: string } }>(
      `mutation($inst: ID!, $i: IssueCredentialInput!) { issueCredential(institutionId: $inst, input: $i) { ... on ResultError { code } } }`,
      { inst: w.instA.id, i: { learnerId: l, kind: 'ACHIEVEMENT', entryId: a.id } },
      w.tokens.staffA,
    );
    expect(res.data?.issueCredential).toEqual({ code: 'INTEGRITY_ERROR' });
  });

  it('rebuilding accounts stops on a broken chain and names it, folding nothing', async () => {
    const l = await freshLearner(3);
    const a = await record(l, 'R-A');
    await record(l, 'R-B');
    const before = await t.services.ledger.account(SYSTEM, l);
    await t.db.models.Entry.collection.updateOne({ _id: a.id } as never, {
      $set: { 'body.achievement.credits': 9900 },
    });
    await expect(t.services.ledger.rebuildAccount(SYSTEM, l)).rejects.toMatchObject({
      code: 'INTEGRITY_ERROR',
      message: expect.stringContaining(`learner ${l} is broken at entry 1 (${a.id})`),
    });
    const stored = await t.services.repos.accounts.get(l);
    expect(viewTotals(stored)).toBe(before.totals[0]!.credits);
  });

  it('an edited balance record is refused on read, though the chain is valid', async () => {
    const l = await freshLearner(4);
    await record(l, 'B-A');
    const token = await learnerToken(l, 'b4');
    const q = `query($l: ID!) { creditAccount(learnerId: $l) { ... on CreditAccount { totals { credits } } ... on ResultError { code message } } }`;
    expect((await t.gql(q, { l }, token)).data).toEqual({
      creditAccount: { totals: [{ credits: 4 }] },
    });
    await t.db.models.Account.collection.updateMany(
      { learnerId: l },
      {
        $set: { 'buckets.0.credits': 99900 },
      },
    );
    expect((await t.services.ledger.verify(SYSTEM, l)).valid).toBe(true);
    const res = await t.gql<{ creditAccount: { code: string } }>(q, { l }, token);
    expect(res.data?.creditAccount.code).toBe('INTEGRITY_ERROR');
    // A rebuild repairs it from the ledger.
    await t.services.ledger.rebuildAccount(SYSTEM, l);
    expect((await t.gql(q, { l }, token)).data).toEqual({
      creditAccount: { totals: [{ credits: 4 }] },
    });
  });

  it('the newest entry deleted is named on read of the account, not blamed on the next append', async () => {
    const l = await freshLearner(5);
    await record(l, 'D-A');
    const newest = await record(l, 'D-B');
    await t.db.models.Entry.collection.deleteOne({ _id: newest.id } as never);
    await expect(t.services.ledger.account(SYSTEM, l)).rejects.toMatchObject({
      code: 'INTEGRITY_ERROR',
      message: expect.stringMatching(/no longer holds entry 2/),
    });
    await record(l, 'D-C');
    expect((await t.services.ledger.verify(SYSTEM, l)).firstBroken).toMatchObject({
      seq: 2,
      entryId: '(entry 2 is missing)',
      reason: 'SEQUENCE_GAP',
    });
  });

  it("a stored credential swapped for another learner's valid one is refused when served or shared", async () => {
    const l = await freshLearner(6);
    const a = await record(l, 'S-A');
    const mine = await issue(l, a.id);
    const other = await issue(w.learner1.id, (await record(w.learner1.id, 'S-B')).id);
    await t.db.models.Credential.collection.updateOne({ _id: mine.id } as never, {
      $set: { serialized: other.serialized, hash: other.hash },
    });
    await expect(t.services.credentials.get(SYSTEM, mine.id)).rejects.toMatchObject({
      code: 'INTEGRITY_ERROR',
      message: expect.stringMatching(/not the one the ledger recorded/),
    });
    const token = await learnerToken(l, 's6');
    const share = await t.gql<{ shareCredential: { code: string } }>(
      `mutation($in: ShareCredentialInput!) { shareCredential(input: $in) { ... on ResultError { code } } }`,
      { in: { credentialId: mine.id, audience: 'Employer' } },
      token,
    );
    expect(share.data?.shareCredential).toEqual({ code: 'INTEGRITY_ERROR' });
    // The other learner's credential itself is untouched and still served.
    expect((await t.services.credentials.get(SYSTEM, other.id)).id).toBe(other.id);
  });

  it('a deleted revocation event does not un-revoke: status comes from the chained entry', async () => {
    const l = await freshLearner(7);
    const c = await issue(l, (await record(l, 'X-A')).id);
    await t.services.credentials.changeStatus(staff, c.id, 'revoked', 'issued in error');
    const revokedChecks = async () =>
      (await t.services.credentials.verifyCredential(JSON.parse(c.serialized))).checks
        .filter((x) => x.status === 'failed')
        .map((x) => x.code);
    expect(await revokedChecks()).toEqual(['STATUS_REVOKED']);
    await t.db.models.CredentialEvent.collection.deleteMany({ credentialId: c.id });
    await t.db.models.Credential.collection.updateOne({ _id: c.id } as never, {
      $set: { revoked: false },
    });
    // Another process (nothing cached) signs the status list again.
    const { createServices } = await import('../../api/services.ts');
    const { testConfig } = await import('../setup/app.ts');
    const fresh = createServices(t.db, testConfig());
    const report = await fresh.credentials.verifyCredential(JSON.parse(c.serialized));
    expect(report.checks.filter((x) => x.status === 'failed').map((x) => x.code)).toEqual([
      'STATUS_REVOKED',
    ]);
    expect((await fresh.credentials.get(SYSTEM, c.id)).revoked).toBe(true);
    await fresh.close();
    // Deleting the chained entry as well breaks the chain, where it shows.
    const entry = (await t.services.ledger.record(SYSTEM, l)).items.at(-1)!;
    expect(entry.body).toMatchObject({ type: 'credential', action: 'revoked' });
    await t.services.checkpoints.publish(SYSTEM, { full: true });
    await t.db.models.Entry.collection.deleteOne({ _id: entry.id } as never);
    expect((await t.services.ledger.verify(SYSTEM, l)).firstBroken?.reason).toBe(
      'CHECKPOINT_MISMATCH',
    );
  });
});

function viewTotals(s: { buckets: { credits: number }[] } | null): number {
  return (s?.buckets ?? []).reduce((n, b) => n + b.credits, 0);
}

async function learnerToken(learnerId: string, tag: string): Promise<string> {
  const u = await t.services.accounts.createLearnerAccount(SYSTEM, learnerId, {
    email: `${tag}@integrity.example`,
    name: tag,
    password: w.password,
  });
  return (await t.services.tokens.issue(u)).token;
}
