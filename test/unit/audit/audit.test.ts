// Degree audit: allocation, caps, filters and explanations, against hand-computed expectations.
import { describe, expect, it } from 'vitest';
import { auditProgramme } from '../../../domain/audit/audit.ts';
import type { AuditResult } from '../../../domain/audit/audit.ts';
import type { CreditItem } from '../../../domain/recognition/credit-items.ts';
import { KR_CB_BACHELOR, SEED_INSTITUTIONS } from '../../../domain/programmes/seed.ts';
import type { Programme } from '../../../domain/programmes/types.ts';
import type { ValidityRule } from '../../../domain/recognition/rules.ts';
import { item, programme } from './mother.ts';

const req = (r: AuditResult, id: string) => {
  const found = r.requirements.find((x) => x.id === id);
  if (!found) throw new Error(`no requirement ${id}`);
  return found;
};
const excludedIds = (r: AuditResult) => r.excluded.map((e) => [e.entryId, e.reason]);

describe('allocation between exclusive category buckets', () => {
  const p = programme([
    { id: 'major', kind: 'categoryCredits', categories: ['major'], min: 600 },
    { id: 'general', kind: 'categoryCredits', categories: ['general'], min: 300 },
    { id: 'total', kind: 'totalCredits', min: 900 },
  ]);

  it('puts a cross-listed course where it makes more requirements met, not where it comes first', () => {
    // x is first and primarily "major": first-come would give major 9, general 0.
    const items = [
      item({ entryId: 'x', category: 'major', altCategories: ['general'], earnedAt: '2021-03-02' }),
      item({ entryId: 'm1', earnedAt: '2021-03-03' }),
      item({ entryId: 'm2', earnedAt: '2021-03-04' }),
    ];
    const r = auditProgramme({ items, programme: p, asOf: '2022-01-01' });
    expect(r.passed).toBe(true);
    expect(req(r, 'major')).toMatchObject({ met: true, counted: 600, entries: ['m1', 'm2'] });
    expect(req(r, 'general')).toMatchObject({ met: true, counted: 300, entries: ['x'] });
    // Totals are cumulative: every counted credit is also in the total.
    expect(req(r, 'total')).toMatchObject({ met: true, counted: 900, entries: ['x', 'm1', 'm2'] });
    expect(r.allocations.find((a) => a.entryId === 'x')?.requirementId).toBe('general');
    expect(r.solver.exact).toBe(true);
  });

  it('does not count one credit in two buckets unless the programme allows it', () => {
    const items = [
      item({ entryId: 'x', altCategories: ['general'] }),
      item({ entryId: 'm1', earnedAt: '2021-05-01' }),
    ];
    const strict = auditProgramme({ items, programme: p, asOf: '2022-01-01' });
    expect(req(strict, 'major').counted + req(strict, 'general').counted).toBe(600);
    expect(strict.passed).toBe(false);
    const loose = auditProgramme({
      items,
      programme: { ...p, allowDoubleCounting: true },
      asOf: '2022-01-01',
    });
    expect(req(loose, 'major').counted).toBe(600);
    expect(req(loose, 'general').counted).toBe(300);
    expect(req(loose, 'total')).toMatchObject({
      counted: 600,
      met: false,
      missing: { amount: 300 },
    });
  });

  it('says what is missing, in both languages', () => {
    const lvl = programme([
      { id: 'adv', kind: 'categoryCredits', categories: ['major'], minLevel: 3, min: 1500 },
    ]);
    const r = auditProgramme({
      items: [item({ entryId: 'a', level: 3 }), item({ entryId: 'b', level: 2 })],
      programme: lvl,
      asOf: '2022-01-01',
    });
    expect(req(r, 'adv').missing).toEqual({
      amount: 1200,
      text: {
        en: '12 more major credits at level 3 or above',
        zh: '还差 12 专业学分（3 级及以上）',
      },
    });
    expect(req(r, 'root')).toMatchObject({ met: false, required: 1, counted: 0 });
  });
});

