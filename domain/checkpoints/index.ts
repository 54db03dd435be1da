// Checkpoints: signed Merkle tree heads over every learner chain, their proofs and co-signatures.
export * from './merkle.ts';
export * from './note.ts';
export * from './ports.ts';
export * from './service.ts';
