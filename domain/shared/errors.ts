// Domain errors: expected failures carry a code that the API maps to a typed result, never a 500.
export type ErrorCode =
  | 'NOT_FOUND'
  | 'INPUT_VALIDATION_ERROR'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'GONE'
  | 'ALREADY_RECOGNIZED'
  | 'INTEGRITY_ERROR';

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export class NotFound extends DomainError {
  override name = 'NotFound';
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} was not found`, { what, id });
  }
}

export class InputValidationError extends DomainError {
  override name = 'InputValidationError';
  constructor(message: string, details?: Record<string, unknown>) {
    super('INPUT_VALIDATION_ERROR', message, details);
  }
}

export class Forbidden extends DomainError {
  override name = 'Forbidden';
  constructor(message = 'You are not allowed to do this') {
    super('FORBIDDEN', message);
  }
}

export class Conflict extends DomainError {
  override name = 'Conflict';
  constructor(message: string, details?: Record<string, unknown>) {
    super('CONFLICT', message, details);
  }
}

/** It existed, and is no more: a withdrawn or expired link. */
export class Gone extends DomainError {
  override name = 'Gone';
  constructor(message: string) {
    super('GONE', message);
  }
}

/** A source entry already counts as recognised credit at this institution: naming the first recognition. */
export class AlreadyRecognized extends DomainError {
  override name = 'AlreadyRecognized';
  constructor(
    message: string,
    details: { sourceEntryId: string; recognizedEntryId: string; requestId?: string },
  ) {
    super('ALREADY_RECOGNIZED', message, details);
  }
}

/**
 * Stored data failed a check against the hash chain or a signed checkpoint (tampering, or an
 * operator's mistake): nothing derived from it is served, signed or folded until it is repaired.
 */
export class IntegrityError extends DomainError {
  override name = 'IntegrityError';
  constructor(message: string, details?: Record<string, unknown>) {
    super('INTEGRITY_ERROR', message, details);
  }
}

export class Unauthenticated extends DomainError {
  override name = 'Unauthenticated';
  constructor(message = 'Sign in first') {
    super('UNAUTHENTICATED', message);
  }
}

export class CreditAmountOutOfRange extends InputValidationError {
  override name = 'CreditAmountOutOfRange';
  constructor(value: unknown) {
    super(
      `Credits must be a number from 0 to ${MAX_CREDITS} with at most two decimals, got ${String(value)}`,
      {
        field: 'credits',
      },
    );
  }
}

/** No single achievement carries more than this many credits (a whole degree is ~240 ECTS). */
export const MAX_CREDITS = 400;
