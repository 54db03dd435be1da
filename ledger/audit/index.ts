// Degree audit: the credit item model and auditProgramme.
export * from './types.ts';
export * from './audit.ts';
export { formatCredits } from './text.ts';
export { semesterOf } from './dates.ts';
