// GraphQL documents of the credentials page: the learner's issued credentials with their status history.
import { graphql } from '../../gql/index.ts';

export const LearnerCredentialsQuery = graphql(`
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
`);
