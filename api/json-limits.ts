// Depth limits on JSON request bodies, checked without recursion before anything walks them.
import type { RequestHandler } from 'express';

// The limit and the measure live with canonical JSON in the domain, which checks credentials too.
import { MAX_JSON_DEPTH, jsonDepth } from '../domain/shared/index.ts';

export { MAX_JSON_DEPTH, jsonDepth };

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

/**
 * How deeply a GraphQL document nests brackets (`{`, `(`, `[`), skipping strings and comments.
 * graphql-js parses recursively and runs out of stack at a few thousand levels, before its token
 * limit is reached, so a document is measured before it is parsed.
 */
export function graphqlNesting(query: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === '#') {
      while (i < query.length && query[i] !== '\n' && query[i] !== '\r') i++;
    } else if (c === '"') {
      if (query.startsWith('"""', i)) {
        const end = query.indexOf('"""', i + 3);
        i = end < 0 ? query.length : end + 2;
      } else {
        for (i++; i < query.length && query[i] !== '"' && query[i] !== '\n'; i++) {
          if (query[i] === '\\') i++;
        }
      }
    } else if (c === '{' || c === '(' || c === '[') {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === '}' || c === ')' || c === ']') {
      depth--;
    }
  }
  return deepest;
}
