// How far along a learner is: the mean share met of a requirement tree's leaves.
import { describe, expect, it } from 'vitest';
import { progressOf } from '../../../domain/audit/index.ts';
import type { AuditResult } from '../../../domain/audit/audit.ts';

const text = (en: string) => ({ zh: en, en });
const req = (
  id: string,
  parentId: string | undefined,
  required: number,
  counted: number,
  missing = '',
): AuditResult['requirements'][number] => ({
  id,
  kind: parentId ? 'totalCredits' : 'allOf',
  ...(parentId ? { parentId } : {}),
  label: text(id),
  met: counted >= required,
  unit: 'credits',
  required,
  counted,
  missing: { text: text(missing) },
  entries: [],
});
const result = (passed: boolean, requirements: AuditResult['requirements']) =>
  ({ passed, requirements }) as AuditResult;

describe('progressOf', () => {
  it('averages the share met of each leaf, ignoring the groups above them, and lists what is missing', () => {
    const p = progressOf(
      result(false, [
        req('root', undefined, 0, 0),
        req('total', 'root', 12000, 9000, '30 more credits'),
        req('major', 'root', 6000, 6000),
        req('thesis', 'root', 100, 0, 'A thesis'),
      ]),
    );
    expect(p).toEqual({
      progress: 0.583,
      met: 1,
      leaves: 3,
      missing: [text('30 more credits'), text('A thesis')],
    });
  });

  it('counts a passing audit as complete and an over-full leaf as met, not more', () => {
    expect(progressOf(result(true, [req('total', undefined, 100, 400)])).progress).toBe(1);
    expect(
      progressOf(result(false, [req('a', undefined, 100, 400), req('b', undefined, 100, 0)]))
        .progress,
    ).toBe(0.5);
  });
});
