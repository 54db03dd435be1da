/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AccountCodePurpose =
  /** Activates the learner's first sign-in, bound to the registered learner. */
  | 'ACTIVATION'
  /** Sets a new password for the learner's existing sign-in. */
  | 'RESET';

export type AccreditationScopeInput = {
  levels?: Array<number> | null | undefined;
  qualificationType: QualificationType;
};

export type AchievementInput = {
  /** Cross-listed: other categories the credits may count under instead of category (never as well). */
  altCategories?: Array<string> | null | undefined;
  category?: string | null | undefined;
  /** A course of your catalogue: title, credits, level and category default to it. */
  courseCode?: string | null | undefined;
  creditSystem?: CreditSystem | null | undefined;
  credits?: number | null | undefined;
  earnedAt: string;
  evidenceUrl?: string | null | undefined;
  expiresAt?: string | null | undefined;
  grade?: GradeInput | null | undefined;
  hours?: number | null | undefined;
  kind: AchievementKind;
  learnerId: string | number;
  level?: number | null | undefined;
  /** Your own record id for this achievement: sending it again never records it twice. */
  sourceRecordId: string;
  term?: string | null | undefined;
  title?: LocalizedTextInput | null | undefined;
};

export type AchievementKind =
  | 'AWARD'
  | 'COURSE'
  | 'MOOC'
  | 'RECOGNIZED'
  | 'SKILLS_CERTIFICATE'
  | 'TRAINING'
  | 'VOCATIONAL_CERTIFICATE'
  | 'WORK_EXPERIENCE';

export type ActionTargetKind = 'APIKEY' | 'INSTITUTION' | 'SIGNINGKEY' | 'USER';

export type ActivateAccountInput = {
  /** The activation code from the learner's institution or the operator (dashes and spaces ignored). */
  code: string;
  /** The email to sign in with. */
  email: string;
  /** The learner's national ID number, as registered. */
  nationalId: string;
  /** 10 to 200 characters. */
  password: string;
};

export type ActivateStaffAccountInput = {
  /** The activation code from the operator or the institution (dashes and spaces ignored). */
  code: string;
  /** The email the account was created with. */
  email: string;
  /** The password to sign in with from now on, 10 to 200 characters. */
  password: string;
};

export type ApiKeyScope = 'CREDENTIALS_ISSUE' | 'RECORDS_READ' | 'RECORDS_WRITE';

export type AwardApplicationStatus =
  | 'APPLIED'
  | 'AWARDED'
  /** The audit could not prove a verdict in its time limit: staff review the record (see reviewReason). */
  | 'UNDER_REVIEW';

export type CorrectAchievementInput = {
  category?: string | null | undefined;
  creditSystem?: CreditSystem | null | undefined;
  credits?: number | null | undefined;
  earnedAt?: string | null | undefined;
  entryId: string | number;
  expiresAt?: string | null | undefined;
  grade?: GradeInput | null | undefined;
  hours?: number | null | undefined;
  level?: number | null | undefined;
  reason: string;
  sourceRecordId: string;
  term?: string | null | undefined;
  title?: LocalizedTextInput | null | undefined;
};

export type CredentialFormat =
  /** Data Integrity, ecdsa-rdfc-2019 (P-256) */
  | 'ECDSA_RDFC_2019'
  /** Data Integrity, ecdsa-sd-2023 base proof (P-256): the holder derives selective disclosures */
  | 'ECDSA_SD_2023'
  /** Data Integrity, eddsa-rdfc-2022 (Ed25519) — the default */
  | 'EDDSA_RDFC_2022'
  /** VC-JOSE-COSE: application/vc+jwt, EdDSA */
  | 'VC_JWT';

export type CredentialKind = 'ACHIEVEMENT' | 'QUALIFICATION' | 'TRANSCRIPT';

/** A credential's state: revocation is final, a suspension can be undone. */
export type CredentialState = 'ACTIVE' | 'REVOKED' | 'SUSPENDED';

export type CreditSystem =
  /** Chinese higher-education credits */
  | 'CN'
  /** European Credit Transfer and Accumulation System */
  | 'ECTS'
  /** Korean Academic Credit Bank credits */
  | 'KR_CB'
  /** US semester hours */
  | 'US_SH';

export type EntryType = 'ACHIEVEMENT' | 'AWARD' | 'CORRECTION' | 'CREDENTIAL' | 'VOID';

/** Why an operation could not be done. Expected failures are results, not GraphQL errors. */
export type ErrorCode =
  /** The learning is recognised at this institution already (the message names the first recognition); staff may supersede it. */
  | 'ALREADY_RECOGNIZED'
  | 'CONFLICT'
  | 'FORBIDDEN'
  /** A link that was withdrawn or has expired. */
  | 'GONE'
  | 'INPUT_VALIDATION_ERROR'
  /** Stored data failed a check against the hash chain or a signed checkpoint: nothing is served from it. */
  | 'INTEGRITY_ERROR'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED';

export type GradeInput = {
  letter?: string | null | undefined;
  passed?: boolean | null | undefined;
  points?: number | null | undefined;
  score?: number | null | undefined;
};

/** A course the learner might still take, for a what-if audit. */
export type HypotheticalCreditInput = {
  category: string;
  courseCode?: string | null | undefined;
  creditSystem: CreditSystem;
  credits: number;
  earnedAt?: string | null | undefined;
  institutionId: string | number;
  kind?: AchievementKind | null | undefined;
  level?: number | null | undefined;
  points?: number | null | undefined;
  score?: number | null | undefined;
};

export type ImportFormat = 'CSV' | 'JSONL';

export type ImportJobStatus =
  /** The dry run is over: see check, then write the file with importFile. */
  | 'CHECKED'
  /** The dry run is reading the file. */
  | 'CHECKING'
  | 'DONE'
  | 'FAILED'
  /** The process running the job stopped (a restart): run it again with importFile; nothing is recorded twice. */
  | 'INTERRUPTED'
  | 'UPLOADING'
  | 'WRITING';

export type ImportPhase = 'CHECK' | 'WRITE';

/** Which of an institution's credentials to list: every given field must match. */
export type InstitutionCredentialsFilter = {
  kind?: CredentialKind | null | undefined;
  learnerId?: string | number | null | undefined;
  /** The programme an award's credential was issued for. */
  programmeId?: string | number | null | undefined;
  status?: CredentialState | null | undefined;
};

export type InstitutionStatus = 'ACTIVE' | 'SUSPENDED';

export type InstitutionType =
  | 'CREDIT_BANK'
  | 'MOOC_PLATFORM'
  | 'OPEN_UNIVERSITY'
  | 'TRAINING_PROVIDER'
  | 'UNIVERSITY'
  | 'VOCATIONAL_COLLEGE';

export type IssueCredentialInput = {
  /** ACHIEVEMENT: the ledger entry to attest (recorded by your institution). */
  entryId?: string | number | null | undefined;
  /** TRANSCRIPT: the entries to list (default: every current entry you recorded). */
  entryIds?: Array<string | number> | null | undefined;
  format?: CredentialFormat | null | undefined;
  kind: CredentialKind;
  learnerId: string | number;
  /** QUALIFICATION: the diploma, degree or certificate. */
  qualification?: QualificationInput | null | undefined;
  /** Your idempotency key: the same key again returns the credential issued the first time. */
  requestKey?: string | null | undefined;
  validUntil?: string | null | undefined;
};

export type KeyType = 'ED25519' | 'P256';

export type LocalizedTextInput = {
  en?: string | null | undefined;
  zh?: string | null | undefined;
};

export type NewAccountInput = {
  email: string;
  name: string;
  /**
   * 10 to 200 characters. Leave it out for a staff or operator account to create it waiting for
   * activation, then give its holder an activation code (createStaffCode): they choose their own
   * password. A learner's sign-in always needs one.
   */
  password?: string | null | undefined;
};

export type OperatorActionKind =
  | 'APIKEY_CREATE'
  | 'APIKEY_REVOKE'
  /** An institution's accreditation scope changed. */
  | 'INSTITUTION_ACCREDITATION'
  /** An institution was registered. */
  | 'INSTITUTION_REGISTER'
  /** An institution was suspended or reinstated. */
  | 'INSTITUTION_STATUS'
  | 'SIGNINGKEY_REVOKE'
  | 'SIGNINGKEY_ROTATE'
  /** An activation code was made for a staff or operator account. */
  | 'USER_ACTIVATION_CODE'
  | 'USER_CREATE_OPERATOR'
  | 'USER_CREATE_STAFF'
  | 'USER_DISABLE'
  | 'USER_ENABLE'
  /** A password reset code was made for a staff or operator account. */
  | 'USER_RESET_CODE';

/**
 * Whether an action's change was made. The action is written before its change (write-ahead) and its
 * outcome after, so a server stopping in between leaves ATTEMPTED, never an unrecorded change.
 */
export type OperatorActionStatus =
  /** Written before the change, with no outcome yet: still running, or the server stopped in between (look at the target). */
  | 'ATTEMPTED'
  /** The change was refused or failed; nothing was changed by it. */
  | 'FAILED'
  | 'SUCCEEDED';

export type QualificationInput = {
  awardedAt?: string | null | undefined;
  /** Ledger entries this qualification rests on (listed as evidence). */
  evidenceEntryIds?: Array<string | number> | null | undefined;
  fieldOfStudy?: string | null | undefined;
  honours?: string | null | undefined;
  level?: number | null | undefined;
  name: LocalizedTextInput;
  qualificationType: QualificationType;
};

export type QualificationType =
  | 'ASSOCIATE'
  | 'BACHELOR'
  | 'COURSE_CERTIFICATE'
  | 'DOCTORATE'
  | 'MASTER'
  | 'TRAINING_CERTIFICATE'
  | 'TRANSCRIPT'
  | 'VOCATIONAL_CERTIFICATE'
  | 'VOCATIONAL_DIPLOMA';

export type RecognitionDecisionItemInput = {
  category?: string | null | undefined;
  credits: number;
  entryId: string | number;
  level?: number | null | undefined;
};

export type RecognitionEventType =
  'APPEALED' | 'APPROVED' | 'AUTO_APPROVED' | 'PARTLY_APPROVED' | 'REJECTED' | 'REQUESTED';

export type RecognitionStatus =
  'APPEALED' | 'APPROVED' | 'AUTO_APPROVED' | 'PARTLY_APPROVED' | 'PENDING' | 'REJECTED';

export type RegisterInstitutionInput = {
  accreditation: Array<AccreditationScopeInput>;
  name: LocalizedTextInput;
  region: string;
  slug: string;
  type: InstitutionType;
};

export type RequestRecognitionInput = {
  comment?: string | null | undefined;
  /** The credit system to recognise into (default: the programme's). */
  creditSystem?: CreditSystem | null | undefined;
  entryIds: Array<string | number>;
  /** The learner whose entries these are (a learner may leave it out). */
  learnerId?: string | number | null | undefined;
  programmeId?: string | number | null | undefined;
  programmeVersion?: number | null | undefined;
  /** The receiving institution (or give a programme: its awarding institution). */
  targetInstitutionId?: string | number | null | undefined;
};

export type ResetPasswordInput = {
  /** The reset code from the learner's institution, the operator, or (for staff) the institution's staff. */
  code: string;
  /** The email the learner, staff member or operator signs in with. */
  email: string;
  /** The new password, 10 to 200 characters. */
  password: string;
};

export type Role = 'API_KEY' | 'LEARNER' | 'OPERATOR' | 'STAFF';

export type ShareCredentialInput = {
  /** Whom you share with (an employer, an agency…), 1 to 200 characters: shown to you with each opening. */
  audience: string;
  /** One credential to share… */
  credentialId?: string | number | null | undefined;
  /** …or several (up to 20), shown together through one link. */
  credentialIds?: Array<string | number> | null | undefined;
  /** How long the link works: 1 to 2,160 hours (90 days); a week when not given. */
  expiresInHours?: number | null | undefined;
};

export type VoidAchievementInput = {
  entryId: string | number;
  reason: string;
  sourceRecordId: string;
};

export type SignedInFragment = {
  token: string;
  expiresAt: string;
  user: {
    id: string;
    email: string;
    name: string;
    role: Role;
    institutionId: string | null;
    learnerId: string | null;
  };
};

export type ActivateAccountMutationVariables = Exact<{
  input: ActivateAccountInput;
}>;

