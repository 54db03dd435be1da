/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AchievementKind =
  | 'AWARD'
  | 'COURSE'
  | 'MOOC'
  | 'RECOGNIZED'
  | 'SKILLS_CERTIFICATE'
  | 'TRAINING'
  | 'VOCATIONAL_CERTIFICATE'
  | 'WORK_EXPERIENCE';

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
  | 'CONFLICT'
  | 'FORBIDDEN'
  /** A link that was withdrawn or has expired. */
  | 'GONE'
  | 'INPUT_VALIDATION_ERROR'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED';

export type InstitutionStatus = 'ACTIVE' | 'SUSPENDED';

export type InstitutionType =
  | 'CREDIT_BANK'
  | 'MOOC_PLATFORM'
  | 'OPEN_UNIVERSITY'
  | 'TRAINING_PROVIDER'
  | 'UNIVERSITY'
  | 'VOCATIONAL_COLLEGE';

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

export type Role = 'API_KEY' | 'LEARNER' | 'OPERATOR' | 'STAFF';

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
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    __typename
    ... on LoginOk {
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
    ... on ResultError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
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
  learnerRecord(learnerId: $learnerId, first: $first, after: $after) {
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
