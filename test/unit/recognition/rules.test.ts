// Recognition rules: validation, conversion rounding and the evaluation of requests, with hand-computed numbers.
import { describe, expect, it } from 'vitest';
import { applyConversion, roundRatio } from '../../../domain/recognition/conversion.ts';
import { resolveEquivalences } from '../../../domain/recognition/equivalence.ts';
import { evaluateRecognition } from '../../../domain/recognition/evaluate.ts';
import { RecognitionRuleInvalid, validateRuleSet } from '../../../domain/recognition/rules.ts';
import type {
  ConversionRule,
  CourseEquivalenceRule,
  RecognitionRule,
  RoundingMode,
} from '../../../domain/recognition/rules.ts';
import { SEED_RECOGNITION_RULES } from '../../../domain/recognition/seed.ts';
import { item } from '../audit/mother.ts';

const meta = {
  version: 1,
  publishedBy: 'op',
  effectiveFrom: '2020-01-01',
  automatic: true,
} as const;

const eq = (
  id: string,
  from: string,
  to: string,
  over: Partial<CourseEquivalenceRule> = {},
): CourseEquivalenceRule => {
  const [fi, fc] = from.split(':') as [string, string];
  const [ti, tc] = to.split(':') as [string, string];
  return {
    ...meta,
    id,
    kind: 'course_equivalence',
    source: { institutionId: fi, courseCode: fc },
    target: { institutionId: ti, courseCode: tc },
    category: 'major',
    ...over,
  };
};

const factor = (
  numerator: number,
  denominator: number,
  rounding: RoundingMode,
  granularity: number,
): ConversionRule => ({
  ...meta,
  id: 'conv',
  kind: 'conversion',
  from: 'ECTS',
  to: 'CN',
  method: { type: 'factor', numerator, denominator },
  rounding,
  granularity,
});

const hours = (
  rounding: RoundingMode,
  granularity: number,
  useItemHours = false,
): ConversionRule => ({
  ...meta,
  id: 'conv-hours',
  kind: 'conversion',
  from: 'ECTS',
  to: 'CN',
  method: { type: 'hours', hoursPerCredit: { ECTS: 25, CN: 37.5 }, useItemHours },
  rounding,
  granularity,
});