export type ActivateAccountMutation = {
  activateAccount:
    | {
        __typename: 'LoginOk';
        token: string;
        expiresAt: string;
        user: {
          id: string;
          email: string;
          name: string;
          role: Role;
          institutionId: string | null;
          learnerId: string | null;
        };
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ActivateStaffAccountMutationVariables = Exact<{
  input: ActivateStaffAccountInput;
}>;

export type ActivateStaffAccountMutation = {
  activateStaffAccount:
    | {
        __typename: 'LoginOk';
        token: string;
        expiresAt: string;
        user: {
          id: string;
          email: string;
          name: string;
          role: Role;
          institutionId: string | null;
          learnerId: string | null;
        };
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;

export type ResetPasswordMutation = {
  resetPassword:
    | {
        __typename: 'LoginOk';
        token: string;
        expiresAt: string;
        user: {
          id: string;
          email: string;
          name: string;
          role: Role;
          institutionId: string | null;
          learnerId: string | null;
        };
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;

export type ChangePasswordMutation = {
  changePassword:
    | {
        __typename: 'LoginOk';
        token: string;
        expiresAt: string;
        user: {
          id: string;
          email: string;
          name: string;
          role: Role;
          institutionId: string | null;
          learnerId: string | null;
        };
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type SignOutEverywhereMutationVariables = Exact<{ [key: string]: never }>;

export type SignOutEverywhereMutation = { signOutEverywhere: boolean };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;

export type LoginMutation = {
  login:
    | {
        __typename: 'LoginOk';
        token: string;
        expiresAt: string;
        user: {
          id: string;
          email: string;
          name: string;
          role: Role;
          institutionId: string | null;
          learnerId: string | null;
        };
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type CreditAccountQueryVariables = Exact<{
  learnerId: string | number;
}>;

export type CreditAccountQuery = {
  creditAccount:
    | {
        __typename: 'CreditAccount';
        asOf: string;
        achievements: number;
        totals: Array<{ creditSystem: CreditSystem; key: string; credits: number }>;
        byCategory: Array<{ creditSystem: CreditSystem; key: string; credits: number }>;
        byLevel: Array<{ creditSystem: CreditSystem; key: string; credits: number }>;
        byInstitution: Array<{ creditSystem: CreditSystem; key: string; credits: number }>;
        expired: Array<{ creditSystem: CreditSystem; key: string; credits: number }>;
        recognized: Array<{ creditSystem: CreditSystem; key: string; credits: number }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string };
};

export type ConsoleApplicationFieldsFragment = {
  id: string;
  learnerId: string;
  programmeId: string;
  programmeVersion: number;
  appliedAt: string;
  status: AwardApplicationStatus;
  confirmedAt: string | null;
  reviewReason: string | null;
  credentialId: string | null;
};

export type ConsoleCredentialFieldsFragment = {
  id: string;
  institutionId: string;
  learnerId: string;
  kind: CredentialKind;
  achievementTypes: Array<string>;
  format: CredentialFormat;
  revoked: boolean;
  suspended: boolean;
  issuedAt: string;
  history: Array<{ action: string; reason: string; at: string }>;
};

export type ConsoleAwardApplicationsQueryVariables = Exact<{
  institutionId: string | number;
}>;

export type ConsoleAwardApplicationsQuery = {
  awardApplications:
    | {
        __typename: 'AwardApplicationList';
        items: Array<{
          id: string;
          learnerId: string;
          programmeId: string;
          programmeVersion: number;
          appliedAt: string;
          status: AwardApplicationStatus;
          confirmedAt: string | null;
          reviewReason: string | null;
          credentialId: string | null;
        }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string };
};

export type ConsoleConfirmAwardMutationVariables = Exact<{
  applicationId: string | number;
}>;

export type ConsoleConfirmAwardMutation = {
  confirmAward:
    | {
        __typename: 'AwardApplication';
        id: string;
        learnerId: string;
        programmeId: string;
        programmeVersion: number;
        appliedAt: string;
        status: AwardApplicationStatus;
        confirmedAt: string | null;
        reviewReason: string | null;
        credentialId: string | null;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleIssueCredentialMutationVariables = Exact<{
  institutionId: string | number;
  input: IssueCredentialInput;
}>;

export type ConsoleIssueCredentialMutation = {
  issueCredential:
    | {
        __typename: 'IssuedCredential';
        id: string;
        institutionId: string;
        learnerId: string;
        kind: CredentialKind;
        achievementTypes: Array<string>;
        format: CredentialFormat;
        revoked: boolean;
        suspended: boolean;
        issuedAt: string;
        history: Array<{ action: string; reason: string; at: string }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleIssueCredentialsMutationVariables = Exact<{
  institutionId: string | number;
  inputs: Array<IssueCredentialInput> | IssueCredentialInput;
}>;

export type ConsoleIssueCredentialsMutation = {
  issueCredentials:
    | {
        __typename: 'BatchIssueOk';
        issued: number;
        existing: number;
        failed: number;
        rows: Array<{
          index: number;
          created: boolean;
          credential: { id: string } | null;
          error: { code: ErrorCode; message: string; field: string | null } | null;
        }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleCredentialQueryVariables = Exact<{
  id: string | number;
}>;

export type ConsoleCredentialQuery = {
  credential:
    | {
        __typename: 'IssuedCredential';
        id: string;
        institutionId: string;
        learnerId: string;
        kind: CredentialKind;
        achievementTypes: Array<string>;
        format: CredentialFormat;
        revoked: boolean;
        suspended: boolean;
        issuedAt: string;
        history: Array<{ action: string; reason: string; at: string }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleRevokeCredentialMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;

export type ConsoleRevokeCredentialMutation = {
  revokeCredential:
    | {
        __typename: 'IssuedCredential';
        id: string;
        institutionId: string;
        learnerId: string;
        kind: CredentialKind;
        achievementTypes: Array<string>;
        format: CredentialFormat;
        revoked: boolean;
        suspended: boolean;
        issuedAt: string;
        history: Array<{ action: string; reason: string; at: string }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleSuspendCredentialMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;

export type ConsoleSuspendCredentialMutation = {
  suspendCredential:
    | {
        __typename: 'IssuedCredential';
        id: string;
        institutionId: string;
        learnerId: string;
        kind: CredentialKind;
        achievementTypes: Array<string>;
        format: CredentialFormat;
        revoked: boolean;
        suspended: boolean;
        issuedAt: string;
        history: Array<{ action: string; reason: string; at: string }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleReinstateCredentialMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;

export type ConsoleReinstateCredentialMutation = {
  reinstateCredential:
    | {
        __typename: 'IssuedCredential';
        id: string;
        institutionId: string;
        learnerId: string;
        kind: CredentialKind;
        achievementTypes: Array<string>;
        format: CredentialFormat;
        revoked: boolean;
        suspended: boolean;
        issuedAt: string;
        history: Array<{ action: string; reason: string; at: string }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleInstitutionCredentialsQueryVariables = Exact<{
  institutionId: string | number;
  filter?: InstitutionCredentialsFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ConsoleInstitutionCredentialsQuery = {
  institutionCredentials:
    | {
        __typename: 'IssuedCredentialPage';
        items: Array<{
          id: string;
          learnerId: string;
          kind: CredentialKind;
          programmeId: string | null;
          revoked: boolean;
          suspended: boolean;
          issuedAt: string;
        }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleCourseClassQueryVariables = Exact<{
  institutionId: string | number;
  courseCode: string;
  term?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ConsoleCourseClassQuery = {
  courseClass:
    | {
        __typename: 'CourseClassPage';
        items: Array<{
          credentialId: string | null;
          entry: { id: string; learnerId: string; sourceRecordId: string };
        }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleEntryFieldsFragment = {
  id: string;
  learnerId: string;
  seq: number;
  type: EntryType;
  recordedAt: string;
  sourceRecordId: string;
  targetEntryId: string | null;
  reason: string | null;
  institutionId: string;
  achievement: {
    kind: AchievementKind;
    courseCode: string | null;
    credits: number;
    creditSystem: CreditSystem;
    category: string;
    level: number;
    earnedAt: string;
    term: string | null;
    title: { zh: string; en: string };
    grade: { score: number | null; passed: boolean } | null;
  } | null;
};

export type ConsoleCoursesQueryVariables = Exact<{
  institutionId: string | number;
}>;

export type ConsoleCoursesQuery = {
  courses: Array<{
    id: string;
    code: string;
    version: number;
    credits: number;
    creditSystem: CreditSystem;
    level: number;
    category: string;
    title: { zh: string; en: string };
  }>;
};

export type ConsoleFindLearnerQueryVariables = Exact<{
  nationalId: string;
}>;

export type ConsoleFindLearnerQuery = {
  findLearner:
    | { __typename: 'Learner'; id: string; name: string }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleRecordAchievementMutationVariables = Exact<{
  institutionId: string | number;
  input: AchievementInput;
}>;

export type ConsoleRecordAchievementMutation = {
  recordAchievement:
    | {
        __typename: 'RecordAchievementOk';
        created: boolean;
        entry: {
          id: string;
          learnerId: string;
          seq: number;
          type: EntryType;
          recordedAt: string;
          sourceRecordId: string;
          targetEntryId: string | null;
          reason: string | null;
          institutionId: string;
          achievement: {
            kind: AchievementKind;
            courseCode: string | null;
            credits: number;
            creditSystem: CreditSystem;
            category: string;
            level: number;
            earnedAt: string;
            term: string | null;
            title: { zh: string; en: string };
            grade: { score: number | null; passed: boolean } | null;
          } | null;
        };
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleInstitutionRecordsQueryVariables = Exact<{
  institutionId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ConsoleInstitutionRecordsQuery = {
  institutionRecords:
    | {
        __typename: 'LedgerPage';
        items: Array<{
          id: string;
          learnerId: string;
          seq: number;
          type: EntryType;
          recordedAt: string;
          sourceRecordId: string;
          targetEntryId: string | null;
          reason: string | null;
          institutionId: string;
          achievement: {
            kind: AchievementKind;
            courseCode: string | null;
            credits: number;
            creditSystem: CreditSystem;
            category: string;
            level: number;
            earnedAt: string;
            term: string | null;
            title: { zh: string; en: string };
            grade: { score: number | null; passed: boolean } | null;
          } | null;
        }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleLearnerRecordsQueryVariables = Exact<{
  learnerId: string | number;
  institutionId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ConsoleLearnerRecordsQuery = {
  learnerRecord:
    | {
        __typename: 'LedgerPage';
        items: Array<{
          id: string;
          learnerId: string;
          seq: number;
          type: EntryType;
          recordedAt: string;
          sourceRecordId: string;
          targetEntryId: string | null;
          reason: string | null;
          institutionId: string;
          achievement: {
            kind: AchievementKind;
            courseCode: string | null;
            credits: number;
            creditSystem: CreditSystem;
            category: string;
            level: number;
            earnedAt: string;
            term: string | null;
            title: { zh: string; en: string };
            grade: { score: number | null; passed: boolean } | null;
          } | null;
        }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleEntryQueryVariables = Exact<{
  id: string | number;
}>;

export type ConsoleEntryQuery = {
  ledgerEntry:
    | {
        __typename: 'LedgerEntry';
        id: string;
        learnerId: string;
        seq: number;
        type: EntryType;
        recordedAt: string;
        sourceRecordId: string;
        targetEntryId: string | null;
        reason: string | null;
        institutionId: string;
        achievement: {
          kind: AchievementKind;
          courseCode: string | null;
          credits: number;
          creditSystem: CreditSystem;
          category: string;
          level: number;
          earnedAt: string;
          term: string | null;
          title: { zh: string; en: string };
          grade: { score: number | null; passed: boolean } | null;
        } | null;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleCorrectMutationVariables = Exact<{
  input: CorrectAchievementInput;
}>;

export type ConsoleCorrectMutation = {
  correctAchievement:
    | {
        __typename: 'LedgerEntry';
        id: string;
        learnerId: string;
        seq: number;
        type: EntryType;
        recordedAt: string;
        sourceRecordId: string;
        targetEntryId: string | null;
        reason: string | null;
        institutionId: string;
        achievement: {
          kind: AchievementKind;
          courseCode: string | null;
          credits: number;
          creditSystem: CreditSystem;
          category: string;
          level: number;
          earnedAt: string;
          term: string | null;
          title: { zh: string; en: string };
          grade: { score: number | null; passed: boolean } | null;
        } | null;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleVoidMutationVariables = Exact<{
  input: VoidAchievementInput;
}>;

export type ConsoleVoidMutation = {
  voidAchievement:
    | {
        __typename: 'LedgerEntry';
        id: string;
        learnerId: string;
        seq: number;
        type: EntryType;
        recordedAt: string;
        sourceRecordId: string;
        targetEntryId: string | null;
        reason: string | null;
        institutionId: string;
        achievement: {
          kind: AchievementKind;
          courseCode: string | null;
          credits: number;
          creditSystem: CreditSystem;
          category: string;
          level: number;
          earnedAt: string;
          term: string | null;
          title: { zh: string; en: string };
          grade: { score: number | null; passed: boolean } | null;
        } | null;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ImportJobFieldsFragment = {
  id: string;
  fileName: string;
  format: ImportFormat;
  size: number;
  status: ImportJobStatus;
  allOrNothing: boolean;
  failure: string | null;
  createdAt: string;
  check: {
    bytes: number;
    rows: number;
    valid: number;
    failed: number;
    errorsStored: number;
    finishedAt: string | null;
  } | null;
  write: {
    bytes: number;
    rows: number;
    created: number;
    duplicates: number;
    failed: number;
    errorsStored: number;
    finishedAt: string | null;
  } | null;
};

export type ConsoleImportJobQueryVariables = Exact<{
  id: string | number;
  phase: ImportPhase;
}>;

export type ConsoleImportJobQuery = {
  importJob:
    | {
        __typename: 'ImportJob';
        id: string;
        fileName: string;
        format: ImportFormat;
        size: number;
        status: ImportJobStatus;
        allOrNothing: boolean;
        failure: string | null;
        createdAt: string;
        errors: Array<{
          seq: number;
          line: number;
          sourceRecordId: string | null;
          code: ErrorCode;
          message: string;
          field: string | null;
        }>;
        check: {
          bytes: number;
          rows: number;
          valid: number;
          failed: number;
          errorsStored: number;
          finishedAt: string | null;
        } | null;
        write: {
          bytes: number;
          rows: number;
          created: number;
          duplicates: number;
          failed: number;
          errorsStored: number;
          finishedAt: string | null;
        } | null;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string };
};

export type ConsoleImportJobsQueryVariables = Exact<{
  institutionId: string | number;
}>;

export type ConsoleImportJobsQuery = {
  importJobs:
    | {
        __typename: 'ImportJobList';
        items: Array<{
          id: string;
          fileName: string;
          format: ImportFormat;
          size: number;
          status: ImportJobStatus;
          allOrNothing: boolean;
          failure: string | null;
          createdAt: string;
          check: {
            bytes: number;
            rows: number;
            valid: number;
            failed: number;
            errorsStored: number;
            finishedAt: string | null;
          } | null;
          write: {
            bytes: number;
            rows: number;
            created: number;
            duplicates: number;
            failed: number;
            errorsStored: number;
            finishedAt: string | null;
          } | null;
        }>;
      }
    | { __typename: 'ResultError'; message: string };
};

export type ConsoleImportFileMutationVariables = Exact<{
  jobId: string | number;
  allOrNothing?: boolean | null | undefined;
}>;

export type ConsoleImportFileMutation = {
  importFile:
    | {
        __typename: 'ImportJob';
        id: string;
        fileName: string;
        format: ImportFormat;
        size: number;
        status: ImportJobStatus;
        allOrNothing: boolean;
        failure: string | null;
        createdAt: string;
        check: {
          bytes: number;
          rows: number;
          valid: number;
          failed: number;
          errorsStored: number;
          finishedAt: string | null;
        } | null;
        write: {
          bytes: number;
          rows: number;
          created: number;
          duplicates: number;
          failed: number;
          errorsStored: number;
          finishedAt: string | null;
        } | null;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type QueueRequestFieldsFragment = {
  id: string;
  learnerId: string;
  targetInstitutionId: string;
  creditSystem: CreditSystem;
  entryIds: Array<string>;
  createdAt: string;
  status: RecognitionStatus;
  proposals: Array<{
    entryId: string;
    outcome: string;
    credits: number;
    creditSystem: CreditSystem;
    category: string | null;
    level: number | null;
    courseRef: string | null;
    ruleId: string | null;
    ruleVersion: number | null;
    reason: string | null;
    text: { zh: string; en: string };
  }>;
  granted: Array<{
    sourceEntryId: string;
    credits: number;
    creditSystem: CreditSystem;
    category: string;
    ruleId: string;
    ruleVersion: number;
  }>;
  history: Array<{
    seq: number;
    type: RecognitionEventType;
    at: string;
    reason: string | null;
    comment: string | null;
  }>;
};

export type ConsoleRecognitionQueueQueryVariables = Exact<{
  institutionId: string | number;
}>;

export type ConsoleRecognitionQueueQuery = {
  recognitionRequests:
    | {
        __typename: 'RecognitionRequestList';
        items: Array<{
          id: string;
          learnerId: string;
          targetInstitutionId: string;
          creditSystem: CreditSystem;
          entryIds: Array<string>;
          createdAt: string;
          status: RecognitionStatus;
          proposals: Array<{
            entryId: string;
            outcome: string;
            credits: number;
            creditSystem: CreditSystem;
            category: string | null;
            level: number | null;
            courseRef: string | null;
            ruleId: string | null;
            ruleVersion: number | null;
            reason: string | null;
            text: { zh: string; en: string };
          }>;
          granted: Array<{
            sourceEntryId: string;
            credits: number;
            creditSystem: CreditSystem;
            category: string;
            ruleId: string;
            ruleVersion: number;
          }>;
          history: Array<{
            seq: number;
            type: RecognitionEventType;
            at: string;
            reason: string | null;
            comment: string | null;
          }>;
        }>;
      }
    | { __typename: 'ResultError'; message: string };
};

export type ConsoleRecognitionRequestQueryVariables = Exact<{
  id: string | number;
}>;

export type ConsoleRecognitionRequestQuery = {
  recognitionRequest:
    | {
        __typename: 'RecognitionRequest';
        id: string;
        learnerId: string;
        targetInstitutionId: string;
        creditSystem: CreditSystem;
        entryIds: Array<string>;
        createdAt: string;
        status: RecognitionStatus;
        sourceEntries: Array<{
          id: string;
          learnerId: string;
          seq: number;
          type: EntryType;
          recordedAt: string;
          sourceRecordId: string;
          targetEntryId: string | null;
          reason: string | null;
          institutionId: string;
          institution: { id: string; name: { zh: string; en: string } } | null;
          achievement: {
            kind: AchievementKind;
            courseCode: string | null;
            credits: number;
            creditSystem: CreditSystem;
            category: string;
            level: number;
            earnedAt: string;
            term: string | null;
            title: { zh: string; en: string };
            grade: { score: number | null; passed: boolean } | null;
          } | null;
        }>;
        proposals: Array<{
          entryId: string;
          outcome: string;
          credits: number;
          creditSystem: CreditSystem;
          category: string | null;
          level: number | null;
          courseRef: string | null;
          ruleId: string | null;
          ruleVersion: number | null;
          reason: string | null;
          text: { zh: string; en: string };
        }>;
        granted: Array<{
          sourceEntryId: string;
          credits: number;
          creditSystem: CreditSystem;
          category: string;
          ruleId: string;
          ruleVersion: number;
        }>;
        history: Array<{
          seq: number;
          type: RecognitionEventType;
          at: string;
          reason: string | null;
          comment: string | null;
        }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string };
};

export type ConsoleApproveMutationVariables = Exact<{
  requestId: string | number;
  items?: Array<RecognitionDecisionItemInput> | RecognitionDecisionItemInput | null | undefined;
  comment?: string | null | undefined;
  supersede?: boolean | null | undefined;
}>;

export type ConsoleApproveMutation = {
  approveRecognition:
    | { __typename: 'RecognitionRequest'; id: string; status: RecognitionStatus }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsolePartlyApproveMutationVariables = Exact<{
  requestId: string | number;
  items: Array<RecognitionDecisionItemInput> | RecognitionDecisionItemInput;
  reason: string;
  supersede?: boolean | null | undefined;
}>;

export type ConsolePartlyApproveMutation = {
  partlyApproveRecognition:
    | { __typename: 'RecognitionRequest'; id: string; status: RecognitionStatus }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleRejectMutationVariables = Exact<{
  requestId: string | number;
  reason: string;
}>;

export type ConsoleRejectMutation = {
  rejectRecognition:
    | { __typename: 'RecognitionRequest'; id: string; status: RecognitionStatus }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleApiKeysQueryVariables = Exact<{
  institutionId: string | number;
}>;

export type ConsoleApiKeysQuery = {
  apiKeys:
    | {
        __typename: 'ApiKeyList';
        items: Array<{
          id: string;
          label: string;
          scopes: Array<ApiKeyScope>;
          createdAt: string;
          lastUsedAt: string | null;
          revokedAt: string | null;
        }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleCreateApiKeyMutationVariables = Exact<{
  institutionId: string | number;
  label: string;
  scopes: Array<ApiKeyScope> | ApiKeyScope;
}>;

export type ConsoleCreateApiKeyMutation = {
  createApiKey:
    | { __typename: 'CreateApiKeyOk'; token: string; apiKey: { id: string; label: string } }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleRevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;

export type ConsoleRevokeApiKeyMutation = {
  revokeApiKey:
    | { __typename: 'ApiKey'; id: string; revokedAt: string | null }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleSigningKeysQueryVariables = Exact<{
  institutionId: string | number;
}>;

export type ConsoleSigningKeysQuery = {
  signingKeys: Array<{
    id: string;
    type: KeyType;
    publicKeyMultibase: string;
    createdAt: string;
    retiredAt: string | null;
    revokedAt: string | null;
    revocationReason: string | null;
  }>;
  institutionDid: { did: string; document: string } | null;
};

export type ConsoleRotateSigningKeyMutationVariables = Exact<{
  institutionId: string | number;
  type: KeyType;
}>;

export type ConsoleRotateSigningKeyMutation = {
  rotateSigningKey:
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null }
    | { __typename: 'SigningKey'; id: string };
};

export type ConsoleRevokeSigningKeyMutationVariables = Exact<{
  keyId: string | number;
  reason: string;
  compromisedAt?: string | null | undefined;
}>;

export type ConsoleRevokeSigningKeyMutation = {
  revokeSigningKey:
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null }
    | { __typename: 'SigningKey'; id: string; revokedAt: string | null };
};

export type ConsoleInstitutionFieldsFragment = {
  id: string;
  slug: string;
  type: InstitutionType;
  region: string;
  status: InstitutionStatus;
  name: { zh: string; en: string };
  accreditation: Array<{ qualificationType: QualificationType; levels: Array<number> }>;
};

export type ConsoleInstitutionsQueryVariables = Exact<{ [key: string]: never }>;

export type ConsoleInstitutionsQuery = {
  institutions: Array<{
    id: string;
    slug: string;
    type: InstitutionType;
    region: string;
    status: InstitutionStatus;
    name: { zh: string; en: string };
    accreditation: Array<{ qualificationType: QualificationType; levels: Array<number> }>;
  }>;
};

export type ConsoleRegisterInstitutionMutationVariables = Exact<{
  input: RegisterInstitutionInput;
}>;

export type ConsoleRegisterInstitutionMutation = {
  registerInstitution:
    | {
        __typename: 'Institution';
        id: string;
        slug: string;
        type: InstitutionType;
        region: string;
        status: InstitutionStatus;
        name: { zh: string; en: string };
        accreditation: Array<{ qualificationType: QualificationType; levels: Array<number> }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleSetInstitutionStatusMutationVariables = Exact<{
  id: string | number;
  status: InstitutionStatus;
}>;

export type ConsoleSetInstitutionStatusMutation = {
  setInstitutionStatus:
    | {
        __typename: 'Institution';
        id: string;
        slug: string;
        type: InstitutionType;
        region: string;
        status: InstitutionStatus;
        name: { zh: string; en: string };
        accreditation: Array<{ qualificationType: QualificationType; levels: Array<number> }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleSetAccreditationMutationVariables = Exact<{
  id: string | number;
  accreditation: Array<AccreditationScopeInput> | AccreditationScopeInput;
}>;

export type ConsoleSetAccreditationMutation = {
  setAccreditation:
    | {
        __typename: 'Institution';
        id: string;
        slug: string;
        type: InstitutionType;
        region: string;
        status: InstitutionStatus;
        name: { zh: string; en: string };
        accreditation: Array<{ qualificationType: QualificationType; levels: Array<number> }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleStaffQueryVariables = Exact<{
  institutionId: string | number;
}>;

export type ConsoleStaffQuery = {
  staff:
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null }
    | {
        __typename: 'StaffList';
        items: Array<{
          id: string;
          email: string;
          name: string;
          createdAt: string;
          disabledAt: string | null;
          activated: boolean;
        }>;
      };
};

export type ConsoleCreateStaffMutationVariables = Exact<{
  institutionId: string | number;
  input: NewAccountInput;
}>;

export type ConsoleCreateStaffMutation = {
  createStaff:
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null }
    | { __typename: 'User'; id: string; email: string };
};

export type ConsoleCreateStaffCodeMutationVariables = Exact<{
  userId: string | number;
  purpose: AccountCodePurpose;
}>;

export type ConsoleCreateStaffCodeMutation = {
  createStaffCode:
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null }
    | {
        __typename: 'StaffCode';
        purpose: AccountCodePurpose;
        email: string;
        expiresAt: string;
        secret: string;
      };
};

export type ConsoleSetUserDisabledMutationVariables = Exact<{
  userId: string | number;
  disabled: boolean;
}>;

export type ConsoleSetUserDisabledMutation = {
  setUserDisabled:
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null }
    | { __typename: 'User'; id: string; email: string; disabledAt: string | null };
};

export type ConsoleOperatorAuditTrailQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ConsoleOperatorAuditTrailQuery = {
  operatorAuditTrail:
    | {
        __typename: 'OperatorActionPage';
        items: Array<{
          seq: number;
          at: string;
          action: OperatorActionKind;
          actorKind: string;
          actorId: string;
          actorEmail: string | null;
          before: string | null;
          after: string | null;
          status: OperatorActionStatus;
          error: string | null;
          target: {
            kind: ActionTargetKind;
            id: string;
            label: string;
            institutionId: string | null;
          };
        }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleProgrammeFieldsFragment = {
  id: string;
  version: number;
  institutionId: string;
  qualificationType: QualificationType;
  level: number;
  creditSystem: CreditSystem;
  effectiveFrom: string | null;
  definedAt: string;
  definition: string;
  name: { zh: string; en: string };
};

export type ConsoleRuleFieldsFragment = {
  ruleId: string;
  version: number;
  kind: string;
  automatic: boolean;
  effectiveFrom: string;
  effectiveUntil: string | null;
  publisher: string;
  publishedAt: string;
  definition: string;
};

export type ConsoleProgrammesQueryVariables = Exact<{
  institutionId: string | number;
  publisher: string;
}>;

export type ConsoleProgrammesQuery = {
  programmes: Array<{
    id: string;
    version: number;
    institutionId: string;
    qualificationType: QualificationType;
    level: number;
    creditSystem: CreditSystem;
    effectiveFrom: string | null;
    definedAt: string;
    definition: string;
    name: { zh: string; en: string };
  }>;
  recognitionRules: Array<{
    ruleId: string;
    version: number;
    kind: string;
    automatic: boolean;
    effectiveFrom: string;
    effectiveUntil: string | null;
    publisher: string;
    publishedAt: string;
    definition: string;
  }>;
};

export type ConsoleProgrammeVersionsQueryVariables = Exact<{
  id: string | number;
}>;

export type ConsoleProgrammeVersionsQuery = {
  programmeVersions:
    | {
        __typename: 'ProgrammeList';
        items: Array<{
          id: string;
          version: number;
          institutionId: string;
          qualificationType: QualificationType;
          level: number;
          creditSystem: CreditSystem;
          effectiveFrom: string | null;
          definedAt: string;
          definition: string;
          name: { zh: string; en: string };
        }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string };
};

export type ConsoleRuleVersionsQueryVariables = Exact<{
  ruleId: string;
}>;

export type ConsoleRuleVersionsQuery = {
  recognitionRuleVersions:
    | {
        __typename: 'RecognitionRuleList';
        items: Array<{
          ruleId: string;
          version: number;
          kind: string;
          automatic: boolean;
          effectiveFrom: string;
          effectiveUntil: string | null;
          publisher: string;
          publishedAt: string;
          definition: string;
        }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string };
};

export type ConsoleDefineProgrammeMutationVariables = Exact<{
  definition: string;
}>;

export type ConsoleDefineProgrammeMutation = {
  defineProgramme:
    | {
        __typename: 'Programme';
        id: string;
        version: number;
        institutionId: string;
        qualificationType: QualificationType;
        level: number;
        creditSystem: CreditSystem;
        effectiveFrom: string | null;
        definedAt: string;
        definition: string;
        name: { zh: string; en: string };
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ConsoleNearCompletionQueryVariables = Exact<{
  programmeId: string | number;
  version?: number | null | undefined;
  minProgress?: number | null | undefined;
}>;

export type ConsoleNearCompletionQuery = {
  programmeNearCompletion:
    | {
        __typename: 'NearCompletionReport';
        programmeId: string;
        version: number;
        asOf: string;
        audited: number;
        notAudited: number;
        learners: Array<{
          learnerId: string;
          name: string;
          progress: number;
          passed: boolean;
          met: number;
          requirements: number;
          applied: boolean;
          missing: Array<{ zh: string; en: string }>;
        }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type LearnerCredentialsQueryVariables = Exact<{
  learnerId: string | number;
}>;

export type LearnerCredentialsQuery = {
  learnerCredentials:
    | {
        __typename: 'IssuedCredentialList';
        items: Array<{
          id: string;
          institutionId: string;
          kind: CredentialKind;
          achievementTypes: Array<string>;
          format: CredentialFormat;
          serialized: string;
          revoked: boolean;
          suspended: boolean;
          issuedAt: string;
          history: Array<{ action: string; reason: string; at: string }>;
        }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string };
};

export type ProgrammesQueryVariables = Exact<{
  learnerId: string | number;
}>;

export type ProgrammesQuery = {
  programmes: Array<{
    id: string;
    version: number;
    institutionId: string;
    qualificationType: QualificationType;
    level: number;
    creditSystem: CreditSystem;
    name: { zh: string; en: string };
  }>;
  awardApplications:
    | {
        __typename: 'AwardApplicationList';
        items: Array<{
          id: string;
          programmeId: string;
          programmeVersion: number;
          institutionId: string;
          appliedAt: string;
          status: AwardApplicationStatus;
          confirmedAt: string | null;
          credentialId: string | null;
        }>;
      }
    | { __typename: 'ResultError'; message: string };
};

export type AuditFieldsFragment = {
  passed: boolean;
  asOf: string;
  hypothetical: number;
  missing: Array<{ zh: string; en: string }>;
  programme: { id: string; version: number; name: { zh: string; en: string } };
  requirements: Array<{
    id: string;
    kind: string;
    parentId: string | null;
    met: boolean;
    unit: string;
    required: number;
    counted: number;
    missingAmount: number | null;
    entries: Array<string>;
    label: { zh: string; en: string };
    missing: { zh: string; en: string };
  }>;
  excluded: Array<{ entryId: string; reason: string; text: { zh: string; en: string } }>;
  totals: {
    creditSystem: CreditSystem;
    counted: number;
    excluded: number;
    residency: number;
    gpa: number | null;
  };
};

export type WhatIfAuditQueryVariables = Exact<{
  learnerId: string | number;
  programmeId: string | number;
  hypothetical?: Array<HypotheticalCreditInput> | HypotheticalCreditInput | null | undefined;
}>;

export type WhatIfAuditQuery = {
  whatIfAudit:
    | {
        __typename: 'DegreeAudit';
        passed: boolean;
        asOf: string;
        hypothetical: number;
        missing: Array<{ zh: string; en: string }>;
        programme: { id: string; version: number; name: { zh: string; en: string } };
        requirements: Array<{
          id: string;
          kind: string;
          parentId: string | null;
          met: boolean;
          unit: string;
          required: number;
          counted: number;
          missingAmount: number | null;
          entries: Array<string>;
          label: { zh: string; en: string };
          missing: { zh: string; en: string };
        }>;
        excluded: Array<{ entryId: string; reason: string; text: { zh: string; en: string } }>;
        totals: {
          creditSystem: CreditSystem;
          counted: number;
          excluded: number;
          residency: number;
          gpa: number | null;
        };
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type ApplyForAwardMutationVariables = Exact<{
  programmeId: string | number;
  version?: number | null | undefined;
}>;

export type ApplyForAwardMutation = {
  applyForAward:
    | { __typename: 'AwardApplication'; id: string; status: AwardApplicationStatus }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type RecognitionRequestFieldsFragment = {
  id: string;
  targetInstitutionId: string;
  programmeId: string | null;
  creditSystem: CreditSystem;
  entryIds: Array<string>;
  createdAt: string;
  status: RecognitionStatus;
  proposals: Array<{
    entryId: string;
    outcome: string;
    credits: number;
    creditSystem: CreditSystem;
    text: { zh: string; en: string };
  }>;
  granted: Array<{
    sourceEntryId: string;
    credits: number;
    creditSystem: CreditSystem;
    category: string;
    ruleId: string;
    ruleVersion: number;
  }>;
  history: Array<{
    seq: number;
    type: RecognitionEventType;
    at: string;
    reason: string | null;
    comment: string | null;
  }>;
};

export type RecognitionRequestsQueryVariables = Exact<{
  learnerId: string | number;
}>;

export type RecognitionRequestsQuery = {
  recognitionRequests:
    | {
        __typename: 'RecognitionRequestList';
        items: Array<{
          id: string;
          targetInstitutionId: string;
          programmeId: string | null;
          creditSystem: CreditSystem;
          entryIds: Array<string>;
          createdAt: string;
          status: RecognitionStatus;
          proposals: Array<{
            entryId: string;
            outcome: string;
            credits: number;
            creditSystem: CreditSystem;
            text: { zh: string; en: string };
          }>;
          granted: Array<{
            sourceEntryId: string;
            credits: number;
            creditSystem: CreditSystem;
            category: string;
            ruleId: string;
            ruleVersion: number;
          }>;
          history: Array<{
            seq: number;
            type: RecognitionEventType;
            at: string;
            reason: string | null;
            comment: string | null;
          }>;
        }>;
      }
    | { __typename: 'ResultError'; message: string };
};

export type RequestRecognitionMutationVariables = Exact<{
  input: RequestRecognitionInput;
}>;

export type RequestRecognitionMutation = {
  requestRecognition:
    | {
        __typename: 'RecognitionRequest';
        id: string;
        targetInstitutionId: string;
        programmeId: string | null;
        creditSystem: CreditSystem;
        entryIds: Array<string>;
        createdAt: string;
        status: RecognitionStatus;
        proposals: Array<{
          entryId: string;
          outcome: string;
          credits: number;
          creditSystem: CreditSystem;
          text: { zh: string; en: string };
        }>;
        granted: Array<{
          sourceEntryId: string;
          credits: number;
          creditSystem: CreditSystem;
          category: string;
          ruleId: string;
          ruleVersion: number;
        }>;
        history: Array<{
          seq: number;
          type: RecognitionEventType;
          at: string;
          reason: string | null;
          comment: string | null;
        }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type AppealRecognitionMutationVariables = Exact<{
  requestId: string | number;
  comment: string;
}>;

export type AppealRecognitionMutation = {
  appealRecognition:
    | {
        __typename: 'RecognitionRequest';
        id: string;
        targetInstitutionId: string;
        programmeId: string | null;
        creditSystem: CreditSystem;
        entryIds: Array<string>;
        createdAt: string;
        status: RecognitionStatus;
        proposals: Array<{
          entryId: string;
          outcome: string;
          credits: number;
          creditSystem: CreditSystem;
          text: { zh: string; en: string };
        }>;
        granted: Array<{
          sourceEntryId: string;
          credits: number;
          creditSystem: CreditSystem;
          category: string;
          ruleId: string;
          ruleVersion: number;
        }>;
        history: Array<{
          seq: number;
          type: RecognitionEventType;
          at: string;
          reason: string | null;
          comment: string | null;
        }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type RecognitionProgrammesQueryVariables = Exact<{ [key: string]: never }>;

export type RecognitionProgrammesQuery = {
  programmes: Array<{
    id: string;
    version: number;
    institutionId: string;
    creditSystem: CreditSystem;
    name: { zh: string; en: string };
  }>;
};

export type VerifyChainQueryVariables = Exact<{
  learnerId: string | number;
}>;

export type VerifyChainQuery = {
  verifyChain:
    | {
        __typename: 'ChainVerification';
        valid: boolean;
        entries: number;
        headHash: string;
        firstBroken: { seq: number; reason: string } | null;
      }
    | { __typename: 'ResultError'; message: string };
};

export type InstitutionsQueryVariables = Exact<{ [key: string]: never }>;

export type InstitutionsQuery = {
  institutions: Array<{
    id: string;
    slug: string;
    type: InstitutionType;
    region: string;
    status: InstitutionStatus;
    name: { zh: string; en: string };
    accreditation: Array<{ qualificationType: QualificationType; levels: Array<number> }>;
  }>;
};

export type LedgerEntryFieldsFragment = {
  id: string;
  seq: number;
  type: EntryType;
  institutionId: string;
  recordedAt: string;
  sourceRecordId: string;
  targetEntryId: string | null;
  reason: string | null;
  credentialId: string | null;
  credentialAction: string | null;
  programmeId: string | null;
  achievement: {
    kind: AchievementKind;
    courseCode: string | null;
    credits: number;
    creditSystem: CreditSystem;
    category: string;
    level: number;
    hours: number | null;
    earnedAt: string;
    term: string | null;
    expiresAt: string | null;
    title: { zh: string; en: string };
    grade: {
      score: number | null;
      letter: string | null;
      points: number | null;
      passed: boolean;
    } | null;
    recognition: { ruleId: string; ruleVersion: number; sourceEntryIds: Array<string> } | null;
  } | null;
};

export type LearnerRecordPageQueryVariables = Exact<{
  learnerId: string | number;
  first: number;
  after?: string | null | undefined;
}>;

export type LearnerRecordPageQuery = {
  learnerRecord:
    | {
        __typename: 'LedgerPage';
        items: Array<{
          id: string;
          seq: number;
          type: EntryType;
          institutionId: string;
          recordedAt: string;
          sourceRecordId: string;
          targetEntryId: string | null;
          reason: string | null;
          credentialId: string | null;
          credentialAction: string | null;
          programmeId: string | null;
          achievement: {
            kind: AchievementKind;
            courseCode: string | null;
            credits: number;
            creditSystem: CreditSystem;
            category: string;
            level: number;
            hours: number | null;
            earnedAt: string;
            term: string | null;
            expiresAt: string | null;
            title: { zh: string; en: string };
            grade: {
              score: number | null;
              letter: string | null;
              points: number | null;
              passed: boolean;
            } | null;
            recognition: {
              ruleId: string;
              ruleVersion: number;
              sourceEntryIds: Array<string>;
            } | null;
          } | null;
        }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string };
};

export type SharingQueryVariables = Exact<{
  learnerId: string | number;
}>;

export type SharingQuery = {
  learnerCredentials:
    | {
        __typename: 'IssuedCredentialList';
        items: Array<{
          id: string;
          institutionId: string;
          kind: CredentialKind;
          format: CredentialFormat;
          serialized: string;
          revoked: boolean;
          suspended: boolean;
          issuedAt: string;
        }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string };
  credentialShares:
    | {
        __typename: 'CredentialShareList';
        items: Array<{
          id: string;
          credentialIds: Array<string>;
          audience: string;
          createdAt: string;
          expiresAt: string;
          revokedAt: string | null;
          active: boolean;
          views: Array<{ at: string; viewer: string | null; via: string }>;
        }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string };
};

export type ShareCredentialsMutationVariables = Exact<{
  input: ShareCredentialInput;
}>;

export type ShareCredentialsMutation = {
  shareCredential:
    | {
        __typename: 'CreatedShare';
        url: string;
        share: { id: string; audience: string; expiresAt: string };
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string; field: string | null };
};

export type WithdrawShareMutationVariables = Exact<{
  id: string | number;
}>;

export type WithdrawShareMutation = {
  revokeShare:
    | { __typename: 'CredentialShare'; id: string; active: boolean }
    | { __typename: 'ResultError'; code: ErrorCode; message: string };
};

export type CredentialStatusNoticeQueryVariables = Exact<{
  id: string | number;
}>;

export type CredentialStatusNoticeQuery = {
  credentialStatusNotice:
    | {
        __typename: 'CredentialStatusNotice';
        credentialId: string;
        revoked: boolean;
        suspended: boolean;
        changes: Array<{ action: string; reason: string; at: string }>;
      }
    | { __typename: 'ResultError'; code: ErrorCode; message: string };
};

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SignedInFragmentDoc = new TypedDocumentString(
  `
    fragment SignedIn on LoginOk {
  token
  expiresAt
  user {
    id
    email
    name
    role
    institutionId
    learnerId
  }
}
    `,
  { fragmentName: 'SignedIn' },
) as unknown as TypedDocumentString<SignedInFragment, unknown>;
export const ConsoleApplicationFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment ConsoleApplicationFields on AwardApplication {
  id
  learnerId
  programmeId
  programmeVersion
  appliedAt
  status
  confirmedAt
  reviewReason
  credentialId
}
    `,
  { fragmentName: 'ConsoleApplicationFields' },
) as unknown as TypedDocumentString<ConsoleApplicationFieldsFragment, unknown>;
export const ConsoleCredentialFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment ConsoleCredentialFields on IssuedCredential {
  id
  institutionId
  learnerId
  kind
  achievementTypes
  format
  revoked
  suspended
  issuedAt
  history {
    action
    reason
    at
  }
}
    `,
  { fragmentName: 'ConsoleCredentialFields' },
) as unknown as TypedDocumentString<ConsoleCredentialFieldsFragment, unknown>;
export const ConsoleEntryFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment ConsoleEntryFields on LedgerEntry {
  id
  learnerId
  seq
  type
  recordedAt
  sourceRecordId
  targetEntryId
  reason
  institutionId
  achievement {
    kind
    title {
      zh
      en
    }
    courseCode
    credits
    creditSystem
    category
    level
    earnedAt
    term
    grade {
      score
      passed
    }
  }
}
    `,
  { fragmentName: 'ConsoleEntryFields' },
) as unknown as TypedDocumentString<ConsoleEntryFieldsFragment, unknown>;
export const ImportJobFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment ImportJobFields on ImportJob {
  id
  fileName
  format
  size
  status
  allOrNothing
  failure
  createdAt
  check {
    bytes
    rows
    valid
    failed
    errorsStored
    finishedAt
  }
  write {
    bytes
    rows
    created
    duplicates
    failed
    errorsStored
    finishedAt
  }
}
    `,
  { fragmentName: 'ImportJobFields' },
) as unknown as TypedDocumentString<ImportJobFieldsFragment, unknown>;
export const QueueRequestFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment QueueRequestFields on RecognitionRequest {
  id
  learnerId
  targetInstitutionId
  creditSystem
  entryIds
  createdAt
  status
  proposals {
    entryId
    outcome
    credits
    creditSystem
    category
    level
    courseRef
    ruleId
    ruleVersion
    reason
    text {
      zh
      en
    }
  }
  granted {
    sourceEntryId
    credits
    creditSystem
    category
    ruleId
    ruleVersion
  }
  history {
    seq
    type
    at
    reason
    comment
  }
}
    `,
  { fragmentName: 'QueueRequestFields' },
) as unknown as TypedDocumentString<QueueRequestFieldsFragment, unknown>;
export const ConsoleInstitutionFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment ConsoleInstitutionFields on Institution {
  id
  slug
  name {
    zh
    en
  }
  type
  region
  status
  accreditation {
    qualificationType
    levels
  }
}
    `,
  { fragmentName: 'ConsoleInstitutionFields' },
) as unknown as TypedDocumentString<ConsoleInstitutionFieldsFragment, unknown>;
export const ConsoleProgrammeFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment ConsoleProgrammeFields on Programme {
  id
  version
  institutionId
  name {
    zh
    en
  }
  qualificationType
  level
  creditSystem
  effectiveFrom
  definedAt
  definition
}
    `,
  { fragmentName: 'ConsoleProgrammeFields' },
) as unknown as TypedDocumentString<ConsoleProgrammeFieldsFragment, unknown>;
export const ConsoleRuleFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment ConsoleRuleFields on RecognitionRule {
  ruleId
  version
  kind
  automatic
  effectiveFrom
  effectiveUntil
  publisher
  publishedAt
  definition
}
    `,
  { fragmentName: 'ConsoleRuleFields' },
) as unknown as TypedDocumentString<ConsoleRuleFieldsFragment, unknown>;
export const AuditFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment AuditFields on DegreeAudit {
  passed
  asOf
  hypothetical
  missing {
    zh
    en
  }
  programme {
    id
    version
    name {
      zh
      en
    }
  }
  requirements {
    id
    kind
    parentId
    label {
      zh
      en
    }
    met
    unit
    required
    counted
    missingAmount
    missing {
      zh
      en
    }
    entries
  }
  excluded {
    entryId
    reason
    text {
      zh
      en
    }
  }
  totals {
    creditSystem
    counted
    excluded
    residency
    gpa
  }
}
    `,
  { fragmentName: 'AuditFields' },
) as unknown as TypedDocumentString<AuditFieldsFragment, unknown>;
export const RecognitionRequestFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment RecognitionRequestFields on RecognitionRequest {
  id
  targetInstitutionId
  programmeId
  creditSystem
  entryIds
  createdAt
  status
  proposals {
    entryId
    outcome
    credits
    creditSystem
    text {
      zh
      en
    }
  }
  granted {
    sourceEntryId
    credits
    creditSystem
    category
    ruleId
    ruleVersion
  }
  history {
    seq
    type
    at
    reason
    comment
  }
}
    `,
  { fragmentName: 'RecognitionRequestFields' },
) as unknown as TypedDocumentString<RecognitionRequestFieldsFragment, unknown>;
export const LedgerEntryFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment LedgerEntryFields on LedgerEntry {
  id
  seq
  type
  institutionId
  recordedAt
  sourceRecordId
  targetEntryId
  reason
  credentialId
  credentialAction
  programmeId
  achievement {
    kind
    title {
      zh
      en
    }
    courseCode
    credits
    creditSystem
    category
    level
    hours
    earnedAt
    term
    expiresAt
    grade {
      score
      letter
      points
      passed
    }
    recognition {
      ruleId
      ruleVersion
      sourceEntryIds
    }
  }
}
    `,
  { fragmentName: 'LedgerEntryFields' },
) as unknown as TypedDocumentString<LedgerEntryFieldsFragment, unknown>;
export const ActivateAccountDocument = new TypedDocumentString(`
    mutation ActivateAccount($input: ActivateAccountInput!) {
  activateAccount(input: $input) {
    __typename
    ...SignedIn
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment SignedIn on LoginOk {
  token
  expiresAt
  user {
    id
    email
    name
    role
    institutionId
    learnerId
  }
}`) as unknown as TypedDocumentString<ActivateAccountMutation, ActivateAccountMutationVariables>;
export const ActivateStaffAccountDocument = new TypedDocumentString(`
    mutation ActivateStaffAccount($input: ActivateStaffAccountInput!) {
  activateStaffAccount(input: $input) {
    __typename
    ...SignedIn
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment SignedIn on LoginOk {
  token
  expiresAt
  user {
    id
    email
    name
    role
    institutionId
    learnerId
  }
}`) as unknown as TypedDocumentString<
  ActivateStaffAccountMutation,
  ActivateStaffAccountMutationVariables
>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input) {
    __typename
    ...SignedIn
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment SignedIn on LoginOk {
  token
  expiresAt
  user {
    id
    email
    name
    role
    institutionId
    learnerId
  }
}`) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
    __typename
    ...SignedIn
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment SignedIn on LoginOk {
  token
  expiresAt
  user {
    id
    email
    name
    role
    institutionId
    learnerId
  }
}`) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const SignOutEverywhereDocument = new TypedDocumentString(`
    mutation SignOutEverywhere {
  signOutEverywhere
}
    `) as unknown as TypedDocumentString<
  SignOutEverywhereMutation,
  SignOutEverywhereMutationVariables
>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    __typename
    ...SignedIn
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment SignedIn on LoginOk {
  token
  expiresAt
  user {
    id
    email
    name
    role
    institutionId
    learnerId
  }
}`) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const CreditAccountDocument = new TypedDocumentString(`
    query CreditAccount($learnerId: ID!) {
  creditAccount(learnerId: $learnerId) {
    __typename
    ... on CreditAccount {
      asOf
      achievements
      totals {
        creditSystem
        key
        credits
      }
      byCategory {
        creditSystem
        key
        credits
      }
      byLevel {
        creditSystem
        key
        credits
      }
      byInstitution {
        creditSystem
        key
        credits
      }
      expired {
        creditSystem
        key
        credits
      }
      recognized {
        creditSystem
        key
        credits
      }
    }
    ... on ResultError {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreditAccountQuery, CreditAccountQueryVariables>;
export const ConsoleAwardApplicationsDocument = new TypedDocumentString(`
    query ConsoleAwardApplications($institutionId: ID!) {
  awardApplications(institutionId: $institutionId) {
    __typename
    ... on AwardApplicationList {
      items {
        ...ConsoleApplicationFields
      }
    }
    ... on ResultError {
      code
      message
    }
  }
}
    fragment ConsoleApplicationFields on AwardApplication {
  id
  learnerId
  programmeId
  programmeVersion
  appliedAt
  status
  confirmedAt
  reviewReason
  credentialId
}`) as unknown as TypedDocumentString<
  ConsoleAwardApplicationsQuery,
  ConsoleAwardApplicationsQueryVariables
>;
export const ConsoleConfirmAwardDocument = new TypedDocumentString(`
    mutation ConsoleConfirmAward($applicationId: ID!) {
  confirmAward(applicationId: $applicationId) {
    __typename
    ...ConsoleApplicationFields
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment ConsoleApplicationFields on AwardApplication {
  id
  learnerId
  programmeId
  programmeVersion
  appliedAt
  status
  confirmedAt
  reviewReason
  credentialId
}`) as unknown as TypedDocumentString<
  ConsoleConfirmAwardMutation,
  ConsoleConfirmAwardMutationVariables
>;
export const ConsoleIssueCredentialDocument = new TypedDocumentString(`
    mutation ConsoleIssueCredential($institutionId: ID!, $input: IssueCredentialInput!) {
  issueCredential(institutionId: $institutionId, input: $input) {
    __typename
    ...ConsoleCredentialFields
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment ConsoleCredentialFields on IssuedCredential {
  id
  institutionId
  learnerId
  kind
  achievementTypes
  format
  revoked
  suspended
  issuedAt
  history {
    action
    reason
    at
  }
}`) as unknown as TypedDocumentString<
  ConsoleIssueCredentialMutation,
  ConsoleIssueCredentialMutationVariables
>;
export const ConsoleIssueCredentialsDocument = new TypedDocumentString(`
    mutation ConsoleIssueCredentials($institutionId: ID!, $inputs: [IssueCredentialInput!]!) {
  issueCredentials(institutionId: $institutionId, inputs: $inputs) {
    __typename
    ... on BatchIssueOk {
      issued
      existing
      failed
      rows {
        index
        created
        credential {
          id
        }
        error {
          code
          message
          field
        }
      }
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<
  ConsoleIssueCredentialsMutation,
  ConsoleIssueCredentialsMutationVariables
>;
export const ConsoleCredentialDocument = new TypedDocumentString(`
    query ConsoleCredential($id: ID!) {
  credential(id: $id) {
    __typename
    ...ConsoleCredentialFields
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment ConsoleCredentialFields on IssuedCredential {
  id
  institutionId
  learnerId
  kind
  achievementTypes
  format
  revoked
  suspended
  issuedAt
  history {
    action
    reason
    at
  }
}`) as unknown as TypedDocumentString<ConsoleCredentialQuery, ConsoleCredentialQueryVariables>;
export const ConsoleRevokeCredentialDocument = new TypedDocumentString(`
    mutation ConsoleRevokeCredential($id: ID!, $reason: String!) {
  revokeCredential(id: $id, reason: $reason) {
    __typename
    ...ConsoleCredentialFields
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment ConsoleCredentialFields on IssuedCredential {
  id
  institutionId
  learnerId
  kind
  achievementTypes
  format
  revoked
  suspended
  issuedAt
  history {
    action
    reason
    at
  }
}`) as unknown as TypedDocumentString<
  ConsoleRevokeCredentialMutation,
  ConsoleRevokeCredentialMutationVariables
>;
export const ConsoleSuspendCredentialDocument = new TypedDocumentString(`
    mutation ConsoleSuspendCredential($id: ID!, $reason: String!) {
  suspendCredential(id: $id, reason: $reason) {
    __typename
    ...ConsoleCredentialFields
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment ConsoleCredentialFields on IssuedCredential {
  id
  institutionId
  learnerId
  kind
  achievementTypes
  format
  revoked
  suspended
  issuedAt
  history {
    action
    reason
    at
  }
}`) as unknown as TypedDocumentString<
  ConsoleSuspendCredentialMutation,
  ConsoleSuspendCredentialMutationVariables
>;
export const ConsoleReinstateCredentialDocument = new TypedDocumentString(`
    mutation ConsoleReinstateCredential($id: ID!, $reason: String!) {
  reinstateCredential(id: $id, reason: $reason) {
    __typename
    ...ConsoleCredentialFields
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment ConsoleCredentialFields on IssuedCredential {
  id
  institutionId
  learnerId
  kind
  achievementTypes
  format
  revoked
  suspended
  issuedAt
  history {
    action
    reason
    at
  }
}`) as unknown as TypedDocumentString<
  ConsoleReinstateCredentialMutation,
  ConsoleReinstateCredentialMutationVariables
>;
export const ConsoleInstitutionCredentialsDocument = new TypedDocumentString(`
    query ConsoleInstitutionCredentials($institutionId: ID!, $filter: InstitutionCredentialsFilter, $first: Int, $after: String) {
  institutionCredentials(
    institutionId: $institutionId
    filter: $filter
    first: $first
    after: $after
  ) {
    __typename
    ... on IssuedCredentialPage {
      items {
        id
        learnerId
        kind
        programmeId
        revoked
        suspended
        issuedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<
  ConsoleInstitutionCredentialsQuery,
  ConsoleInstitutionCredentialsQueryVariables
>;
export const ConsoleCourseClassDocument = new TypedDocumentString(`
    query ConsoleCourseClass($institutionId: ID!, $courseCode: String!, $term: String, $first: Int, $after: String) {
  courseClass(
    institutionId: $institutionId
    courseCode: $courseCode
    term: $term
    first: $first
    after: $after
  ) {
    __typename
    ... on CourseClassPage {
      items {
        credentialId
        entry {
          id
          learnerId
          sourceRecordId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleCourseClassQuery, ConsoleCourseClassQueryVariables>;
export const ConsoleCoursesDocument = new TypedDocumentString(`
    query ConsoleCourses($institutionId: ID!) {
  courses(institutionId: $institutionId) {
    id
    code
    version
    title {
      zh
      en
    }
    credits
    creditSystem
    level
    category
  }
}
    `) as unknown as TypedDocumentString<ConsoleCoursesQuery, ConsoleCoursesQueryVariables>;
export const ConsoleFindLearnerDocument = new TypedDocumentString(`
    query ConsoleFindLearner($nationalId: String!) {
  findLearner(nationalId: $nationalId) {
    __typename
    ... on Learner {
      id
      name
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleFindLearnerQuery, ConsoleFindLearnerQueryVariables>;
export const ConsoleRecordAchievementDocument = new TypedDocumentString(`
    mutation ConsoleRecordAchievement($institutionId: ID!, $input: AchievementInput!) {
  recordAchievement(institutionId: $institutionId, input: $input) {
    __typename
    ... on RecordAchievementOk {
      created
      entry {
        ...ConsoleEntryFields
      }
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment ConsoleEntryFields on LedgerEntry {
  id
  learnerId
  seq
  type
  recordedAt
  sourceRecordId
  targetEntryId
  reason
  institutionId
  achievement {
    kind
    title {
      zh
      en
    }
    courseCode
    credits
    creditSystem
    category
    level
    earnedAt
    term
    grade {
      score
      passed
    }
  }
}`) as unknown as TypedDocumentString<
  ConsoleRecordAchievementMutation,
  ConsoleRecordAchievementMutationVariables
>;
export const ConsoleInstitutionRecordsDocument = new TypedDocumentString(`
    query ConsoleInstitutionRecords($institutionId: ID!, $first: Int, $after: String) {
  institutionRecords(institutionId: $institutionId, first: $first, after: $after) {
    __typename
    ... on LedgerPage {
      items {
        ...ConsoleEntryFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment ConsoleEntryFields on LedgerEntry {
  id
  learnerId
  seq
  type
  recordedAt
  sourceRecordId
  targetEntryId
  reason
  institutionId
  achievement {
    kind
    title {
      zh
      en
    }
    courseCode
    credits
    creditSystem
    category
    level
    earnedAt
    term
    grade {
      score
      passed
    }
  }
}`) as unknown as TypedDocumentString<
  ConsoleInstitutionRecordsQuery,
  ConsoleInstitutionRecordsQueryVariables
>;
export const ConsoleLearnerRecordsDocument = new TypedDocumentString(`
    query ConsoleLearnerRecords($learnerId: ID!, $institutionId: ID!, $first: Int, $after: String) {
  learnerRecord(
    learnerId: $learnerId
    institutionId: $institutionId
    first: $first
    after: $after
  ) {
    __typename
    ... on LedgerPage {
      items {
        ...ConsoleEntryFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment ConsoleEntryFields on LedgerEntry {
  id
  learnerId
  seq
  type
  recordedAt
  sourceRecordId
  targetEntryId
  reason
  institutionId
  achievement {
    kind
    title {
      zh
      en
    }
    courseCode
    credits
    creditSystem
    category
    level
    earnedAt
    term
    grade {
      score
      passed
    }
  }
}`) as unknown as TypedDocumentString<
  ConsoleLearnerRecordsQuery,
  ConsoleLearnerRecordsQueryVariables
>;
export const ConsoleEntryDocument = new TypedDocumentString(`
    query ConsoleEntry($id: ID!) {
  ledgerEntry(id: $id) {
    __typename
    ...ConsoleEntryFields
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment ConsoleEntryFields on LedgerEntry {
  id
  learnerId
  seq
  type
  recordedAt
  sourceRecordId
  targetEntryId
  reason
  institutionId
  achievement {
    kind
    title {
      zh
      en
    }
    courseCode
    credits
    creditSystem
    category
    level
    earnedAt
    term
    grade {
      score
      passed
    }
  }
}`) as unknown as TypedDocumentString<ConsoleEntryQuery, ConsoleEntryQueryVariables>;
export const ConsoleCorrectDocument = new TypedDocumentString(`
    mutation ConsoleCorrect($input: CorrectAchievementInput!) {
  correctAchievement(input: $input) {
    __typename
    ...ConsoleEntryFields
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment ConsoleEntryFields on LedgerEntry {
  id
  learnerId
  seq
  type
  recordedAt
  sourceRecordId
  targetEntryId
  reason
  institutionId
  achievement {
    kind
    title {
      zh
      en
    }
    courseCode
    credits
    creditSystem
    category
    level
    earnedAt
    term
    grade {
      score
      passed
    }
  }
}`) as unknown as TypedDocumentString<ConsoleCorrectMutation, ConsoleCorrectMutationVariables>;
export const ConsoleVoidDocument = new TypedDocumentString(`
    mutation ConsoleVoid($input: VoidAchievementInput!) {
  voidAchievement(input: $input) {
    __typename
    ...ConsoleEntryFields
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment ConsoleEntryFields on LedgerEntry {
  id
  learnerId
  seq
  type
  recordedAt
  sourceRecordId
  targetEntryId
  reason
  institutionId
  achievement {
    kind
    title {
      zh
      en
    }
    courseCode
    credits
    creditSystem
    category
    level
    earnedAt
    term
    grade {
      score
      passed
    }
  }
}`) as unknown as TypedDocumentString<ConsoleVoidMutation, ConsoleVoidMutationVariables>;
export const ConsoleImportJobDocument = new TypedDocumentString(`
    query ConsoleImportJob($id: ID!, $phase: ImportPhase!) {
  importJob(id: $id) {
    __typename
    ... on ImportJob {
      ...ImportJobFields
      errors(phase: $phase, first: 100) {
        seq
        line
        sourceRecordId
        code
        message
        field
      }
    }
    ... on ResultError {
      code
      message
    }
  }
}
    fragment ImportJobFields on ImportJob {
  id
  fileName
  format
  size
  status
  allOrNothing
  failure
  createdAt
  check {
    bytes
    rows
    valid
    failed
    errorsStored
    finishedAt
  }
  write {
    bytes
    rows
    created
    duplicates
    failed
    errorsStored
    finishedAt
  }
}`) as unknown as TypedDocumentString<ConsoleImportJobQuery, ConsoleImportJobQueryVariables>;
export const ConsoleImportJobsDocument = new TypedDocumentString(`
    query ConsoleImportJobs($institutionId: ID!) {
  importJobs(institutionId: $institutionId, first: 10) {
    __typename
    ... on ImportJobList {
      items {
        ...ImportJobFields
      }
    }
    ... on ResultError {
      message
    }
  }
}
    fragment ImportJobFields on ImportJob {
  id
  fileName
  format
  size
  status
  allOrNothing
  failure
  createdAt
  check {
    bytes
    rows
    valid
    failed
    errorsStored
    finishedAt
  }
  write {
    bytes
    rows
    created
    duplicates
    failed
    errorsStored
    finishedAt
  }
}`) as unknown as TypedDocumentString<ConsoleImportJobsQuery, ConsoleImportJobsQueryVariables>;
export const ConsoleImportFileDocument = new TypedDocumentString(`
    mutation ConsoleImportFile($jobId: ID!, $allOrNothing: Boolean) {
  importFile(jobId: $jobId, allOrNothing: $allOrNothing) {
    __typename
    ... on ImportJob {
      ...ImportJobFields
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment ImportJobFields on ImportJob {
  id
  fileName
  format
  size
  status
  allOrNothing
  failure
  createdAt
  check {
    bytes
    rows
    valid
    failed
    errorsStored
    finishedAt
  }
  write {
    bytes
    rows
    created
    duplicates
    failed
    errorsStored
    finishedAt
  }
}`) as unknown as TypedDocumentString<
  ConsoleImportFileMutation,
  ConsoleImportFileMutationVariables
>;
export const ConsoleRecognitionQueueDocument = new TypedDocumentString(`
    query ConsoleRecognitionQueue($institutionId: ID!) {
  recognitionRequests(institutionId: $institutionId) {
    __typename
    ... on RecognitionRequestList {
      items {
        ...QueueRequestFields
      }
    }
    ... on ResultError {
      message
    }
  }
}
    fragment QueueRequestFields on RecognitionRequest {
  id
  learnerId
  targetInstitutionId
  creditSystem
  entryIds
  createdAt
  status
  proposals {
    entryId
    outcome
    credits
    creditSystem
    category
    level
    courseRef
    ruleId
    ruleVersion
    reason
    text {
      zh
      en
    }
  }
  granted {
    sourceEntryId
    credits
    creditSystem
    category
    ruleId
    ruleVersion
  }
  history {
    seq
    type
    at
    reason
    comment
  }
}`) as unknown as TypedDocumentString<
  ConsoleRecognitionQueueQuery,
  ConsoleRecognitionQueueQueryVariables
>;
export const ConsoleRecognitionRequestDocument = new TypedDocumentString(`
    query ConsoleRecognitionRequest($id: ID!) {
  recognitionRequest(id: $id) {
    __typename
    ... on RecognitionRequest {
      ...QueueRequestFields
      sourceEntries {
        ...ConsoleEntryFields
        institution {
          id
          name {
            zh
            en
          }
        }
      }
    }
    ... on ResultError {
      code
      message
    }
  }
}
    fragment ConsoleEntryFields on LedgerEntry {
  id
  learnerId
  seq
  type
  recordedAt
  sourceRecordId
  targetEntryId
  reason
  institutionId
  achievement {
    kind
    title {
      zh
      en
    }
    courseCode
    credits
    creditSystem
    category
    level
    earnedAt
    term
    grade {
      score
      passed
    }
  }
}
fragment QueueRequestFields on RecognitionRequest {
  id
  learnerId
  targetInstitutionId
  creditSystem
  entryIds
  createdAt
  status
  proposals {
    entryId
    outcome
    credits
    creditSystem
    category
    level
    courseRef
    ruleId
    ruleVersion
    reason
    text {
      zh
      en
    }
  }
  granted {
    sourceEntryId
    credits
    creditSystem
    category
    ruleId
    ruleVersion
  }
  history {
    seq
    type
    at
    reason
    comment
  }
}`) as unknown as TypedDocumentString<
  ConsoleRecognitionRequestQuery,
  ConsoleRecognitionRequestQueryVariables
>;
export const ConsoleApproveDocument = new TypedDocumentString(`
    mutation ConsoleApprove($requestId: ID!, $items: [RecognitionDecisionItemInput!], $comment: String, $supersede: Boolean) {
  approveRecognition(
    requestId: $requestId
    items: $items
    comment: $comment
    supersede: $supersede
  ) {
    __typename
    ... on RecognitionRequest {
      id
      status
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleApproveMutation, ConsoleApproveMutationVariables>;
export const ConsolePartlyApproveDocument = new TypedDocumentString(`
    mutation ConsolePartlyApprove($requestId: ID!, $items: [RecognitionDecisionItemInput!]!, $reason: String!, $supersede: Boolean) {
  partlyApproveRecognition(
    requestId: $requestId
    items: $items
    reason: $reason
    supersede: $supersede
  ) {
    __typename
    ... on RecognitionRequest {
      id
      status
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<
  ConsolePartlyApproveMutation,
  ConsolePartlyApproveMutationVariables
>;
export const ConsoleRejectDocument = new TypedDocumentString(`
    mutation ConsoleReject($requestId: ID!, $reason: String!) {
  rejectRecognition(requestId: $requestId, reason: $reason) {
    __typename
    ... on RecognitionRequest {
      id
      status
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleRejectMutation, ConsoleRejectMutationVariables>;
export const ConsoleApiKeysDocument = new TypedDocumentString(`
    query ConsoleApiKeys($institutionId: ID!) {
  apiKeys(institutionId: $institutionId) {
    __typename
    ... on ApiKeyList {
      items {
        id
        label
        scopes
        createdAt
        lastUsedAt
        revokedAt
      }
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleApiKeysQuery, ConsoleApiKeysQueryVariables>;
export const ConsoleCreateApiKeyDocument = new TypedDocumentString(`
    mutation ConsoleCreateApiKey($institutionId: ID!, $label: String!, $scopes: [ApiKeyScope!]!) {
  createApiKey(institutionId: $institutionId, label: $label, scopes: $scopes) {
    __typename
    ... on CreateApiKeyOk {
      token
      apiKey {
        id
        label
      }
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<
  ConsoleCreateApiKeyMutation,
  ConsoleCreateApiKeyMutationVariables
>;
export const ConsoleRevokeApiKeyDocument = new TypedDocumentString(`
    mutation ConsoleRevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    __typename
    ... on ApiKey {
      id
      revokedAt
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<
  ConsoleRevokeApiKeyMutation,
  ConsoleRevokeApiKeyMutationVariables
>;
export const ConsoleSigningKeysDocument = new TypedDocumentString(`
    query ConsoleSigningKeys($institutionId: ID!) {
  signingKeys(institutionId: $institutionId) {
    id
    type
    publicKeyMultibase
    createdAt
    retiredAt
    revokedAt
    revocationReason
  }
  institutionDid(institutionId: $institutionId) {
    did
    document
  }
}
    `) as unknown as TypedDocumentString<ConsoleSigningKeysQuery, ConsoleSigningKeysQueryVariables>;
export const ConsoleRotateSigningKeyDocument = new TypedDocumentString(`
    mutation ConsoleRotateSigningKey($institutionId: ID!, $type: KeyType!) {
  rotateSigningKey(institutionId: $institutionId, type: $type) {
    __typename
    ... on SigningKey {
      id
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<
  ConsoleRotateSigningKeyMutation,
  ConsoleRotateSigningKeyMutationVariables
>;
export const ConsoleRevokeSigningKeyDocument = new TypedDocumentString(`
    mutation ConsoleRevokeSigningKey($keyId: ID!, $reason: String!, $compromisedAt: DateTime) {
  revokeSigningKey(keyId: $keyId, reason: $reason, compromisedAt: $compromisedAt) {
    __typename
    ... on SigningKey {
      id
      revokedAt
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<
  ConsoleRevokeSigningKeyMutation,
  ConsoleRevokeSigningKeyMutationVariables
>;
export const ConsoleInstitutionsDocument = new TypedDocumentString(`
    query ConsoleInstitutions {
  institutions {
    ...ConsoleInstitutionFields
  }
}
    fragment ConsoleInstitutionFields on Institution {
  id
  slug
  name {
    zh
    en
  }
  type
  region
  status
  accreditation {
    qualificationType
    levels
  }
}`) as unknown as TypedDocumentString<ConsoleInstitutionsQuery, ConsoleInstitutionsQueryVariables>;
export const ConsoleRegisterInstitutionDocument = new TypedDocumentString(`
    mutation ConsoleRegisterInstitution($input: RegisterInstitutionInput!) {
  registerInstitution(input: $input) {
    __typename
    ...ConsoleInstitutionFields
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment ConsoleInstitutionFields on Institution {
  id
  slug
  name {
    zh
    en
  }
  type
  region
  status
  accreditation {
    qualificationType
    levels
  }
}`) as unknown as TypedDocumentString<
  ConsoleRegisterInstitutionMutation,
  ConsoleRegisterInstitutionMutationVariables
>;
export const ConsoleSetInstitutionStatusDocument = new TypedDocumentString(`
    mutation ConsoleSetInstitutionStatus($id: ID!, $status: InstitutionStatus!) {
  setInstitutionStatus(id: $id, status: $status) {
    __typename
    ...ConsoleInstitutionFields
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment ConsoleInstitutionFields on Institution {
  id
  slug
  name {
    zh
    en
  }
  type
  region
  status
  accreditation {
    qualificationType
    levels
  }
}`) as unknown as TypedDocumentString<
  ConsoleSetInstitutionStatusMutation,
  ConsoleSetInstitutionStatusMutationVariables
>;
export const ConsoleSetAccreditationDocument = new TypedDocumentString(`
    mutation ConsoleSetAccreditation($id: ID!, $accreditation: [AccreditationScopeInput!]!) {
  setAccreditation(id: $id, accreditation: $accreditation) {
    __typename
    ...ConsoleInstitutionFields
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment ConsoleInstitutionFields on Institution {
  id
  slug
  name {
    zh
    en
  }
  type
  region
  status
  accreditation {
    qualificationType
    levels
  }
}`) as unknown as TypedDocumentString<
  ConsoleSetAccreditationMutation,
  ConsoleSetAccreditationMutationVariables
>;
export const ConsoleStaffDocument = new TypedDocumentString(`
    query ConsoleStaff($institutionId: ID!) {
  staff(institutionId: $institutionId) {
    __typename
    ... on StaffList {
      items {
        id
        email
        name
        createdAt
        disabledAt
        activated
      }
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleStaffQuery, ConsoleStaffQueryVariables>;
export const ConsoleCreateStaffDocument = new TypedDocumentString(`
    mutation ConsoleCreateStaff($institutionId: ID!, $input: NewAccountInput!) {
  createStaff(institutionId: $institutionId, input: $input) {
    __typename
    ... on User {
      id
      email
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<
  ConsoleCreateStaffMutation,
  ConsoleCreateStaffMutationVariables
>;
export const ConsoleCreateStaffCodeDocument = new TypedDocumentString(`
    mutation ConsoleCreateStaffCode($userId: ID!, $purpose: AccountCodePurpose!) {
  createStaffCode(userId: $userId, purpose: $purpose) {
    __typename
    ... on StaffCode {
      secret: code
      purpose
      email
      expiresAt
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<
  ConsoleCreateStaffCodeMutation,
  ConsoleCreateStaffCodeMutationVariables
>;
export const ConsoleSetUserDisabledDocument = new TypedDocumentString(`
    mutation ConsoleSetUserDisabled($userId: ID!, $disabled: Boolean!) {
  setUserDisabled(userId: $userId, disabled: $disabled) {
    __typename
    ... on User {
      id
      email
      disabledAt
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<
  ConsoleSetUserDisabledMutation,
  ConsoleSetUserDisabledMutationVariables
>;
export const ConsoleOperatorAuditTrailDocument = new TypedDocumentString(`
    query ConsoleOperatorAuditTrail($first: Int, $after: String) {
  operatorAuditTrail(first: $first, after: $after) {
    __typename
    ... on OperatorActionPage {
      items {
        seq
        at
        action
        actorKind
        actorId
        actorEmail
        target {
          kind
          id
          label
          institutionId
        }
        before
        after
        status
        error
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<
  ConsoleOperatorAuditTrailQuery,
  ConsoleOperatorAuditTrailQueryVariables
>;
export const ConsoleProgrammesDocument = new TypedDocumentString(`
    query ConsoleProgrammes($institutionId: ID!, $publisher: String!) {
  programmes(institutionId: $institutionId) {
    ...ConsoleProgrammeFields
  }
  recognitionRules(publisher: $publisher) {
    ...ConsoleRuleFields
  }
}
    fragment ConsoleProgrammeFields on Programme {
  id
  version
  institutionId
  name {
    zh
    en
  }
  qualificationType
  level
  creditSystem
  effectiveFrom
  definedAt
  definition
}
fragment ConsoleRuleFields on RecognitionRule {
  ruleId
  version
  kind
  automatic
  effectiveFrom
  effectiveUntil
  publisher
  publishedAt
  definition
}`) as unknown as TypedDocumentString<ConsoleProgrammesQuery, ConsoleProgrammesQueryVariables>;
export const ConsoleProgrammeVersionsDocument = new TypedDocumentString(`
    query ConsoleProgrammeVersions($id: ID!) {
  programmeVersions(id: $id) {
    __typename
    ... on ProgrammeList {
      items {
        ...ConsoleProgrammeFields
      }
    }
    ... on ResultError {
      code
      message
    }
  }
}
    fragment ConsoleProgrammeFields on Programme {
  id
  version
  institutionId
  name {
    zh
    en
  }
  qualificationType
  level
  creditSystem
  effectiveFrom
  definedAt
  definition
}`) as unknown as TypedDocumentString<
  ConsoleProgrammeVersionsQuery,
  ConsoleProgrammeVersionsQueryVariables
>;
export const ConsoleRuleVersionsDocument = new TypedDocumentString(`
    query ConsoleRuleVersions($ruleId: String!) {
  recognitionRuleVersions(ruleId: $ruleId) {
    __typename
    ... on RecognitionRuleList {
      items {
        ...ConsoleRuleFields
      }
    }
    ... on ResultError {
      code
      message
    }
  }
}
    fragment ConsoleRuleFields on RecognitionRule {
  ruleId
  version
  kind
  automatic
  effectiveFrom
  effectiveUntil
  publisher
  publishedAt
  definition
}`) as unknown as TypedDocumentString<ConsoleRuleVersionsQuery, ConsoleRuleVersionsQueryVariables>;
export const ConsoleDefineProgrammeDocument = new TypedDocumentString(`
    mutation ConsoleDefineProgramme($definition: String!) {
  defineProgramme(definition: $definition) {
    __typename
    ...ConsoleProgrammeFields
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment ConsoleProgrammeFields on Programme {
  id
  version
  institutionId
  name {
    zh
    en
  }
  qualificationType
  level
  creditSystem
  effectiveFrom
  definedAt
  definition
}`) as unknown as TypedDocumentString<
  ConsoleDefineProgrammeMutation,
  ConsoleDefineProgrammeMutationVariables
>;
export const ConsoleNearCompletionDocument = new TypedDocumentString(`
    query ConsoleNearCompletion($programmeId: ID!, $version: Int, $minProgress: Float) {
  programmeNearCompletion(
    programmeId: $programmeId
    version: $version
    minProgress: $minProgress
  ) {
    __typename
    ... on NearCompletionReport {
      programmeId
      version
      asOf
      audited
      notAudited
      learners {
        learnerId
        name
        progress
        passed
        met
        requirements
        missing {
          zh
          en
        }
        applied
      }
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<
  ConsoleNearCompletionQuery,
  ConsoleNearCompletionQueryVariables
>;
export const LearnerCredentialsDocument = new TypedDocumentString(`
    query LearnerCredentials($learnerId: ID!) {
  learnerCredentials(learnerId: $learnerId) {
    __typename
    ... on IssuedCredentialList {
      items {
        id
        institutionId
        kind
        achievementTypes
        format
        serialized
        revoked
        suspended
        issuedAt
        history {
          action
          reason
          at
        }
      }
    }
    ... on ResultError {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<LearnerCredentialsQuery, LearnerCredentialsQueryVariables>;
export const ProgrammesDocument = new TypedDocumentString(`
    query Programmes($learnerId: ID!) {
  programmes {
    id
    version
    institutionId
    name {
      zh
      en
    }
    qualificationType
    level
    creditSystem
  }
  awardApplications(learnerId: $learnerId) {
    __typename
    ... on AwardApplicationList {
      items {
        id
        programmeId
        programmeVersion
        institutionId
        appliedAt
        status
        confirmedAt
        credentialId
      }
    }
    ... on ResultError {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ProgrammesQuery, ProgrammesQueryVariables>;
export const WhatIfAuditDocument = new TypedDocumentString(`
    query WhatIfAudit($learnerId: ID!, $programmeId: ID!, $hypothetical: [HypotheticalCreditInput!]) {
  whatIfAudit(
    learnerId: $learnerId
    programmeId: $programmeId
    hypothetical: $hypothetical
  ) {
    __typename
    ...AuditFields
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment AuditFields on DegreeAudit {
  passed
  asOf
  hypothetical
  missing {
    zh
    en
  }
  programme {
    id
    version
    name {
      zh
      en
    }
  }
  requirements {
    id
    kind
    parentId
    label {
      zh
      en
    }
    met
    unit
    required
    counted
    missingAmount
    missing {
      zh
      en
    }
    entries
  }
  excluded {
    entryId
    reason
    text {
      zh
      en
    }
  }
  totals {
    creditSystem
    counted
    excluded
    residency
    gpa
  }
}`) as unknown as TypedDocumentString<WhatIfAuditQuery, WhatIfAuditQueryVariables>;
export const ApplyForAwardDocument = new TypedDocumentString(`
    mutation ApplyForAward($programmeId: ID!, $version: Int) {
  applyForAward(programmeId: $programmeId, version: $version) {
    __typename
    ... on AwardApplication {
      id
      status
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<ApplyForAwardMutation, ApplyForAwardMutationVariables>;
export const RecognitionRequestsDocument = new TypedDocumentString(`
    query RecognitionRequests($learnerId: ID!) {
  recognitionRequests(learnerId: $learnerId) {
    __typename
    ... on RecognitionRequestList {
      items {
        ...RecognitionRequestFields
      }
    }
    ... on ResultError {
      message
    }
  }
}
    fragment RecognitionRequestFields on RecognitionRequest {
  id
  targetInstitutionId
  programmeId
  creditSystem
  entryIds
  createdAt
  status
  proposals {
    entryId
    outcome
    credits
    creditSystem
    text {
      zh
      en
    }
  }
  granted {
    sourceEntryId
    credits
    creditSystem
    category
    ruleId
    ruleVersion
  }
  history {
    seq
    type
    at
    reason
    comment
  }
}`) as unknown as TypedDocumentString<RecognitionRequestsQuery, RecognitionRequestsQueryVariables>;
export const RequestRecognitionDocument = new TypedDocumentString(`
    mutation RequestRecognition($input: RequestRecognitionInput!) {
  requestRecognition(input: $input) {
    __typename
    ...RecognitionRequestFields
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment RecognitionRequestFields on RecognitionRequest {
  id
  targetInstitutionId
  programmeId
  creditSystem
  entryIds
  createdAt
  status
  proposals {
    entryId
    outcome
    credits
    creditSystem
    text {
      zh
      en
    }
  }
  granted {
    sourceEntryId
    credits
    creditSystem
    category
    ruleId
    ruleVersion
  }
  history {
    seq
    type
    at
    reason
    comment
  }
}`) as unknown as TypedDocumentString<
  RequestRecognitionMutation,
  RequestRecognitionMutationVariables
>;
export const AppealRecognitionDocument = new TypedDocumentString(`
    mutation AppealRecognition($requestId: ID!, $comment: String!) {
  appealRecognition(requestId: $requestId, comment: $comment) {
    __typename
    ...RecognitionRequestFields
    ... on ResultError {
      code
      message
      field
    }
  }
}
    fragment RecognitionRequestFields on RecognitionRequest {
  id
  targetInstitutionId
  programmeId
  creditSystem
  entryIds
  createdAt
  status
  proposals {
    entryId
    outcome
    credits
    creditSystem
    text {
      zh
      en
    }
  }
  granted {
    sourceEntryId
    credits
    creditSystem
    category
    ruleId
    ruleVersion
  }
  history {
    seq
    type
    at
    reason
    comment
  }
}`) as unknown as TypedDocumentString<
  AppealRecognitionMutation,
  AppealRecognitionMutationVariables
>;
export const RecognitionProgrammesDocument = new TypedDocumentString(`
    query RecognitionProgrammes {
  programmes {
    id
    version
    institutionId
    creditSystem
    name {
      zh
      en
    }
  }
}
    `) as unknown as TypedDocumentString<
  RecognitionProgrammesQuery,
  RecognitionProgrammesQueryVariables
>;
export const VerifyChainDocument = new TypedDocumentString(`
    query VerifyChain($learnerId: ID!) {
  verifyChain(learnerId: $learnerId) {
    __typename
    ... on ChainVerification {
      valid
      entries
      headHash
      firstBroken {
        seq
        reason
      }
    }
    ... on ResultError {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<VerifyChainQuery, VerifyChainQueryVariables>;
export const InstitutionsDocument = new TypedDocumentString(`
    query Institutions {
  institutions {
    id
    slug
    name {
      zh
      en
    }
    type
    region
    status
    accreditation {
      qualificationType
      levels
    }
  }
}
    `) as unknown as TypedDocumentString<InstitutionsQuery, InstitutionsQueryVariables>;
export const LearnerRecordPageDocument = new TypedDocumentString(`
    query LearnerRecordPage($learnerId: ID!, $first: Int!, $after: String) {
  learnerRecord(
    learnerId: $learnerId
    first: $first
    after: $after
    order: NEWEST_FIRST
  ) {
    __typename
    ... on LedgerPage {
      items {
        ...LedgerEntryFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    ... on ResultError {
      code
      message
    }
  }
}
    fragment LedgerEntryFields on LedgerEntry {
  id
  seq
  type
  institutionId
  recordedAt
  sourceRecordId
  targetEntryId
  reason
  credentialId
  credentialAction
  programmeId
  achievement {
    kind
    title {
      zh
      en
    }
    courseCode
    credits
    creditSystem
    category
    level
    hours
    earnedAt
    term
    expiresAt
    grade {
      score
      letter
      points
      passed
    }
    recognition {
      ruleId
      ruleVersion
      sourceEntryIds
    }
  }
}`) as unknown as TypedDocumentString<LearnerRecordPageQuery, LearnerRecordPageQueryVariables>;
export const SharingDocument = new TypedDocumentString(`
    query Sharing($learnerId: ID!) {
  learnerCredentials(learnerId: $learnerId) {
    __typename
    ... on IssuedCredentialList {
      items {
        id
        institutionId
        kind
        format
        serialized
        revoked
        suspended
        issuedAt
      }
    }
    ... on ResultError {
      code
      message
    }
  }
  credentialShares(learnerId: $learnerId) {
    __typename
    ... on CredentialShareList {
      items {
        id
        credentialIds
        audience
        createdAt
        expiresAt
        revokedAt
        active
        views {
          at
          viewer
          via
        }
      }
    }
    ... on ResultError {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SharingQuery, SharingQueryVariables>;
export const ShareCredentialsDocument = new TypedDocumentString(`
    mutation ShareCredentials($input: ShareCredentialInput!) {
  shareCredential(input: $input) {
    __typename
    ... on CreatedShare {
      url
      share {
        id
        audience
        expiresAt
      }
    }
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<
  ShareCredentialsMutation,
  ShareCredentialsMutationVariables
>;
export const WithdrawShareDocument = new TypedDocumentString(`
    mutation WithdrawShare($id: ID!) {
  revokeShare(id: $id) {
    __typename
    ... on CredentialShare {
      id
      active
    }
    ... on ResultError {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<WithdrawShareMutation, WithdrawShareMutationVariables>;
export const CredentialStatusNoticeDocument = new TypedDocumentString(`
    query CredentialStatusNotice($id: ID!) {
  credentialStatusNotice(id: $id) {
    __typename
    ... on CredentialStatusNotice {
      credentialId
      revoked
      suspended
      changes {
        action
        reason
        at
      }
    }
    ... on ResultError {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<
  CredentialStatusNoticeQuery,
  CredentialStatusNoticeQueryVariables
>;
