// The HTTP status of each domain error code, one table for every REST-style route (VC API, checkpoints).
import type { DomainError } from '../domain/shared/index.ts';

export const HTTP_STATUS_FOR: Record<DomainError['code'], number> = {
  NOT_FOUND: 404,
  INPUT_VALIDATION_ERROR: 400,
  FORBIDDEN: 403,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  GONE: 410,
  ALREADY_RECOGNIZED: 409,
  INTEGRITY_ERROR: 409,
};