describe('caps', () => {
  it('drops the credit that keeps the most requirements met, not the latest one', () => {
    const p = programme([
      { id: 'major', kind: 'categoryCredits', categories: ['major'], min: 300 },
      { id: 'general', kind: 'categoryCredits', categories: ['general'], min: 300 },
      { id: 'total', kind: 'totalCredits', min: 600 },
      { id: 'inst-cap', kind: 'maxPerInstitution', max: 600 },
    ]);
    const items = [
      item({ entryId: 'e1', category: 'elective', earnedAt: '2021-03-01' }),
      item({ entryId: 'm1', category: 'major', earnedAt: '2021-04-01' }),
      item({ entryId: 'g1', category: 'general', earnedAt: '2021-05-01' }),
    ];
    const r = auditProgramme({ items, programme: p, asOf: '2022-01-01' });
    expect(r.passed).toBe(true);
    expect(r.excluded).toEqual([
      {
        entryId: 'e1',
        reason: 'OVER_CAP',
        requirementId: 'inst-cap',
        text: {
          en: '6 credits from uni-a already count; at most 6 credits may come from one institution.',
          zh: '来自uni-a的学分已计入 6，同一机构最多 6 学分。',
        },
      },
    ]);
    expect(req(r, 'inst-cap')).toMatchObject({ met: true, required: 600, counted: 600 });
  });

  it('breaks ties by earnedAt: the later of two interchangeable credits is dropped', () => {
    const p = programme([
      { id: 'total', kind: 'totalCredits', min: 300 },
      { id: 'inst-cap', kind: 'maxPerInstitution', max: 300 },
    ]);
    const items = [
      item({ entryId: 'late', earnedAt: '2021-06-01' }),
      item({ entryId: 'early', earnedAt: '2021-03-01' }),
    ];
    const r = auditProgramme({ items, programme: p, asOf: '2022-01-01' });
    expect(excludedIds(r)).toEqual([['late', 'OVER_CAP']]);
    expect(r.allocations.map((a) => a.entryId)).toEqual(['early']);
  });

  it('applies the Korean per-semester (Mar–Aug / Sep–Feb) and per-year caps together', () => {
    const cb = SEED_INSTITUTIONS.krCreditBank;
    const items: CreditItem[] = [];
    // Spring 2021: 9 × 3 = 27 > 24 a semester.
    for (let i = 1; i <= 9; i++)
      items.push(
        item({ entryId: `s${i}`, institutionId: cb, earnedAt: `2021-0${3 + (i % 6)}-${10 + i}` }),
      );
    // Autumn 2021, September–December: 7 × 3 = 21; with spring's 24 the calendar year would have 45 > 42.
    for (let i = 1; i <= 7; i++)
      items.push(
        item({
          entryId: `a${i}`,
          institutionId: cb,
          earnedAt: `2021-${String(9 + (i % 4)).padStart(2, '0')}-${10 + i}`,
        }),
      );
    // January 2022 belongs to the autumn 2021 semester but to calendar year 2022.
    for (let i = 1; i <= 2; i++)
      items.push(item({ entryId: `j${i}`, institutionId: cb, earnedAt: `2022-01-1${i}` }));
    const r = auditProgramme({ items, programme: KR_CB_BACHELOR, asOf: '2022-06-01' });
    // Best: spring 8 (24), autumn Sep–Dec 6 (18, year 2021 = 42), January 2 (semester 18 + 6 = 24): 16 × 3 = 48.
    expect(r.totals.counted).toBe(4800);
    expect(r.totals.byYear).toEqual({ 2021: 4200, 2022: 600 });
    const dropped = r.excluded.map((e) => e.entryId).sort();
    expect(r.excluded.every((e) => e.reason === 'OVER_CAP')).toBe(true);
    // Within each semester the items are interchangeable, so the latest of each goes.
    const spring = items
      .filter((i) => i.entryId.startsWith('s'))
      .sort((a, b) => a.earnedAt.localeCompare(b.earnedAt));
    const autumn = items
      .filter((i) => i.entryId.startsWith('a'))
      .sort((a, b) => a.earnedAt.localeCompare(b.earnedAt));
    expect(dropped).toEqual([autumn.at(-1)!.entryId, spring.at(-1)!.entryId].sort());
    expect(req(r, 'kr-ba-semester-cap')).toMatchObject({
      met: true,
      counted: 2400,
      required: 2400,
    });
    expect(req(r, 'kr-ba-year-cap')).toMatchObject({ met: true, counted: 4200, required: 4200 });
    expect(req(r, 'kr-ba-total').missing.text.en).toBe('92 more credits');
    expect(r.solver.exact).toBe(true);
  });

  it('passes a full Korean bachelor, dropping an elective rather than a needed major under the 105-credit cap', () => {
    const { krHanbitCollege: hanbit, krPartnerSeoul: partner } = SEED_INSTITUTIONS;
    const items: CreditItem[] = [];
    for (let i = 0; i < 48; i++) {
      const sem = Math.floor(i / 6);
      const year = 2019 + Math.floor(sem / 2);
      const r12 = i % 12;
      items.push(
        item({
          entryId: `e${String(i).padStart(2, '0')}`,
          institutionId: i < 36 ? hanbit : partner,
          category: r12 < 3 ? 'general' : r12 < 7 ? 'elective' : 'major',
          earnedAt: `${year}-${sem % 2 === 0 ? '04' : '10'}-${String(10 + (i % 6)).padStart(2, '0')}`,
        }),
      );
    }
    // 48 × 3 = 144 credits: 60 major, 36 general, 48 elective; 108 from Hanbit (> 105), 36 from a partner.
    const r = auditProgramme({ items, programme: KR_CB_BACHELOR, asOf: '2023-03-01' });
    expect(r.passed).toBe(true);
    // Chronological filling would drop e35, a major, leaving 57 major credits; e30 is the last elective.
    expect(excludedIds(r)).toEqual([['e30', 'OVER_CAP']]);
    expect(r.excluded[0]!.requirementId).toBe('kr-ba-institution-cap');
    expect(r.totals.counted).toBe(14100);
    expect(req(r, 'kr-ba-major').counted).toBe(6000);
    expect(req(r, 'kr-ba-general').counted).toBe(3600);
    expect(req(r, 'kr-ba-residency')).toMatchObject({ met: true, counted: 3600 });
    expect(req(r, 'kr-ba-institution-cap').counted).toBe(10500);
  });
});

