// The one way the app talks to the server: POST /graphql with the session's token, typed by codegen.
import type { TypedDocumentString } from '../gql/graphql.ts';

/** The server said the session is over (expired or signed out elsewhere): sign in again. */
export class SessionExpired extends Error {
  override name = 'SessionExpired';
}

/** The request did not reach the server or its answer was not GraphQL. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/** A GraphQL error the server sent (not an expected failure, which comes back as data). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

let currentToken: string | null = null;
let onExpired: (() => void) | null = null;

export function setToken(token: string | null): void {
  currentToken = token;
}

/** The Authorization header of the session, for the app's few plain HTTP calls (uploads, downloads). */
export function authHeaders(): Record<string, string> {
  return currentToken ? { authorization: `Bearer ${currentToken}` } : {};
}

/** Tells the session a plain HTTP call was refused as unauthenticated (the GraphQL path does it itself). */
export function sessionRefused(): void {
  if (currentToken) onExpired?.();
}

export function onSessionExpired(handler: (() => void) | null): void {
  onExpired = handler;
}

/** A request outside GraphQL (a file download) was refused for want of a valid session. */
export function reportSessionExpired(): void {
  onExpired?.();
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function execute<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(currentToken ? { authorization: `Bearer ${currentToken}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new NetworkError('network');
  }
  let body: GraphQLResponse<TResult>;
  try {
    body = (await res.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new NetworkError(`HTTP ${res.status}`);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code;
    if (code === 'UNAUTHENTICATED' && currentToken) {
      onExpired?.();
      throw new SessionExpired(first.message);
    }
    throw new ApiError(first.message, code);
  }
  if (!body.data) throw new NetworkError(`HTTP ${res.status}`);
  return body.data;
}

/** An expected failure returned as data (the schema's ResultError). */
export interface ResultErrorData {
  __typename: 'ResultError';
  code: string;
  message: string;
  field?: string | null;
}

export function isResultError(v: { __typename?: string } | null | undefined): v is ResultErrorData {
  return v?.__typename === 'ResultError';
}
