// Programmes: types, validation and seed data.
export * from './types.ts';
export * from './validate.ts';
export * from './seed.ts';
