// Issuance: institutions' signing keys and issuing, revoking and verifying credentials around credentials/.
export * from './credential-ports.ts';
export * from './credential-service.ts';
export type {
  CredentialState,
  InstitutionCredentialPage,
  InstitutionCredentialQuery,
} from './credential-reading.ts';
export { ACHIEVEMENT_TYPES, accreditedTypes } from './credential-content.ts';
export type { IssueRequest, IssueWhat } from './issue-preparation.ts';
export { flaggedIndexes } from './status-lists.ts';
export * from './institution-keys.ts';
export * from './printable-credentials.ts';
export * from './credential-status-notice.ts';
export type { IssueRow, PipelineOptions } from './batch-issuance.ts';
