// Ledger: recording, correcting and voiding achievements on a learner's hash chain, and bulk import.
export * from './achievement-input.ts';
export * from './importer.ts';
export * from './import-jobs.ts';
export * from './ledger-service.ts';
export * from './course-class.ts';
export * from './ports.ts';
