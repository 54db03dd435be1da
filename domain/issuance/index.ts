// Issuance: institutions' signing keys and issuing, revoking and verifying credentials around credentials/.
export * from './credential-ports.ts';
export * from './credential-service.ts';
export * from './institution-keys.ts';