describe('filters', () => {
  const p = programme([{ id: 'total', kind: 'totalCredits', min: 600 }]);

  it('excludes credits past their validity, counting the anniversary itself', () => {
    const validity: ValidityRule = {
      id: 'valid-5y',
      version: 1,
      publishedBy: 'op',
      effectiveFrom: '2000-01-01',
      automatic: true,
      kind: 'validity',
      years: 5,
    };
    const items = [
      item({ entryId: 'old', earnedAt: '2016-01-10' }),
      item({ entryId: 'edge', earnedAt: '2016-01-11' }),
    ];
    const r = auditProgramme({ items, programme: p, asOf: '2021-01-11', validity: [validity] });
    expect(r.excluded).toEqual([
      {
        entryId: 'old',
        reason: 'EXPIRED',
        ruleId: 'valid-5y',
        lastValidDay: '2021-01-10',
        text: {
          en: 'Earned 2016-01-10: its 5-year validity ended on 2021-01-10.',
          zh: '取得于 2016-01-10，5 年有效期已于 2021-01-10 届满。',
        },
      },
    ]);
    expect(req(r, 'total')).toMatchObject({
      counted: 300,
      entries: ['edge'],
      missing: { amount: 300 },
    });
  });

  it('applies a time limit, a minimum grade, failed courses and retakes', () => {
    const q = programme(
      [
        { id: 'total', kind: 'totalCredits', min: 600 },
        { id: 'pass60', kind: 'minGrade', score: 60 },
      ],
      { timeLimitYears: 6 },
    );
    const items = [
      item({ entryId: 'ancient', earnedAt: '2010-01-01' }),
      item({ entryId: 'low', grade: { score: 55, passed: true } }),
      item({ entryId: 'failed', grade: { score: 30, passed: false } }),
      item({
        entryId: 'try1',
        courseCode: 'ACC101',
        grade: { score: 70, passed: true },
        earnedAt: '2020-04-01',
      }),
      item({
        entryId: 'try2',
        courseCode: 'ACC101',
        grade: { score: 90, passed: true },
        earnedAt: '2021-04-01',
      }),
      item({ entryId: 'future', earnedAt: '2030-01-01' }),
    ];
    const r = auditProgramme({ items, programme: q, asOf: '2022-01-01' });
    expect(excludedIds(r)).toEqual([
      ['ancient', 'OUTSIDE_TIME_LIMIT'],
      ['try1', 'USED_ELSEWHERE'],
      ['low', 'BELOW_MIN_GRADE'],
      ['failed', 'BELOW_MIN_GRADE'],
      ['future', 'OUTSIDE_TIME_LIMIT'],
    ]);
    expect(r.excluded.find((e) => e.entryId === 'low')?.requirementId).toBe('pass60');
    expect(r.excluded.find((e) => e.entryId === 'try1')?.countedEntryId).toBe('try2');
    expect(r.totals.counted).toBe(300);
    expect(r.totals.excluded).toBe(1500);
  });

  it('counts a recognised item instead of its source, and refuses credits it cannot convert', () => {
    const items = [
      item({ entryId: 'src', institutionId: 'other', courseCode: 'X1' }),
      item({
        entryId: 'rec',
        kind: 'recognized',
        institutionId: 'home',
        recognition: { ruleId: 'eq-x1', ruleVersion: 1, sourceEntryIds: ['src'] },
      }),
      item({ entryId: 'ects', creditSystem: 'ECTS', credits: 600 }),
    ];
    const r = auditProgramme({ items, programme: p, asOf: '2022-01-01' });
    expect(excludedIds(r)).toEqual([
      ['src', 'USED_ELSEWHERE'],
      ['ects', 'NOT_CONVERTIBLE'],
    ]);
    expect(r.totals.counted).toBe(300);
    // Said in words a learner reads, not credit-system codes.
    expect(r.excluded.find((e) => e.entryId === 'ects')?.text).toEqual({
      en: 'No conversion from ECTS credits to Korean Credit Bank credits was provided.',
      zh: '缺少从欧洲学分（ECTS）到韩国学分银行学分的转换规则。',
    });
  });

  it('converts other credit systems with the rules given', () => {
    const r = auditProgramme({
      items: [item({ entryId: 'ects', creditSystem: 'ECTS', credits: 500 })],
      programme: p,
      asOf: '2022-01-01',
      conversions: [
        {
          id: 'c',
          version: 1,
          publishedBy: 'op',
          effectiveFrom: '2000-01-01',
          automatic: true,
          kind: 'conversion',
          from: 'ECTS',
          to: 'KR_CB',
          method: { type: 'hours', hoursPerCredit: { ECTS: 25, KR_CB: 45 } },
          rounding: 'half_up',
          granularity: 50,
        },
      ],
    });
    // 5 ECTS × 25 h = 125 h; 125 / 45 = 2.78 credits → half_up to 0.5 → 3.
    expect(r.allocations).toEqual([{ entryId: 'ects', credits: 300 }]);
  });
});

