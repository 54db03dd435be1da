// Recognition: versioned rules, conversions, equivalences and the evaluation of recognition requests.
export * from './rules.ts';
export * from './conversion.ts';
export * from './equivalence.ts';
export * from './grades.ts';
export * from './evaluate.ts';
