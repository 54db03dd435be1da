// GraphQL documents of the institution's console: catalogue, learners, records, corrections, imports, recognition.
import { graphql } from '../../gql/index.ts';

export const ConsoleEntryFields = graphql(`
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
`);

export const CoursesQuery = graphql(`
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
`);

export const FindLearnerQuery = graphql(`
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
`);

export const RecordAchievementMutation = graphql(`
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
`);

export const InstitutionRecordsQuery = graphql(`
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
`);

export const LearnerRecordsQuery = graphql(`
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
`);

export const EntryQuery = graphql(`
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
`);

export const CorrectMutation = graphql(`
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
`);

export const VoidMutation = graphql(`
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
`);

export const ImportJobFields = graphql(`
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
`);

export const ImportJobQuery = graphql(`
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
`);

export const ImportJobsQuery = graphql(`
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
`);

export const ImportFileMutation = graphql(`
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
`);

export const QueueRequestFields = graphql(`
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
`);

export const QueueQuery = graphql(`
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
`);

export const QueueRequestQuery = graphql(`
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
`);

export const ApproveMutation = graphql(`
  mutation ConsoleApprove(
    $requestId: ID!
    $items: [RecognitionDecisionItemInput!]
    $comment: String
    $supersede: Boolean
  ) {
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
`);

export const PartlyApproveMutation = graphql(`
  mutation ConsolePartlyApprove(
    $requestId: ID!
    $items: [RecognitionDecisionItemInput!]!
    $reason: String!
    $supersede: Boolean
  ) {
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
`);

export const RejectMutation = graphql(`
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
`);