describe('specific courses, residency and GPA', () => {
  it('meets a required course through an equivalence and names what is missing', () => {
    const p = programme([
      { id: 'core', kind: 'courses', mode: 'allOf', courses: ['home:MATH101', 'home:CS101'] },
      { id: 'final', kind: 'courses', mode: 'anyOf', courses: ['home:THESIS', 'home:PROJECT'] },
    ]);
    const items = [item({ entryId: 'calc', institutionId: 'other', courseCode: 'CALC-A' })];
    const r = auditProgramme({
      items,
      programme: p,
      asOf: '2022-01-01',
      equivalences: [
        { from: 'other:CALC-A', to: 'home:MATH101', ruleId: 'eq-calc', ruleVersion: 2 },
      ],
    });
    expect(req(r, 'core')).toMatchObject({
      met: false,
      required: 2,
      counted: 1,
      entries: ['calc'],
      missing: { amount: 1, text: { en: 'CS101 or an equivalent', zh: 'CS101（或同等课程）' } },
    });
    expect(req(r, 'final').missing.text.en).toBe('THESIS or PROJECT or an equivalent');
    expect(r.allocations[0]!.viaEquivalences).toEqual([{ ruleId: 'eq-calc', ruleVersion: 2 }]);
  });

  it('counts residency at the awarding body and its partners only', () => {
    const p = programme([{ id: 'res', kind: 'residency', min: 900 }]);
    const items = [
      item({ entryId: 'h', institutionId: 'home' }),
      item({ entryId: 'p', institutionId: 'partner' }),
      item({ entryId: 'o', institutionId: 'outsider' }),
    ];
    const r = auditProgramme({ items, programme: p, asOf: '2022-01-01' });
    expect(req(r, 'res')).toMatchObject({
      met: false,
      counted: 600,
      entries: ['h', 'p'],
      missing: { amount: 300, text: { en: '3 more credits at home or its partners' } },
    });
  });

  it('weights GPA by credits', () => {
    const p = programme([{ id: 'gpa', kind: 'minGpa', min: 2.5 }]);
    const ok = auditProgramme({
      items: [
        item({ entryId: 'a', credits: 600, grade: { points: 2, passed: true } }),
        item({ entryId: 'b', credits: 300, grade: { points: 4, passed: true } }),
      ],
      programme: p,
      asOf: '2022-01-01',
    });
    // (2 × 6 + 4 × 3) / 9 = 2.67
    expect(ok.totals.gpa).toBe(2.67);
    expect(req(ok, 'gpa')).toMatchObject({ met: true, counted: 2.67, required: 2.5 });
    const low = auditProgramme({
      items: [
        item({ entryId: 'a', credits: 300, grade: { points: 2, passed: true } }),
        item({ entryId: 'b', credits: 300, grade: { points: 2.5, passed: true } }),
      ],
      programme: p,
      asOf: '2022-01-01',
    });
    expect(req(low, 'gpa')).toMatchObject({
      met: false,
      counted: 2.25,
      missing: { amount: 0.25, text: { en: 'GPA 2.25 is below 2.50' } },
    });
  });
});

