// Demo data: institutions, courses, learners with records, seed programmes and rules, for a first look.
export * from './demo-data.ts';
