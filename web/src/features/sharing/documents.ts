// GraphQL documents of the learner's sharing page.
import { graphql } from '../../gql/index.ts';

export const SharingQuery = graphql(`
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
`);

export const ShareMutation = graphql(`
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
`);

export const WithdrawMutation = graphql(`
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
`);
