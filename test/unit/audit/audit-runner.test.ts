// The server runs audits on a worker thread: the same answers, typed errors, and the event loop free during a long solve.
import { afterAll, describe, expect, it } from 'vitest';
import { createAuditRunner } from '../../../api/audit-runner.ts';
import { auditProgramme } from '../../../domain/audit/audit.ts';
import { KR_CB_BACHELOR } from '../../../domain/programmes/seed.ts';
import type { Programme } from '../../../domain/programmes/types.ts';
import { ProgrammeInvalid } from '../../../domain/programmes/validate.ts';
import { hardLearner } from '../../../bench/audit.ts';

const runner = createAuditRunner();
afterAll(() => runner.close());

// A total no record reaches under the caps: HiGHS must prove the FAIL, which takes a while.
const unreachable: Programme = {
  ...KR_CB_BACHELOR,
  requirements: {
    id: 'root',
    kind: 'allOf',
    children: [
      KR_CB_BACHELOR.requirements,
      { id: 'huge-total', kind: 'totalCredits', min: 500_000 },
    ],
  },
};

describe('audits on a worker thread', () => {
  it('answer other work while a long solve runs, with the answer the engine gives here', async () => {
    const { items, equivalentCourses } = hardLearner(800);
    const input = {
      items,
      programme: unreachable,
      asOf: '2024-01-01',
      equivalentCourses,
      solverTimeLimitSeconds: 100,
    };
    await runner.run({ ...input, programme: KR_CB_BACHELOR }); // the worker started and warm
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    let answeredAt = 0;
    // Stands for another request: answered while the audit is still being solved.
    const other = new Promise<void>((resolve) =>
      setTimeout(() => {
        answeredAt = performance.now();
        resolve();
      }, 10),
    );
    const started = performance.now();
    const [result] = await Promise.all([runner.run(input), other]);
    const finished = performance.now();
    clearInterval(timer);
    expect(result.verdict).toBe('FAIL');
    expect(result.solver.columns).toBeGreaterThan(0);
    // The solve takes hundreds of milliseconds; the other request did not wait for it.
    expect(finished - started).toBeGreaterThan(100);
    expect(answeredAt).toBeLessThan(finished);
    expect(answeredAt - started).toBeLessThan((finished - started) / 2);
    expect(ticks).toBeGreaterThan(5);
    const here = auditProgramme(input);
    expect({ ...result, solver: { ...result.solver, ms: 0 } }).toEqual({
      ...here,
      solver: { ...here.solver, ms: 0 },
    });
  }, 120_000);

  it("rethrows the engine's typed error", async () => {
    const broken = { ...KR_CB_BACHELOR, version: 'one' } as unknown as Programme;
    await expect(
      runner.run({ items: [], programme: broken, asOf: '2024-01-01' }),
    ).rejects.toBeInstanceOf(ProgrammeInvalid);
  });
});
