// Shared kernel: domain errors, value objects, records, canonical JSON and the hash chain, the core storage ports, small utilities.
export * from './canonical.ts';
export * from './chain.ts';
export * from './dates.ts';
export * from './errors.ts';
export * from './keyed-mutex.ts';
export * from './ports.ts';
export * from './refreshing-cache.ts';
export * from './text.ts';
export * from './types.ts';
export * from './values.ts';
