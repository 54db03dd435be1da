// Batch issuance on worker threads: results in order, each one verifiable, failures reported per job.
import { afterAll, describe, expect, it } from 'vitest';
import { buildCredential, createBatchIssuer } from '../../../credentials/index.ts';
import { chunkSize } from '../../../credentials/batch.ts';
import {
  createWorld,
  degreeCredential,
  degreeInput,
  transcriptInput,
} from '../../fixtures/credentials.ts';

describe('batch issuance', () => {
  const batch = createBatchIssuer({ workers: 2 });
  afterAll(() => batch.close());

  it('issues many credentials on worker threads, in order', async () => {
    const world = await createWorld();
    const jobs = Array.from({ length: 12 }, (_, i) => ({
      credential: degreeCredential({
        id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      }),
      key: i % 3 === 0 ? world.p256 : world.ed,
      format:
        i % 3 === 0
          ? ('ecdsa-rdfc-2019' as const)
          : i % 3 === 1
            ? ('eddsa-rdfc-2022' as const)
            : ('vc+jwt' as const),
    }));
    const progress: number[] = [];
    const results = await batch.issueMany(jobs, world.kek, (done) => progress.push(done));
    expect(progress.at(-1)).toBe(jobs.length);
    for (const [i, result] of results.entries()) {
      if (!result.ok) throw new Error(result.error);
      expect(result.format).toBe(jobs[i]!.format);
      const input = result.format === 'vc+jwt' ? result.serialized : JSON.parse(result.serialized);
      const report = await world.verifier.verifyCredential(input);
      expect(report.verified).toBe(true);
      expect(report.credential?.['id']).toBe(jobs[i]!.credential['id']);
    }
  });

  it('sends chunks of 32 that shrink as the work runs out, so no worker is left signing alone', () => {
    expect(chunkSize(3000, 2)).toBe(32);
    expect(chunkSize(128, 2)).toBe(32);
    expect(chunkSize(100, 2)).toBe(25);
    expect(chunkSize(7, 2)).toBe(1);
    expect(chunkSize(1, 4)).toBe(1);
    // Summed over a whole batch, the sizes cover every job exactly once.
    for (const total of [1, 5, 33, 150, 3001]) {
      let left = total;
      let last = Infinity;
      while (left > 0) {
        const size = Math.min(left, chunkSize(left, 2));
        expect(size).toBeGreaterThan(0);
        expect(size).toBeLessThanOrEqual(last);
        last = size;
        left -= size;
      }
    }
  });

  it('keeps job order across many shrinking chunks', async () => {
    const world = await createWorld();
    const jobs = Array.from({ length: 150 }, (_, i) => ({
      credential: degreeCredential({
        id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      }),
      key: world.ed,
      format: 'eddsa-rdfc-2022' as const,
    }));
    const progress: number[] = [];
    const results = await batch.issueMany(jobs, world.kek, (done) => progress.push(done));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(150);
    expect(
      results.map((r) => (r.ok ? (JSON.parse(r.serialized) as { id: string }).id : r.error)),
    ).toEqual(jobs.map((j) => j.credential['id']));
  });

  it('builds a recipe on the worker into exactly the credential the builder makes here', async () => {
    const world = await createWorld();
    const recipes = [
      { achievement: degreeInput({ validFrom: new Date('2024-07-01T08:00:00Z') }) },
      { transcript: transcriptInput() },
    ];
    const results = await batch.issueMany(
      [
        { recipe: recipes[0]!, key: world.ed, format: 'eddsa-rdfc-2022' },
        { recipe: recipes[1]!, key: world.p256, format: 'ecdsa-rdfc-2019' },
        { recipe: recipes[0]!, key: world.ed, format: 'vc+jwt' },
        { credential: buildCredential(recipes[1]!), key: world.ed, format: 'eddsa-rdfc-2022' },
      ],
      world.kek,
    );
    const signed = results.map((r) => {
      if (!r.ok) throw new Error(r.error);
      return r.format === 'vc+jwt' ? r.serialized : JSON.parse(r.serialized);
    });
    for (const [i, recipe] of [recipes[0]!, recipes[1]!, undefined, recipes[1]!].entries()) {
      if (!recipe) continue;
      const { proof, ...unsigned } = signed[i] as Record<string, unknown>;
      expect(proof).toBeDefined();
      expect(unsigned).toEqual(buildCredential(recipe));
    }
    for (const credential of signed) {
      expect((await world.verifier.verifyCredential(credential)).verified).toBe(true);
    }
    const jwt = await world.verifier.verifyCredential(signed[2]);
    // A JWT's payload is the credential and its registered claims (iss, iat).
    expect(jwt.credential).toMatchObject(buildCredential(recipes[0]!));
  });

  it('signs at the time a job gives, or at the worker clock', async () => {
    const world = await createWorld();
    const now = new Date('2025-03-04T05:06:07.890Z');
    const results = await batch.issueMany(
      [
        { recipe: { achievement: degreeInput() }, key: world.ed, format: 'eddsa-rdfc-2022', now },
        { recipe: { achievement: degreeInput() }, key: world.ed, format: 'vc+jwt', now },
        { recipe: { achievement: degreeInput() }, key: world.ed, format: 'eddsa-rdfc-2022' },
      ],
      world.kek,
    );
    const [di, jwt, clock] = results.map((r) => {
      if (!r.ok) throw new Error(r.error);
      return r.serialized;
    });
    expect(JSON.parse(di!).proof.created).toBe('2025-03-04T05:06:07Z');
    const payload = JSON.parse(Buffer.from(jwt!.split('.')[1]!, 'base64url').toString()) as {
      iat: number;
    };
    expect(payload.iat).toBe(Math.floor(now.getTime() / 1000));
    const created = Date.parse(JSON.parse(clock!).proof.created);
    expect(Math.abs(created - Date.now())).toBeLessThan(60_000);
  });

  it('reports a failing recipe (an invalid date) without failing the batch', async () => {
    const world = await createWorld();
    const results = await batch.issueMany(
      [
        {
          recipe: { achievement: degreeInput({ validFrom: 'not a date' }) },
          key: world.ed,
          format: 'eddsa-rdfc-2022',
        },
        { recipe: { achievement: degreeInput() }, key: world.ed, format: 'eddsa-rdfc-2022' },
      ],
      world.kek,
    );
    expect(results[0]).toMatchObject({ ok: false, error: expect.stringContaining('Invalid date') });
    expect(results[1]).toMatchObject({ ok: true });
  });

  it('reports a failing job without failing the batch', async () => {
    const world = await createWorld();
    const results = await batch.issueMany(
      [
        { credential: degreeCredential(), key: world.p256, format: 'eddsa-rdfc-2022' },
        { credential: degreeCredential(), key: world.ed, format: 'eddsa-rdfc-2022' },
      ],
      world.kek,
    );
    expect(results[0]).toMatchObject({ ok: false });
    expect(results[1]).toMatchObject({ ok: true });
  });
});
