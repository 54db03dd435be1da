// Recognition: the credit item model, versioned rules, conversions, equivalences, evaluation and the request workflow.
export * from './conversion.ts';
export * from './credit-items.ts';
export * from './equivalence.ts';
export * from './evaluate.ts';
export * from './grades.ts';
export * from './ports.ts';
export * from './registry.ts';
export * from './rules.ts';
export * from './seed.ts';
export * from './sources.ts';
export * from './workflow.ts';