describe('programme versions', () => {
  it('audits the same items differently against v1 and v2, and says why', () => {
    const v1 = programme([
      { id: 'total', kind: 'totalCredits', min: 900 },
      { id: 'major', kind: 'categoryCredits', categories: ['major'], min: 600 },
    ]);
    const v2: Programme = {
      ...v1,
      version: 2,
      requirements: {
        id: 'root',
        kind: 'allOf',
        children: [
          { id: 'total', kind: 'totalCredits', min: 1200 },
          { id: 'major', kind: 'categoryCredits', categories: ['major'], min: 600 },
          { id: 'capstone', kind: 'courses', mode: 'allOf', courses: ['home:CAP400'] },
        ],
      },
    };
    const items = [
      item({ entryId: 'a' }),
      item({ entryId: 'b' }),
      item({ entryId: 'c', category: 'elective' }),
    ];
    const r1 = auditProgramme({ items, programme: v1, asOf: '2023-01-01' });
    const r2 = auditProgramme({ items, programme: v2, asOf: '2023-01-01' });
    expect(r1).toMatchObject({ passed: true, programme: { id: 'p-test', version: 1 } });
    expect(r2).toMatchObject({ passed: false, programme: { id: 'p-test', version: 2 } });
    expect(req(r2, 'total').missing).toEqual({
      amount: 300,
      text: { en: '3 more credits', zh: '还差 3 学分' },
    });
    expect(req(r2, 'capstone').missing.text.en).toBe('CAP400 or an equivalent');
    expect(req(r2, 'root').missing.text.en).toBe('2 more of: 12 credits in total; Course CAP400');
  });
});

describe('groups and input checks', () => {
  it('meets an atLeast group with n of its children', () => {
    const p = programme([
      {
        id: 'two-of',
        kind: 'atLeast',
        n: 2,
        children: [
          { id: 'g-major', kind: 'categoryCredits', categories: ['major'], min: 300 },
          { id: 'g-general', kind: 'categoryCredits', categories: ['general'], min: 300 },
          { id: 'g-practice', kind: 'categoryCredits', categories: ['practice'], min: 300 },
        ],
      },
    ]);
    const r = auditProgramme({
      items: [item({ entryId: 'm' }), item({ entryId: 'p', category: 'practice' })],
      programme: p,
      asOf: '2022-01-01',
    });
    expect(r.passed).toBe(true);
    expect(req(r, 'two-of')).toMatchObject({
      met: true,
      required: 2,
      counted: 2,
      parentId: 'root',
    });
  });

  it('rejects negative item credits and invalid programmes with INPUT_VALIDATION_ERROR', () => {
    const p = programme([{ id: 'total', kind: 'totalCredits', min: 300 }]);
    expect(() =>
      auditProgramme({
        items: [item({ entryId: 'neg', credits: -300 })],
        programme: p,
        asOf: '2022-01-01',
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'INPUT_VALIDATION_ERROR',
        message: expect.stringContaining('item neg: credits'),
      }),
    );
    const bad = programme([{ id: 'total', kind: 'totalCredits', min: -1 }]);
    expect(() => auditProgramme({ items: [], programme: bad, asOf: '2022-01-01' })).toThrow(
      /min must not be negative/,
    );
  });
});
