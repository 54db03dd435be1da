// Depth limits on JSON request bodies, checked without recursion before anything walks them.
import type { RequestHandler } from 'express';

/**
 * Deep enough for any credential we issue or accept (a CLR transcript embedding Open Badges is
 * about 15 levels), shallow enough that no recursive walker downstream (JSON-LD, canonicalisation,
 * GraphQL variable coercion) can run out of stack on it.
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

/** Refuses a parsed body nested deeper than `max` with a 400 problem document. */
export function limitJsonDepth(max = MAX_JSON_DEPTH): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.body;
    if (body === null || typeof body !== 'object' || jsonDepth(body, max) <= max) {
      next();
      return;
    }
    const detail = `The JSON body is nested deeper than ${max} levels`;
    // GraphQL clients read GraphQL errors; everyone else reads a problem document.
    if (req.path === '/graphql')
      res.status(400).json({ errors: [{ message: detail, extensions: { code: 'BAD_REQUEST' } }] });
    else res.status(400).json({ type: 'about:blank', title: 'Bad Request', status: 400, detail });
  };
}
