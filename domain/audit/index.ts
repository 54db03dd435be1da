// Degree audit: a learner's credit items against a programme, the exact allocation and its explanation.
export * from './audit.ts';
export * from './explain.ts';
export * from './service.ts';
export * from './near-completion.ts';
