// When HiGHS reaches its time limit before proving a FAIL, the audit says NOT_PROVEN, never FAIL.
import { describe, expect, it } from 'vitest';
import { auditProgramme } from '../../../domain/audit/audit.ts';
import { KR_CB_BACHELOR } from '../../../domain/programmes/seed.ts';
import type { Programme } from '../../../domain/programmes/types.ts';
import { hardLearner } from '../../../bench/audit.ts';

describe('an audit the solver cannot settle in time', () => {
  it('reports NOT_PROVEN (not FAIL), and FAIL once given the time', () => {
    const { items, equivalentCourses } = hardLearner(300);
    const programme: Programme = {
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
    const input = { items, programme, asOf: '2024-01-01', equivalentCourses };
    const rushed = auditProgramme({ ...input, solverTimeLimitSeconds: 1e-6 });
    expect(rushed).toMatchObject({ passed: false, verdict: 'NOT_PROVEN' });
    expect(rushed.solver.exact).toBe(false);
    const settled = auditProgramme(input);
    expect(settled).toMatchObject({ passed: false, verdict: 'FAIL', solver: { exact: true } });
  });
});
