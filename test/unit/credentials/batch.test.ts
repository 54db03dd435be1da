// Batch issuance on worker threads: results in order, each one verifiable, failures reported per job.
import { afterAll, describe, expect, it } from 'vitest';
import { createBatchIssuer } from '../../../credentials/index.ts';
import { createWorld, degreeCredential } from '../../fixtures/credentials.ts';

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
