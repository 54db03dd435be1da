// The public API of credentials/: keys, DIDs, contexts, builders, issuing, status lists, verifying, batches.
export {
  generateKey,
  decryptKey,
  loadSigner,
  clearSignerCache,
  verificationMethodOf,
  KeyDecryptionError,
} from './keys.ts';
export type { StoredKey, Signer, KeyType, JwsAlgorithm } from './keys.ts';
export {
  didWeb,
  platformDid,
  didWebPath,
  didWebUrl,
  buildDidDocument,
  resolveDidKey,
  findVerificationMethod,
  DID_CONTEXT_V1,
  MULTIKEY_CONTEXT_V1,
} from './did.ts';
export type { DidDocument, DidDocumentKey, VerificationMethod } from './did.ts';
export {
  bundledContexts,
  VC_V1_CONTEXT,
  VC_V2_CONTEXT,
  OB_V3_CONTEXT,
  CLR_V2_CONTEXT,
  DATA_INTEGRITY_V2_CONTEXT,
  STATUS_LIST_V1_CONTEXT,
  ED25519_2020_CONTEXT,
} from './contexts/index.ts';
export {
  createDocumentLoader,
  isBundledContext,
  DocumentNotAllowedError,
  DidNotFoundError,
} from './documentLoader.ts';
export type { DocumentLoader, DidResolver, RemoteDocument } from './documentLoader.ts';
export {
  buildAchievementCredential,
  buildTranscriptCredential,
  buildCredential,
  localized,
  localizedText,
  isoDate,
  CREDITBANK_CONTEXT,
} from './builders.ts';
export type {
  LocalizedText,
  LanguageValue,
  AchievementType,
  IssuerInput,
  SubjectInput,
  AchievementInput,
  ResultInput,
  AchievementCredentialInput,
  TranscriptEntryInput,
  TranscriptCredentialInput,
  CredentialRecipe,
} from './builders.ts';
export {
  issueCredential,
  deriveCredential,
  hashCredential,
  issuerIdOf,
  CREDENTIAL_FORMATS,
  VC_JWT_MEDIA_TYPE,
  UnsupportedFormatError,
} from './issuer.ts';
export type { CredentialFormat, DataIntegrityFormat, IssuedCredential } from './issuer.ts';
export {
  completeCredential,
  credentialProblems,
  CredentialInputError,
  inputErrorOf,
  isUrl,
  vcVersionOf,
} from './credential-input.ts';
export type { CredentialProblem, IssuerCompletion } from './credential-input.ts';
export {
  STATUS_LIST_LENGTH,
  encodeStatusList,
  decodeStatusList,
  buildStatusListCredential,
  statusEntry,
} from './statusList.ts';
export type { StatusPurpose, DecodedStatusList } from './statusList.ts';
export {
  createVerifier,
  failureKind,
  isMalformed,
  accreditationTypesOf,
  MALFORMED_CODES,
  lookupsNeeded,
} from './verifier.ts';
export type {
  Verifier,
  VerifierOptions,
  VerificationReport,
  PresentationReport,
  PresentationExpected,
  Check,
  CheckId,
  CheckStatus,
  IssuerRecord,
  VerifiedFormat,
} from './verifier.ts';
export { createBatchIssuer } from './batch.ts';
export { createVerifyPool, VerifyWorkerLost } from './verifyPool.ts';
export type { VerifyPool, VerifierLookups } from './verifyPool.ts';
export type { BatchIssuer, BatchJob, BatchResult } from './batch.ts';
