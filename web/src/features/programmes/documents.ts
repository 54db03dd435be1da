// GraphQL documents of the programmes page: programmes, the audit (plain and what-if), award applications.
import { graphql } from '../../gql/index.ts';

export const ProgrammesQuery = graphql(`
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
`);

export const AuditFields = graphql(`
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
`);

export const WhatIfAuditQuery = graphql(`
  query WhatIfAudit($learnerId: ID!, $programmeId: ID!, $hypothetical: [HypotheticalCreditInput!]) {
    whatIfAudit(learnerId: $learnerId, programmeId: $programmeId, hypothetical: $hypothetical) {
      __typename
      ...AuditFields
      ... on ResultError {
        code
        message
        field
      }
    }
  }
`);

export const ApplyForAwardMutation = graphql(`
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
`);
