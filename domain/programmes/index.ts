// Programmes: qualification programmes as versioned data, their validation, registry, ports and seeds.
export * from './ports.ts';
export * from './registry.ts';
export * from './seed.ts';
export * from './types.ts';
export * from './validate.ts';
