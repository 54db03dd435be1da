// The institution the signed-in staff member acts for (the console's pages are for staff only).
import { useSession } from '../../lib/session.tsx';

export function useInstitutionId(): string {
  const id = useSession().session?.institutionId;
  if (!id) throw new Error('the console pages are for staff of an institution');
  return id;
}

/** A field's error from a ResultError, when the API named that field. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(
  err: { message: string; field?: string | null | undefined } | null,
  known: readonly string[],
): { fields: FieldErrors; general: string | null } {
  if (!err) return { fields: {}, general: null };
  // The API names nested fields by their path (grade.score); the form shows them on the leaf.
  const leaf = err.field?.split('.').at(-1);
  const match = known.find((k) => k === err.field || k === leaf);
  return match
    ? { fields: { [match]: err.message }, general: null }
    : { fields: {}, general: err.message };
}
