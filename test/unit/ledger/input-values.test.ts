// Strict input before hashing: text (Unicode, NFC, controls), calendar dates, and canonical JSON at any depth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, isWellFormedText } from '../../../domain/shared/canonical.ts';
import { InputValidationError } from '../../../domain/shared/errors.ts';
import { validateAchievement } from '../../../domain/ledger/achievement-input.ts';
import {
  boundedString,
  calendarDate,
  cleanText,
  localizedText,
} from '../../../domain/shared/values.ts';

/** The recursive canonical JSON the ledger used before: every existing hash was made with it. */
function recursiveCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value))
    return `[${value.map((v: unknown) => recursiveCanonical(v ?? null)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined && obj[k] !== null)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${recursiveCanonical(obj[k])}`).join(',')}}`;
}

/** Whether any string or key in v holds a NUL or a lone surrogate. */
const unstorable = (v: unknown): boolean =>
  typeof v === 'string'
    ? v.includes('\u0000') || !isWellFormedText(v)
    : v !== null && typeof v === 'object'
      ? // A member whose value is null is left out of canonical JSON, key and all.
        Object.entries(v).some(
          ([k, x]) =>
            (Array.isArray(v) || (x !== null && x !== undefined)) &&
            (unstorable(k) || unstorable(x)),
        )
      : false;

const field = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputValidationError);
    return (err as InputValidationError).details?.['field'] as string;
  }
  return undefined;
};

describe('canonical JSON', () => {
  it('writes exactly what the recursive version wrote, so no existing hash changes', () => {
    fc.assert(
      fc.property(fc.jsonValue({ noUnicodeString: false }), (v) => {
        const reference = recursiveCanonical(v);
        // What the database cannot store as sent is refused; everything else is written alike.
        if (unstorable(v)) {
          expect(() => canonicalJson(v)).toThrow(InputValidationError);
        } else expect(canonicalJson(v)).toBe(reference);
      }),
      { numRuns: 500 },
    );
  });

  it('handles a document nested 100,000 deep without overflowing the stack', () => {
    let deep: unknown = { leaf: 'x' };
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? { a: deep } : [deep];
    const text = canonicalJson(deep);
    expect(text.startsWith('{"a":[{"a":[')).toBe(true);
    expect(text.length).toBeGreaterThan(300_000);
  });

  it('refuses to hash a lone surrogate or a NUL, in values and in keys', () => {
    for (const bad of [{ t: 'a\ud800' }, { ['k\udc00']: 1 }, { t: 'a\u0000b' }, ['\udfff']]) {
      expect(() => canonicalJson(bad)).toThrow(InputValidationError);
    }
    expect(canonicalJson({ t: '😀 学分' })).toBe('{"t":"😀 学分"}');
  });
});

describe('text', () => {
  it('refuses a lone surrogate and names the field', () => {
    expect(field(() => cleanText('A\ud800', 'title'))).toBe('title');
    expect(field(() => localizedText({ en: 'Calculus \udc00' }, 'title'))).toBe('title');
    expect(field(() => boundedString('R-\ud83d', 'sourceRecordId'))).toBe('sourceRecordId');
  });

  it('normalises to NFC before anything is hashed', () => {
    const decomposed = 'Cafe\u0301 Mu\u0308ller';
    expect(cleanText(decomposed, 'name')).toBe('Café Müller');
    expect(localizedText({ en: decomposed }, 'title')).toEqual({
      zh: 'Café Müller',
      en: 'Café Müller',
    });
    // Already-NFC text, CJK and astral characters pass through unchanged.
    expect(cleanText('微积分 😀 Ω', 'title')).toBe('微积分 😀 Ω');
  });

  it('refuses control characters, except line breaks and tabs in prose', () => {
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\n', '\t', '\r']) {
      expect(field(() => boundedString(`a${c}b`, 'name'))).toBe('name');
    }
    expect(boundedString('line one\nline two\ttabbed\r\n', 'reason', 1000)).toBe(
      'line one\nline two\ttabbed',
    );
    expect(field(() => boundedString('bell\u0007', 'reason', 1000))).toBe('reason');
  });
});

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '1999-12-31', '2024-06-30'])
      expect(calendarDate(ok, 'earnedAt')).toBe(ok);
    for (const bad of [
      '2024-13-01',
      '2024-01-32',
      '9999-99-99',
      '2023-02-29',
      '1900-02-29',
      '2024-04-31',
      '2024-00-10',
      '0000-01-01',
      '2024-1-1',
      '2024-06-30T00:00:00Z',
      '',
      42,
      null,
    ]) {
      expect(field(() => calendarDate(bad, 'earnedAt'))).toBe('earnedAt');
    }
  });

  it('an impossible earnedAt or expiresAt is an input error of that field, not a crash', async () => {
    const base = {
      learnerId: 'L',
      sourceRecordId: 'R',
      kind: 'training',
      title: { en: 'Training' },
      credits: 1,
      creditSystem: 'CN',
      category: 'general',
      level: 3,
      earnedAt: '2024-06-30',
    };
    const now = new Date('2025-01-01T00:00:00Z');
    const noCourses = () => Promise.resolve(null);
    for (const [key, value] of [
      ['earnedAt', '2024-13-01'],
      ['earnedAt', '2024-01-32'],
      ['earnedAt', '9999-99-99'],
      ['expiresAt', '2024-13-01'],
      ['expiresAt', '9999-99-99'],
    ] as const) {
      const err = await validateAchievement({ ...base, [key]: value }, noCourses, now).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(InputValidationError);
      expect((err as InputValidationError).details).toEqual({ field: key });
    }
  });
});
