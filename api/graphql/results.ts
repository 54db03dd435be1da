// Expected failures as data: domain errors become ResultError values of the result unions.
import { DomainError } from '../../domain/shared/index.ts';

export interface ResultErrorValue {
  __typename: 'ResultError';
  code: DomainError['code'];
  message: string;
  field?: string | null;
}

export const resultError = (e: DomainError): ResultErrorValue => ({
  __typename: 'ResultError',
  code: e.code,
  message: e.message,
  field: typeof e.details?.['field'] === 'string' ? e.details['field'] : null,
});

/**
 * Runs a service call for a field returning a result union: the value tagged with its GraphQL type,
 * or a ResultError for a DomainError. Anything else is unexpected and propagates (masked and logged).
 */
export async function result<T extends object, N extends string>(
  typename: N,
  fn: () => Promise<T>,
): Promise<(T & { __typename: N }) | ResultErrorValue> {
  try {
    return Object.assign(await fn(), { __typename: typename });
  } catch (err) {
    if (err instanceof DomainError) return resultError(err);
    throw err;
  }
}

/** Domain values are lower-case words, GraphQL enum values upper-case (the schema's enums list them). */
export const upper = (s: string): never => s.toUpperCase() as never;
export const lower = (s: string): string => s.toLowerCase();
