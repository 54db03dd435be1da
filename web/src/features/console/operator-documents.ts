// GraphQL documents of the keys page (an institution's staff) and the operator's pages (institutions, staff, audit trail).
import { graphql } from '../../gql/index.ts';

export const ApiKeysQuery = graphql(`
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
`);

export const CreateApiKeyMutation = graphql(`
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
`);

export const RevokeApiKeyMutation = graphql(`
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
`);

export const SigningKeysQuery = graphql(`
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
`);

export const RotateSigningKeyMutation = graphql(`
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
`);

export const RevokeSigningKeyMutation = graphql(`
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
`);

export const ConsoleInstitutionFields = graphql(`
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
`);

export const InstitutionsQuery = graphql(`
  query ConsoleInstitutions {
    institutions {
      ...ConsoleInstitutionFields
    }
  }
`);

export const RegisterInstitutionMutation = graphql(`
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
`);

export const SetInstitutionStatusMutation = graphql(`
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
`);

export const SetAccreditationMutation = graphql(`
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
`);

export const StaffQuery = graphql(`
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
`);

export const CreateStaffMutation = graphql(`
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
`);

export const CreateStaffCodeMutation = graphql(`
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
`);

export const SetUserDisabledMutation = graphql(`
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
`);

export const OperatorAuditTrailQuery = graphql(`
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
`);
