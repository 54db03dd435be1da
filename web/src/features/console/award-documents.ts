// GraphQL documents of the console's awards and credentials page: applications, issuing, status changes.
import { graphql } from '../../gql/index.ts';

export const ConsoleApplicationFields = graphql(`
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
`);

export const ConsoleCredentialFields = graphql(`
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
`);

export const ApplicationsQuery = graphql(`
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
`);

export const ConfirmAwardMutation = graphql(`
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
`);

export const IssueCredentialMutation = graphql(`
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
`);

export const IssueCredentialsMutation = graphql(`
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
`);

export const CredentialQuery = graphql(`
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
`);

export const RevokeMutation = graphql(`
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
`);

export const SuspendMutation = graphql(`
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
`);

export const ReinstateMutation = graphql(`
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
`);

export const InstitutionCredentialsQuery = graphql(`
  query ConsoleInstitutionCredentials(
    $institutionId: ID!
    $filter: InstitutionCredentialsFilter
    $first: Int
    $after: String
  ) {
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
`);

export const CourseClassQuery = graphql(`
  query ConsoleCourseClass(
    $institutionId: ID!
    $courseCode: String!
    $term: String
    $first: Int
    $after: String
  ) {
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
`);