const invalid = (rules: unknown[], message: RegExp) => {
  let err: unknown;
  try {
    validateRuleSet(rules);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(RecognitionRuleInvalid);
  expect(err).toMatchObject({ code: 'INPUT_VALIDATION_ERROR' });
  expect((err as Error).message).toMatch(message);
};

describe('validateRuleSet', () => {
  it('accepts the seed rules', () => {
    expect(validateRuleSet(SEED_RECOGNITION_RULES)).toHaveLength(SEED_RECOGNITION_RULES.length);
  });

  it('rejects a cycle of equivalences across rules, naming it', () => {
    invalid(
      [eq('r1', 'a:X', 'b:Y'), eq('r2', 'b:Y', 'c:Z'), eq('r3', 'c:Z', 'a:X')],
      /course equivalence cycle: a:X → b:Y → c:Z → a:X \(rules r1 v1, r2 v1, r3 v1\)/,
    );
    // A chain that merges is fine.
    expect(
      validateRuleSet([eq('r1', 'a:X', 'c:Z'), eq('r2', 'b:Y', 'c:Z'), eq('r3', 'c:Z', 'd:W')]),
    ).toHaveLength(3);
  });

  it('rejects negative credits, zero denominators, unknown systems and duplicates precisely', () => {
    invalid(
      [eq('neg', 'a:X', 'b:Y', { credits: -100, creditSystem: 'CN' })],
      /rules\[0\] \(neg\)\.credits: credits must not be negative/,
    );
    invalid(
      [factor(3, 0, 'floor', 1)],
      /rules\[0\] \(conv v1\): conversion factor has a zero denominator/,
    );
    invalid(
      [{ ...factor(1, 1, 'floor', 1), to: 'UK_CATS' }],
      /rules\[0\] \(conv\)\.to: Invalid option/,
    );
    invalid(
      [factor(1, 1, 'floor', 1), factor(2, 1, 'floor', 1)],
      /rules\[1\] \(conv v1\): duplicate rule id and version/,
    );
    invalid(
      [{ ...hours('floor', 1), method: { type: 'hours', hoursPerCredit: { ECTS: 25 } } }],
      /hoursPerCredit has no entry for CN/,
    );
    invalid([{ ...factor(1, 1, 'floor', 1), rounding: 'nearest' }], /\.rounding: Invalid option/);
    invalid([eq('self', 'a:X', 'a:X')], /declared equivalent to itself/);
  });

  it('rejects dates that do not exist, which would sort wrongly as strings', () => {
    for (const bad of ['2024-13-01', '2023-02-29', '2024-04-31', '2024-00-10', '2024-1-01']) {
      invalid(
        [{ ...factor(1, 1, 'floor', 1), effectiveFrom: bad }],
        /\.effectiveFrom: must be a real date like 2024-03-01/,
      );
      invalid(
        [{ ...factor(1, 1, 'floor', 1), effectiveUntil: bad }],
        /\.effectiveUntil: must be a real date like 2024-03-01/,
      );
    }
    expect(
      validateRuleSet([{ ...factor(1, 1, 'floor', 1), effectiveFrom: '2024-02-29' }]),
    ).toHaveLength(1);
  });
});

describe('conversion rounding', () => {
  it('rounds exact halves and fractions per mode to the stated granularity', () => {
    // 2.25 ECTS × 1/1 to a 0.5 granularity: 4.5 steps.
    const cases: Array<[number, RoundingMode, number]> = [
      [225, 'floor', 200],
      [225, 'ceil', 250],
      [225, 'half_up', 250],
      [225, 'half_even', 200],
      [275, 'half_even', 300],
      [275, 'half_up', 300],
      [260, 'floor', 250],
      [260, 'ceil', 300],
      [260, 'half_up', 250],
      [260, 'half_even', 250],
    ];
    for (const [credits, mode, want] of cases)
      expect([credits, mode, applyConversion(factor(1, 1, mode, 50), credits)]).toEqual([
        credits,
        mode,
        want,
      ]);
    // 3.33 × 2/3 = 2.22 exactly; to whole hundredths it stays 222, to 0.5 it is 4.44 steps.
    expect(applyConversion(factor(2, 3, 'floor', 1), 333)).toBe(222);
    expect(applyConversion(factor(2, 3, 'ceil', 50), 333)).toBe(250);
    expect(applyConversion(factor(2, 3, 'half_up', 50), 333)).toBe(200);
    expect(roundRatio(5n, 2n, 1, 'half_even')).toBe(2);
    expect(roundRatio(7n, 2n, 1, 'half_even')).toBe(4);
  });

  it('converts ECTS to CN through hours of learning (25 h vs 37.5 h a credit)', () => {
    // 6 ECTS = 150 h = 4 CN exactly.
    expect(applyConversion(hours('floor', 1), 600)).toBe(400);
    // 5 ECTS = 125 h = 3.333 CN.
    expect(applyConversion(hours('floor', 1), 500)).toBe(333);
    expect(applyConversion(hours('ceil', 1), 500)).toBe(334);
    expect(applyConversion(hours('half_up', 1), 500)).toBe(333);
    expect(applyConversion(hours('floor', 50), 500)).toBe(300);
    expect(applyConversion(hours('half_up', 50), 500)).toBe(350);
    expect(applyConversion(hours('half_even', 50), 500)).toBe(350);
    // Recorded hours win when the rule says so: 120 h / 37.5 = 3.2 CN.
    expect(applyConversion(hours('floor', 1, true), 500, 120)).toBe(320);
    expect(applyConversion(hours('floor', 50, true), 500, 120)).toBe(300);
    // And back: 4 CN = 150 h = 6 ECTS.
    expect(applyConversion({ ...hours('floor', 1), from: 'CN', to: 'ECTS' }, 400)).toBe(600);
  });
});

describe('evaluateRecognition', () => {
  const target = { institutionId: 'home', creditSystem: 'CN' as const };
  const asOf = '2024-06-01';

  it('recognises a course by equivalence, citing rule and version, automatically when exact', () => {
    const rules: RecognitionRule[] = [
      eq('eq-math', 'other:CALC', 'home:MATH101', {
        version: 1,
        credits: 400,
        creditSystem: 'CN',
        minGrade: { score: 60 },
      }),
      eq('eq-math', 'other:CALC', 'home:MATH101', {
        version: 2,
        credits: 300,
        creditSystem: 'CN',
        effectiveFrom: '2030-01-01',
      }),
    ];
    const [p] = evaluateRecognition({
      items: [
        item({
          entryId: 'c',
          institutionId: 'other',
          courseCode: 'CALC',
          creditSystem: 'CN',
          earnedAt: '2023-01-10',
        }),
      ],
      rules,
      target,
      asOf,
    });
    expect(p).toMatchObject({
      entryId: 'c',
      outcome: 'PROPOSED',
      credits: 400,
      creditSystem: 'CN',
      category: 'major',
      courseRef: 'home:MATH101',
      rule: { id: 'eq-math', version: 1 },
      automatic: true,
    });
  });

  it('says why not: no rule, below minimum grade, expired, not convertible, already recognised', () => {
    const rules: RecognitionRule[] = [
      eq('eq-a', 'other:A', 'home:A', {
        credits: 300,
        creditSystem: 'CN',
        minGrade: { score: 70 },
      }),
      eq('eq-b', 'other:B', 'home:B'),
      { ...meta, id: 'valid', kind: 'validity', years: 5 },
    ];
    const items = [
      item({ entryId: 'none', institutionId: 'other', courseCode: 'Z', creditSystem: 'CN' }),
      item({
        entryId: 'low',
        institutionId: 'other',
        courseCode: 'A',
        grade: { score: 65, passed: true },
        creditSystem: 'CN',
      }),
      item({
        entryId: 'old',
        institutionId: 'other',
        courseCode: 'A',
        earnedAt: '2019-05-31',
        creditSystem: 'CN',
      }),
      item({
        entryId: 'ects',
        institutionId: 'other',
        courseCode: 'B',
        creditSystem: 'ECTS',
        credits: 600,
      }),
      item({ entryId: 'home', institutionId: 'home', courseCode: 'A' }),
      item({ entryId: 'done', institutionId: 'other', courseCode: 'A', creditSystem: 'CN' }),
    ];
    const out = evaluateRecognition({
      items,
      rules,
      target,
      asOf,
      alreadyRecognized: [
        {
          sourceEntryIds: ['done'],
          sourceInstitutionId: 'other',
          credits: 300,
          earnedAt: '2023-01-01',
        },
      ],
    });
    expect(out.map((p) => [p.entryId, p.outcome, p.reason])).toEqual([
      ['none', 'NOT_RECOGNIZED', 'NO_RULE'],
      ['low', 'NOT_RECOGNIZED', 'BELOW_MIN_GRADE'],
      ['old', 'NOT_RECOGNIZED', 'EXPIRED'],
      ['ects', 'NOT_RECOGNIZED', 'NOT_CONVERTIBLE'],
      ['home', 'NOT_RECOGNIZED', 'SAME_INSTITUTION'],
      ['done', 'NOT_RECOGNIZED', 'ALREADY_RECOGNIZED'],
    ]);
    expect(out[1]!.text.en).toBe('Grade below the minimum score 70.');
    expect(out[2]!.text.en).toMatch(/its 5-year validity ended on 2024-05-31/);
  });

  it('converts a source course’s own credits when the rule gives none, through an hours table', () => {
    const [p] = evaluateRecognition({
      items: [
        item({
          entryId: 'e',
          institutionId: 'other',
          courseCode: 'B',
          creditSystem: 'ECTS',
          credits: 500,
        }),
      ],
      rules: [eq('eq-b', 'other:B', 'home:B'), hours('half_up', 50)],
      target,
      asOf,
    });
    // 5 ECTS = 125 h = 3.33 CN → 3.5 in half-credit steps, half_up.
    expect(p).toMatchObject({
      outcome: 'PROPOSED',
      credits: 350,
      conversion: { id: 'conv-hours', version: 1 },
      automatic: true,
    });
  });

  it('recognises certificates and MOOCs by achievement rules, the most specific first', () => {
    const rules: RecognitionRule[] = [
      {
        ...meta,
        id: 'cert-any',
        kind: 'achievement_credits',
        match: { kind: 'vocational_certificate', minLevel: 2 },
        credits: 400,
        creditSystem: 'CN',
        category: 'elective',
      },
      {
        ...meta,
        id: 'cert-l4',
        kind: 'achievement_credits',
        match: { kind: 'vocational_certificate', level: 4 },
        credits: 1000,
        creditSystem: 'CN',
        category: 'major',
        level: 3,
      },
      {
        ...meta,
        id: 'mooc-x',
        automatic: false,
        kind: 'achievement_credits',
        match: { kind: 'mooc', institutionId: 'xuetangx' },
        credits: 200,
        creditSystem: 'CN',
        category: 'general',
      },
    ];
    const out = evaluateRecognition({
      items: [
        item({
          entryId: 'l3',
          kind: 'vocational_certificate',
          institutionId: 'mohrss',
          level: 3,
          grade: undefined,
        }),
        item({
          entryId: 'l4',
          kind: 'vocational_certificate',
          institutionId: 'mohrss',
          level: 4,
          grade: undefined,
        }),
        item({
          entryId: 'l1',
          kind: 'vocational_certificate',
          institutionId: 'mohrss',
          level: 1,
          grade: undefined,
        }),
        item({ entryId: 'mooc', kind: 'mooc', institutionId: 'xuetangx', grade: undefined }),
      ],
      rules,
      target,
      asOf,
    });
    expect(out.map((p) => [p.entryId, p.credits, p.category, p.rule?.id, p.automatic])).toEqual([
      ['l3', 400, 'elective', 'cert-any', true],
      ['l4', 1000, 'major', 'cert-l4', true],
      ['l1', 0, undefined, undefined, false],
      ['mooc', 200, 'general', 'mooc-x', false],
    ]);
    expect(out[1]!.level).toBe(3);
  });

  it('applies caps per source institution, per learner and per year in earned order, partly when room is short', () => {
    const rules: RecognitionRule[] = [
      eq('eq-1', 'u1:A', 'home:A', { credits: 400, creditSystem: 'CN' }),
      eq('eq-2', 'u1:B', 'home:B', { credits: 400, creditSystem: 'CN' }),
      eq('eq-3', 'u2:C', 'home:C', { credits: 400, creditSystem: 'CN' }),
      eq('eq-4', 'u3:D', 'home:D', { credits: 400, creditSystem: 'CN' }),
      { ...meta, id: 'cap-inst', kind: 'cap', per: 'per_source_institution', max: 600 },
      { ...meta, id: 'cap-year', kind: 'cap', per: 'per_calendar_year', max: 900 },
      { ...meta, id: 'cap-all', kind: 'cap', per: 'per_learner', max: 1300 },
    ];
    const out = evaluateRecognition({
      items: [
        item({ entryId: 'b', institutionId: 'u1', courseCode: 'B', earnedAt: '2022-05-01' }),
        item({ entryId: 'a', institutionId: 'u1', courseCode: 'A', earnedAt: '2022-03-01' }),
        item({ entryId: 'c', institutionId: 'u2', courseCode: 'C', earnedAt: '2022-09-01' }),
        item({ entryId: 'd', institutionId: 'u3', courseCode: 'D', earnedAt: '2023-02-01' }),
      ],
      rules,
      target,
      asOf,
      alreadyRecognized: [
        { sourceEntryIds: ['x'], sourceInstitutionId: 'u9', credits: 200, earnedAt: '2021-01-01' },
      ],
    });
    // Earned order a, b, c, d; 2 already recognised. a: 4 (u1 4/6, 2022 4/9, learner 6/13).
    // b: u1 has 2 left → 2. c: 2022 has 9 − 6 = 3 left → 3. d: the learner has 13 − 11 = 2 left → 2.
    expect(out.map((p) => [p.entryId, p.outcome, p.credits, p.cap?.id])).toEqual([
      ['b', 'PARTIAL', 200, 'cap-inst'],
      ['a', 'PROPOSED', 400, undefined],
      ['c', 'PARTIAL', 300, 'cap-year'],
      ['d', 'PARTIAL', 200, 'cap-all'],
    ]);
    expect(out[0]).toMatchObject({ uncappedCredits: 400, automatic: false, reason: 'OVER_CAP' });
  });

  it('follows a chain of equivalences to the target, but not automatically', () => {
    const rules = [
      eq('r1', 'a:X', 'b:Y'),
      eq('r2', 'b:Y', 'home:Z', { credits: 300, creditSystem: 'CN', category: 'general' }),
    ];
    const [p] = evaluateRecognition({
      items: [item({ entryId: 'x', institutionId: 'a', courseCode: 'X', creditSystem: 'CN' })],
      rules,
      target,
      asOf,
    });
    expect(p).toMatchObject({
      outcome: 'PROPOSED',
      courseRef: 'home:Z',
      rule: { id: 'r2', version: 1 },
      chain: [
        { id: 'r1', version: 1 },
        { id: 'r2', version: 1 },
      ],
      automatic: false,
    });
    expect(
      resolveEquivalences(rules, { targetInstitutionId: 'home' }).map((e) => [
        e.from,
        e.to,
        e.path.length,
      ]),
    ).toEqual([
      ['a:X', 'home:Z', 3],
      ['b:Y', 'home:Z', 2],
    ]);
  });
});
