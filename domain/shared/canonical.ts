// Canonical JSON (sorted keys, no undefined) and sha256, so that a hash means the same everywhere.
import { createHash } from 'node:crypto';
import { InputValidationError } from './errors.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string is well-formed UTF-16 (no lone surrogate), i.e. can be written as UTF-8. */
export const isWellFormedText = (s: string): boolean => !LONE_SURROGATE.test(s);

/**
 * A string the database would store differently from what was hashed (a lone surrogate becomes
 * U+FFFD, a NUL is refused) must never be hashed: the chain would then look tampered with.
 */
function storable(s: string): string {
  if (!isWellFormedText(s))
    throw new InputValidationError('Text must be well-formed Unicode (it holds a lone surrogate)');
  if (s.includes('\u0000')) throw new InputValidationError('Text must not contain a NUL character');
  return s;
}

function scalar(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new TypeError('non-finite number');
  if (typeof value === 'string') storable(value);
  return JSON.stringify(value);
}

/**
 * Walks the value with a stack of its own rather than by recursion, so a document nested
 * thousands deep is written (or refused by its caller) instead of overflowing the call stack.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  // Either a value still to write, or a piece of punctuation to emit once we get back to it.
  const todo: ({ v: unknown } | string)[] = [{ v: value }];
  while (todo.length > 0) {
    const item = todo.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const v = item.v;
    if (v === null || typeof v !== 'object') {
      out.push(scalar(v));
    } else if (Array.isArray(v)) {
      out.push('[');
      todo.push(']');
      for (let i = v.length - 1; i >= 0; i--) {
        todo.push({ v: (v[i] as unknown) ?? null });
        if (i > 0) todo.push(',');
      }
    } else {
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj)
        // An absent field and a null one mean the same (stores differ in which they keep).
        .filter((k) => obj[k] !== undefined && obj[k] !== null)
        .sort();
      out.push('{');
      todo.push('}');
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        todo.push({ v: obj[k] });
        todo.push(`${JSON.stringify(storable(k))}:`);
        if (i > 0) todo.push(',');
      }
    }
  }
  return out.join('');
}

export const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * Deep enough for any credential we issue or accept (a CLR transcript embedding Open Badges is
 * about 15 levels), shallow enough that no recursive walker (JSON-LD, GraphQL variable coercion,
 * JWT claim checks) can run out of stack on it.
 */
export const MAX_JSON_DEPTH = 64;

/** The nesting depth of a parsed JSON value (a scalar is 0, `{}` and `[]` are 1); stops once past `limit`. */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let deepest = 0;
  const todo: [unknown, number][] = [[value, 0]];
  while (todo.length > 0) {
    const [v, depth] = todo.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const d = depth + 1;
    if (d > deepest) deepest = d;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') todo.push([child, d]);
    }
  }
  return deepest;
}
