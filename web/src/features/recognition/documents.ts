// GraphQL documents of the recognition page: the learner's requests, a new request, an appeal.
import { graphql } from '../../gql/index.ts';

export const RecognitionRequestFields = graphql(`
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
`);

export const RecognitionRequestsQuery = graphql(`
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
`);

export const RequestRecognitionMutation = graphql(`
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
`);

export const AppealRecognitionMutation = graphql(`
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
`);

/** The programmes a request may be made toward (its awarding institution receives the credit). */
export const RecognitionProgrammesQuery = graphql(`
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
`);
