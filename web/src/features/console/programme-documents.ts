// GraphQL documents of the console's programmes and rules page: versions, definitions, near completion.
import { graphql } from '../../gql/index.ts';

export const ConsoleProgrammeFields = graphql(`
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
`);

export const ConsoleRuleFields = graphql(`
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
`);

export const ConsoleProgrammesQuery = graphql(`
  query ConsoleProgrammes($institutionId: ID!, $publisher: String!) {
    programmes(institutionId: $institutionId) {
      ...ConsoleProgrammeFields
    }
    recognitionRules(publisher: $publisher) {
      ...ConsoleRuleFields
    }
  }
`);

export const ConsoleProgrammeVersionsQuery = graphql(`
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
`);

export const ConsoleRuleVersionsQuery = graphql(`
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
`);

export const DefineProgrammeMutation = graphql(`
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
`);

export const NearCompletionQuery = graphql(`
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
`);
