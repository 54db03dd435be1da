/* eslint-disable */
import * as types from './graphql';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  fragment SignedIn on LoginOk {\n    token\n    expiresAt\n    user {\n      id\n      email\n      name\n      role\n      institutionId\n      learnerId\n    }\n  }\n': typeof types.SignedInFragmentDoc;
  '\n  mutation ActivateAccount($input: ActivateAccountInput!) {\n    activateAccount(input: $input) {\n      __typename\n      ...SignedIn\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ActivateAccountDocument;
  '\n  mutation ActivateStaffAccount($input: ActivateStaffAccountInput!) {\n    activateStaffAccount(input: $input) {\n      __typename\n      ...SignedIn\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ActivateStaffAccountDocument;
  '\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      __typename\n      ...SignedIn\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ResetPasswordDocument;
  '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      __typename\n      ...SignedIn\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ChangePasswordDocument;
  '\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n': typeof types.SignOutEverywhereDocument;
  '\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ...SignedIn\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.LoginDocument;
  '\n  query CreditAccount($learnerId: ID!) {\n    creditAccount(learnerId: $learnerId) {\n      __typename\n      ... on CreditAccount {\n        asOf\n        achievements\n        totals {\n          creditSystem\n          key\n          credits\n        }\n        byCategory {\n          creditSystem\n          key\n          credits\n        }\n        byLevel {\n          creditSystem\n          key\n          credits\n        }\n        byInstitution {\n          creditSystem\n          key\n          credits\n        }\n        expired {\n          creditSystem\n          key\n          credits\n        }\n        recognized {\n          creditSystem\n          key\n          credits\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n': typeof types.CreditAccountDocument;
  '\n  fragment ConsoleApplicationFields on AwardApplication {\n    id\n    learnerId\n    programmeId\n    programmeVersion\n    appliedAt\n    status\n    confirmedAt\n    reviewReason\n    credentialId\n  }\n': typeof types.ConsoleApplicationFieldsFragmentDoc;
  '\n  fragment ConsoleCredentialFields on IssuedCredential {\n    id\n    institutionId\n    learnerId\n    kind\n    achievementTypes\n    format\n    revoked\n    suspended\n    issuedAt\n    history {\n      action\n      reason\n      at\n    }\n  }\n': typeof types.ConsoleCredentialFieldsFragmentDoc;
  '\n  query ConsoleAwardApplications($institutionId: ID!) {\n    awardApplications(institutionId: $institutionId) {\n      __typename\n      ... on AwardApplicationList {\n        items {\n          ...ConsoleApplicationFields\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n': typeof types.ConsoleAwardApplicationsDocument;
  '\n  mutation ConsoleConfirmAward($applicationId: ID!) {\n    confirmAward(applicationId: $applicationId) {\n      __typename\n      ...ConsoleApplicationFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleConfirmAwardDocument;
  '\n  mutation ConsoleIssueCredential($institutionId: ID!, $input: IssueCredentialInput!) {\n    issueCredential(institutionId: $institutionId, input: $input) {\n      __typename\n      ...ConsoleCredentialFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleIssueCredentialDocument;
  '\n  mutation ConsoleIssueCredentials($institutionId: ID!, $inputs: [IssueCredentialInput!]!) {\n    issueCredentials(institutionId: $institutionId, inputs: $inputs) {\n      __typename\n      ... on BatchIssueOk {\n        issued\n        existing\n        failed\n        rows {\n          index\n          created\n          credential {\n            id\n          }\n          error {\n            code\n            message\n            field\n          }\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleIssueCredentialsDocument;
  '\n  query ConsoleCredential($id: ID!) {\n    credential(id: $id) {\n      __typename\n      ...ConsoleCredentialFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleCredentialDocument;
  '\n  mutation ConsoleRevokeCredential($id: ID!, $reason: String!) {\n    revokeCredential(id: $id, reason: $reason) {\n      __typename\n      ...ConsoleCredentialFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleRevokeCredentialDocument;
  '\n  mutation ConsoleSuspendCredential($id: ID!, $reason: String!) {\n    suspendCredential(id: $id, reason: $reason) {\n      __typename\n      ...ConsoleCredentialFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleSuspendCredentialDocument;
  '\n  mutation ConsoleReinstateCredential($id: ID!, $reason: String!) {\n    reinstateCredential(id: $id, reason: $reason) {\n      __typename\n      ...ConsoleCredentialFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleReinstateCredentialDocument;
  '\n  query ConsoleInstitutionCredentials(\n    $institutionId: ID!\n    $filter: InstitutionCredentialsFilter\n    $first: Int\n    $after: String\n  ) {\n    institutionCredentials(\n      institutionId: $institutionId\n      filter: $filter\n      first: $first\n      after: $after\n    ) {\n      __typename\n      ... on IssuedCredentialPage {\n        items {\n          id\n          learnerId\n          kind\n          programmeId\n          revoked\n          suspended\n          issuedAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleInstitutionCredentialsDocument;
  '\n  query ConsoleCourseClass(\n    $institutionId: ID!\n    $courseCode: String!\n    $term: String\n    $first: Int\n    $after: String\n  ) {\n    courseClass(\n      institutionId: $institutionId\n      courseCode: $courseCode\n      term: $term\n      first: $first\n      after: $after\n    ) {\n      __typename\n      ... on CourseClassPage {\n        items {\n          credentialId\n          entry {\n            id\n            learnerId\n            sourceRecordId\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleCourseClassDocument;
  '\n  fragment ConsoleEntryFields on LedgerEntry {\n    id\n    learnerId\n    seq\n    type\n    recordedAt\n    sourceRecordId\n    targetEntryId\n    reason\n    institutionId\n    achievement {\n      kind\n      title {\n        zh\n        en\n      }\n      courseCode\n      credits\n      creditSystem\n      category\n      level\n      earnedAt\n      term\n      grade {\n        score\n        passed\n      }\n    }\n  }\n': typeof types.ConsoleEntryFieldsFragmentDoc;
  '\n  query ConsoleCourses($institutionId: ID!) {\n    courses(institutionId: $institutionId) {\n      id\n      code\n      version\n      title {\n        zh\n        en\n      }\n      credits\n      creditSystem\n      level\n      category\n    }\n  }\n': typeof types.ConsoleCoursesDocument;
  '\n  query ConsoleFindLearner($nationalId: String!) {\n    findLearner(nationalId: $nationalId) {\n      __typename\n      ... on Learner {\n        id\n        name\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleFindLearnerDocument;
  '\n  mutation ConsoleRecordAchievement($institutionId: ID!, $input: AchievementInput!) {\n    recordAchievement(institutionId: $institutionId, input: $input) {\n      __typename\n      ... on RecordAchievementOk {\n        created\n        entry {\n          ...ConsoleEntryFields\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleRecordAchievementDocument;
  '\n  query ConsoleInstitutionRecords($institutionId: ID!, $first: Int, $after: String) {\n    institutionRecords(institutionId: $institutionId, first: $first, after: $after) {\n      __typename\n      ... on LedgerPage {\n        items {\n          ...ConsoleEntryFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleInstitutionRecordsDocument;
  '\n  query ConsoleLearnerRecords($learnerId: ID!, $institutionId: ID!, $first: Int, $after: String) {\n    learnerRecord(\n      learnerId: $learnerId\n      institutionId: $institutionId\n      first: $first\n      after: $after\n    ) {\n      __typename\n      ... on LedgerPage {\n        items {\n          ...ConsoleEntryFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleLearnerRecordsDocument;
  '\n  query ConsoleEntry($id: ID!) {\n    ledgerEntry(id: $id) {\n      __typename\n      ...ConsoleEntryFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleEntryDocument;
  '\n  mutation ConsoleCorrect($input: CorrectAchievementInput!) {\n    correctAchievement(input: $input) {\n      __typename\n      ...ConsoleEntryFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleCorrectDocument;
  '\n  mutation ConsoleVoid($input: VoidAchievementInput!) {\n    voidAchievement(input: $input) {\n      __typename\n      ...ConsoleEntryFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleVoidDocument;
  '\n  fragment ImportJobFields on ImportJob {\n    id\n    fileName\n    format\n    size\n    status\n    allOrNothing\n    failure\n    createdAt\n    check {\n      bytes\n      rows\n      valid\n      failed\n      errorsStored\n      finishedAt\n    }\n    write {\n      bytes\n      rows\n      created\n      duplicates\n      failed\n      errorsStored\n      finishedAt\n    }\n  }\n': typeof types.ImportJobFieldsFragmentDoc;
  '\n  query ConsoleImportJob($id: ID!, $phase: ImportPhase!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n        errors(phase: $phase, first: 100) {\n          seq\n          line\n          sourceRecordId\n          code\n          message\n          field\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n': typeof types.ConsoleImportJobDocument;
  '\n  query ConsoleImportJobs($institutionId: ID!) {\n    importJobs(institutionId: $institutionId, first: 10) {\n      __typename\n      ... on ImportJobList {\n        items {\n          ...ImportJobFields\n        }\n      }\n      ... on ResultError {\n        message\n      }\n    }\n  }\n': typeof types.ConsoleImportJobsDocument;
  '\n  mutation ConsoleImportFile($jobId: ID!, $allOrNothing: Boolean) {\n    importFile(jobId: $jobId, allOrNothing: $allOrNothing) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleImportFileDocument;
  '\n  fragment QueueRequestFields on RecognitionRequest {\n    id\n    learnerId\n    targetInstitutionId\n    creditSystem\n    entryIds\n    createdAt\n    status\n    proposals {\n      entryId\n      outcome\n      credits\n      creditSystem\n      category\n      level\n      courseRef\n      ruleId\n      ruleVersion\n      reason\n      text {\n        zh\n        en\n      }\n    }\n    granted {\n      sourceEntryId\n      credits\n      creditSystem\n      category\n      ruleId\n      ruleVersion\n    }\n    history {\n      seq\n      type\n      at\n      reason\n      comment\n    }\n  }\n': typeof types.QueueRequestFieldsFragmentDoc;
  '\n  query ConsoleRecognitionQueue($institutionId: ID!) {\n    recognitionRequests(institutionId: $institutionId) {\n      __typename\n      ... on RecognitionRequestList {\n        items {\n          ...QueueRequestFields\n        }\n      }\n      ... on ResultError {\n        message\n      }\n    }\n  }\n': typeof types.ConsoleRecognitionQueueDocument;
  '\n  query ConsoleRecognitionRequest($id: ID!) {\n    recognitionRequest(id: $id) {\n      __typename\n      ... on RecognitionRequest {\n        ...QueueRequestFields\n        sourceEntries {\n          ...ConsoleEntryFields\n          institution {\n            id\n            name {\n              zh\n              en\n            }\n          }\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n': typeof types.ConsoleRecognitionRequestDocument;
  '\n  mutation ConsoleApprove(\n    $requestId: ID!\n    $items: [RecognitionDecisionItemInput!]\n    $comment: String\n    $supersede: Boolean\n  ) {\n    approveRecognition(\n      requestId: $requestId\n      items: $items\n      comment: $comment\n      supersede: $supersede\n    ) {\n      __typename\n      ... on RecognitionRequest {\n        id\n        status\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleApproveDocument;
  '\n  mutation ConsolePartlyApprove(\n    $requestId: ID!\n    $items: [RecognitionDecisionItemInput!]!\n    $reason: String!\n    $supersede: Boolean\n  ) {\n    partlyApproveRecognition(\n      requestId: $requestId\n      items: $items\n      reason: $reason\n      supersede: $supersede\n    ) {\n      __typename\n      ... on RecognitionRequest {\n        id\n        status\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsolePartlyApproveDocument;
  '\n  mutation ConsoleReject($requestId: ID!, $reason: String!) {\n    rejectRecognition(requestId: $requestId, reason: $reason) {\n      __typename\n      ... on RecognitionRequest {\n        id\n        status\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleRejectDocument;
  '\n  query ConsoleApiKeys($institutionId: ID!) {\n    apiKeys(institutionId: $institutionId) {\n      __typename\n      ... on ApiKeyList {\n        items {\n          id\n          label\n          scopes\n          createdAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleApiKeysDocument;
  '\n  mutation ConsoleCreateApiKey($institutionId: ID!, $label: String!, $scopes: [ApiKeyScope!]!) {\n    createApiKey(institutionId: $institutionId, label: $label, scopes: $scopes) {\n      __typename\n      ... on CreateApiKeyOk {\n        token\n        apiKey {\n          id\n          label\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleCreateApiKeyDocument;
  '\n  mutation ConsoleRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on ApiKey {\n        id\n        revokedAt\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleRevokeApiKeyDocument;
  '\n  query ConsoleSigningKeys($institutionId: ID!) {\n    signingKeys(institutionId: $institutionId) {\n      id\n      type\n      publicKeyMultibase\n      createdAt\n      retiredAt\n      revokedAt\n      revocationReason\n    }\n    institutionDid(institutionId: $institutionId) {\n      did\n      document\n    }\n  }\n': typeof types.ConsoleSigningKeysDocument;
  '\n  mutation ConsoleRotateSigningKey($institutionId: ID!, $type: KeyType!) {\n    rotateSigningKey(institutionId: $institutionId, type: $type) {\n      __typename\n      ... on SigningKey {\n        id\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleRotateSigningKeyDocument;
  '\n  mutation ConsoleRevokeSigningKey($keyId: ID!, $reason: String!, $compromisedAt: DateTime) {\n    revokeSigningKey(keyId: $keyId, reason: $reason, compromisedAt: $compromisedAt) {\n      __typename\n      ... on SigningKey {\n        id\n        revokedAt\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleRevokeSigningKeyDocument;
  '\n  fragment ConsoleInstitutionFields on Institution {\n    id\n    slug\n    name {\n      zh\n      en\n    }\n    type\n    region\n    status\n    accreditation {\n      qualificationType\n      levels\n    }\n  }\n': typeof types.ConsoleInstitutionFieldsFragmentDoc;
  '\n  query ConsoleInstitutions {\n    institutions {\n      ...ConsoleInstitutionFields\n    }\n  }\n': typeof types.ConsoleInstitutionsDocument;
  '\n  mutation ConsoleRegisterInstitution($input: RegisterInstitutionInput!) {\n    registerInstitution(input: $input) {\n      __typename\n      ...ConsoleInstitutionFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleRegisterInstitutionDocument;
  '\n  mutation ConsoleSetInstitutionStatus($id: ID!, $status: InstitutionStatus!) {\n    setInstitutionStatus(id: $id, status: $status) {\n      __typename\n      ...ConsoleInstitutionFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleSetInstitutionStatusDocument;
  '\n  mutation ConsoleSetAccreditation($id: ID!, $accreditation: [AccreditationScopeInput!]!) {\n    setAccreditation(id: $id, accreditation: $accreditation) {\n      __typename\n      ...ConsoleInstitutionFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleSetAccreditationDocument;
  '\n  query ConsoleStaff($institutionId: ID!) {\n    staff(institutionId: $institutionId) {\n      __typename\n      ... on StaffList {\n        items {\n          id\n          email\n          name\n          createdAt\n          disabledAt\n          activated\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleStaffDocument;
  '\n  mutation ConsoleCreateStaff($institutionId: ID!, $input: NewAccountInput!) {\n    createStaff(institutionId: $institutionId, input: $input) {\n      __typename\n      ... on User {\n        id\n        email\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleCreateStaffDocument;
  '\n  mutation ConsoleCreateStaffCode($userId: ID!, $purpose: AccountCodePurpose!) {\n    createStaffCode(userId: $userId, purpose: $purpose) {\n      __typename\n      ... on StaffCode {\n        secret: code\n        purpose\n        email\n        expiresAt\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleCreateStaffCodeDocument;
  '\n  mutation ConsoleSetUserDisabled($userId: ID!, $disabled: Boolean!) {\n    setUserDisabled(userId: $userId, disabled: $disabled) {\n      __typename\n      ... on User {\n        id\n        email\n        disabledAt\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleSetUserDisabledDocument;
  '\n  query ConsoleOperatorAuditTrail($first: Int, $after: String) {\n    operatorAuditTrail(first: $first, after: $after) {\n      __typename\n      ... on OperatorActionPage {\n        items {\n          seq\n          at\n          action\n          actorKind\n          actorId\n          actorEmail\n          target {\n            kind\n            id\n            label\n            institutionId\n          }\n          before\n          after\n          status\n          error\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleOperatorAuditTrailDocument;
  '\n  fragment ConsoleProgrammeFields on Programme {\n    id\n    version\n    institutionId\n    name {\n      zh\n      en\n    }\n    qualificationType\n    level\n    creditSystem\n    effectiveFrom\n    definedAt\n    definition\n  }\n': typeof types.ConsoleProgrammeFieldsFragmentDoc;
  '\n  fragment ConsoleRuleFields on RecognitionRule {\n    ruleId\n    version\n    kind\n    automatic\n    effectiveFrom\n    effectiveUntil\n    publisher\n    publishedAt\n    definition\n  }\n': typeof types.ConsoleRuleFieldsFragmentDoc;
  '\n  query ConsoleProgrammes($institutionId: ID!, $publisher: String!) {\n    programmes(institutionId: $institutionId) {\n      ...ConsoleProgrammeFields\n    }\n    recognitionRules(publisher: $publisher) {\n      ...ConsoleRuleFields\n    }\n  }\n': typeof types.ConsoleProgrammesDocument;
  '\n  query ConsoleProgrammeVersions($id: ID!) {\n    programmeVersions(id: $id) {\n      __typename\n      ... on ProgrammeList {\n        items {\n          ...ConsoleProgrammeFields\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n': typeof types.ConsoleProgrammeVersionsDocument;
  '\n  query ConsoleRuleVersions($ruleId: String!) {\n    recognitionRuleVersions(ruleId: $ruleId) {\n      __typename\n      ... on RecognitionRuleList {\n        items {\n          ...ConsoleRuleFields\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n': typeof types.ConsoleRuleVersionsDocument;
  '\n  mutation ConsoleDefineProgramme($definition: String!) {\n    defineProgramme(definition: $definition) {\n      __typename\n      ...ConsoleProgrammeFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleDefineProgrammeDocument;
  '\n  query ConsoleNearCompletion($programmeId: ID!, $version: Int, $minProgress: Float) {\n    programmeNearCompletion(\n      programmeId: $programmeId\n      version: $version\n      minProgress: $minProgress\n    ) {\n      __typename\n      ... on NearCompletionReport {\n        programmeId\n        version\n        asOf\n        audited\n        notAudited\n        learners {\n          learnerId\n          name\n          progress\n          passed\n          met\n          requirements\n          missing {\n            zh\n            en\n          }\n          applied\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ConsoleNearCompletionDocument;
  '\n  query LearnerCredentials($learnerId: ID!) {\n    learnerCredentials(learnerId: $learnerId) {\n      __typename\n      ... on IssuedCredentialList {\n        items {\n          id\n          institutionId\n          kind\n          achievementTypes\n          format\n          serialized\n          revoked\n          suspended\n          issuedAt\n          history {\n            action\n            reason\n            at\n          }\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n': typeof types.LearnerCredentialsDocument;
  '\n  query Programmes($learnerId: ID!) {\n    programmes {\n      id\n      version\n      institutionId\n      name {\n        zh\n        en\n      }\n      qualificationType\n      level\n      creditSystem\n    }\n    awardApplications(learnerId: $learnerId) {\n      __typename\n      ... on AwardApplicationList {\n        items {\n          id\n          programmeId\n          programmeVersion\n          institutionId\n          appliedAt\n          status\n          confirmedAt\n          credentialId\n        }\n      }\n      ... on ResultError {\n        message\n      }\n    }\n  }\n': typeof types.ProgrammesDocument;
  '\n  fragment AuditFields on DegreeAudit {\n    passed\n    asOf\n    hypothetical\n    missing {\n      zh\n      en\n    }\n    programme {\n      id\n      version\n      name {\n        zh\n        en\n      }\n    }\n    requirements {\n      id\n      kind\n      parentId\n      label {\n        zh\n        en\n      }\n      met\n      unit\n      required\n      counted\n      missingAmount\n      missing {\n        zh\n        en\n      }\n      entries\n    }\n    excluded {\n      entryId\n      reason\n      text {\n        zh\n        en\n      }\n    }\n    totals {\n      creditSystem\n      counted\n      excluded\n      residency\n      gpa\n    }\n  }\n': typeof types.AuditFieldsFragmentDoc;
  '\n  query WhatIfAudit($learnerId: ID!, $programmeId: ID!, $hypothetical: [HypotheticalCreditInput!]) {\n    whatIfAudit(learnerId: $learnerId, programmeId: $programmeId, hypothetical: $hypothetical) {\n      __typename\n      ...AuditFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.WhatIfAuditDocument;
  '\n  mutation ApplyForAward($programmeId: ID!, $version: Int) {\n    applyForAward(programmeId: $programmeId, version: $version) {\n      __typename\n      ... on AwardApplication {\n        id\n        status\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ApplyForAwardDocument;
  '\n  fragment RecognitionRequestFields on RecognitionRequest {\n    id\n    targetInstitutionId\n    programmeId\n    creditSystem\n    entryIds\n    createdAt\n    status\n    proposals {\n      entryId\n      outcome\n      credits\n      creditSystem\n      text {\n        zh\n        en\n      }\n    }\n    granted {\n      sourceEntryId\n      credits\n      creditSystem\n      category\n      ruleId\n      ruleVersion\n    }\n    history {\n      seq\n      type\n      at\n      reason\n      comment\n    }\n  }\n': typeof types.RecognitionRequestFieldsFragmentDoc;
  '\n  query RecognitionRequests($learnerId: ID!) {\n    recognitionRequests(learnerId: $learnerId) {\n      __typename\n      ... on RecognitionRequestList {\n        items {\n          ...RecognitionRequestFields\n        }\n      }\n      ... on ResultError {\n        message\n      }\n    }\n  }\n': typeof types.RecognitionRequestsDocument;
  '\n  mutation RequestRecognition($input: RequestRecognitionInput!) {\n    requestRecognition(input: $input) {\n      __typename\n      ...RecognitionRequestFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.RequestRecognitionDocument;
  '\n  mutation AppealRecognition($requestId: ID!, $comment: String!) {\n    appealRecognition(requestId: $requestId, comment: $comment) {\n      __typename\n      ...RecognitionRequestFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.AppealRecognitionDocument;
  '\n  query RecognitionProgrammes {\n    programmes {\n      id\n      version\n      institutionId\n      creditSystem\n      name {\n        zh\n        en\n      }\n    }\n  }\n': typeof types.RecognitionProgrammesDocument;
  '\n  query VerifyChain($learnerId: ID!) {\n    verifyChain(learnerId: $learnerId) {\n      __typename\n      ... on ChainVerification {\n        valid\n        entries\n        headHash\n        firstBroken {\n          seq\n          reason\n        }\n      }\n      ... on ResultError {\n        message\n      }\n    }\n  }\n': typeof types.VerifyChainDocument;
  '\n  query Institutions {\n    institutions {\n      id\n      slug\n      name {\n        zh\n        en\n      }\n      type\n      region\n      status\n      accreditation {\n        qualificationType\n        levels\n      }\n    }\n  }\n': typeof types.InstitutionsDocument;
  '\n  fragment LedgerEntryFields on LedgerEntry {\n    id\n    seq\n    type\n    institutionId\n    recordedAt\n    sourceRecordId\n    targetEntryId\n    reason\n    credentialId\n    credentialAction\n    programmeId\n    achievement {\n      kind\n      title {\n        zh\n        en\n      }\n      courseCode\n      credits\n      creditSystem\n      category\n      level\n      hours\n      earnedAt\n      term\n      expiresAt\n      grade {\n        score\n        letter\n        points\n        passed\n      }\n      recognition {\n        ruleId\n        ruleVersion\n        sourceEntryIds\n      }\n    }\n  }\n': typeof types.LedgerEntryFieldsFragmentDoc;
  '\n  query LearnerRecordPage($learnerId: ID!, $first: Int!, $after: String) {\n    learnerRecord(learnerId: $learnerId, first: $first, after: $after, order: NEWEST_FIRST) {\n      __typename\n      ... on LedgerPage {\n        items {\n          ...LedgerEntryFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n': typeof types.LearnerRecordPageDocument;
  '\n  query Sharing($learnerId: ID!) {\n    learnerCredentials(learnerId: $learnerId) {\n      __typename\n      ... on IssuedCredentialList {\n        items {\n          id\n          institutionId\n          kind\n          format\n          serialized\n          revoked\n          suspended\n          issuedAt\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n    credentialShares(learnerId: $learnerId) {\n      __typename\n      ... on CredentialShareList {\n        items {\n          id\n          credentialIds\n          audience\n          createdAt\n          expiresAt\n          revokedAt\n          active\n          views {\n            at\n            viewer\n            via\n          }\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n': typeof types.SharingDocument;
  '\n  mutation ShareCredentials($input: ShareCredentialInput!) {\n    shareCredential(input: $input) {\n      __typename\n      ... on CreatedShare {\n        url\n        share {\n          id\n          audience\n          expiresAt\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n': typeof types.ShareCredentialsDocument;
  '\n  mutation WithdrawShare($id: ID!) {\n    revokeShare(id: $id) {\n      __typename\n      ... on CredentialShare {\n        id\n        active\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n': typeof types.WithdrawShareDocument;
  '\n  query CredentialStatusNotice($id: ID!) {\n    credentialStatusNotice(id: $id) {\n      __typename\n      ... on CredentialStatusNotice {\n        credentialId\n        revoked\n        suspended\n        changes {\n          action\n          reason\n          at\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n': typeof types.CredentialStatusNoticeDocument;
};
const documents: Documents = {
  '\n  fragment SignedIn on LoginOk {\n    token\n    expiresAt\n    user {\n      id\n      email\n      name\n      role\n      institutionId\n      learnerId\n    }\n  }\n':
    types.SignedInFragmentDoc,
  '\n  mutation ActivateAccount($input: ActivateAccountInput!) {\n    activateAccount(input: $input) {\n      __typename\n      ...SignedIn\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ActivateAccountDocument,
  '\n  mutation ActivateStaffAccount($input: ActivateStaffAccountInput!) {\n    activateStaffAccount(input: $input) {\n      __typename\n      ...SignedIn\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ActivateStaffAccountDocument,
  '\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      __typename\n      ...SignedIn\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ResetPasswordDocument,
  '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      __typename\n      ...SignedIn\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ChangePasswordDocument,
  '\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n': types.SignOutEverywhereDocument,
  '\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ...SignedIn\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.LoginDocument,
  '\n  query CreditAccount($learnerId: ID!) {\n    creditAccount(learnerId: $learnerId) {\n      __typename\n      ... on CreditAccount {\n        asOf\n        achievements\n        totals {\n          creditSystem\n          key\n          credits\n        }\n        byCategory {\n          creditSystem\n          key\n          credits\n        }\n        byLevel {\n          creditSystem\n          key\n          credits\n        }\n        byInstitution {\n          creditSystem\n          key\n          credits\n        }\n        expired {\n          creditSystem\n          key\n          credits\n        }\n        recognized {\n          creditSystem\n          key\n          credits\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n':
    types.CreditAccountDocument,
  '\n  fragment ConsoleApplicationFields on AwardApplication {\n    id\n    learnerId\n    programmeId\n    programmeVersion\n    appliedAt\n    status\n    confirmedAt\n    reviewReason\n    credentialId\n  }\n':
    types.ConsoleApplicationFieldsFragmentDoc,
  '\n  fragment ConsoleCredentialFields on IssuedCredential {\n    id\n    institutionId\n    learnerId\n    kind\n    achievementTypes\n    format\n    revoked\n    suspended\n    issuedAt\n    history {\n      action\n      reason\n      at\n    }\n  }\n':
    types.ConsoleCredentialFieldsFragmentDoc,
  '\n  query ConsoleAwardApplications($institutionId: ID!) {\n    awardApplications(institutionId: $institutionId) {\n      __typename\n      ... on AwardApplicationList {\n        items {\n          ...ConsoleApplicationFields\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n':
    types.ConsoleAwardApplicationsDocument,
  '\n  mutation ConsoleConfirmAward($applicationId: ID!) {\n    confirmAward(applicationId: $applicationId) {\n      __typename\n      ...ConsoleApplicationFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleConfirmAwardDocument,
  '\n  mutation ConsoleIssueCredential($institutionId: ID!, $input: IssueCredentialInput!) {\n    issueCredential(institutionId: $institutionId, input: $input) {\n      __typename\n      ...ConsoleCredentialFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleIssueCredentialDocument,
  '\n  mutation ConsoleIssueCredentials($institutionId: ID!, $inputs: [IssueCredentialInput!]!) {\n    issueCredentials(institutionId: $institutionId, inputs: $inputs) {\n      __typename\n      ... on BatchIssueOk {\n        issued\n        existing\n        failed\n        rows {\n          index\n          created\n          credential {\n            id\n          }\n          error {\n            code\n            message\n            field\n          }\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleIssueCredentialsDocument,
  '\n  query ConsoleCredential($id: ID!) {\n    credential(id: $id) {\n      __typename\n      ...ConsoleCredentialFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleCredentialDocument,
  '\n  mutation ConsoleRevokeCredential($id: ID!, $reason: String!) {\n    revokeCredential(id: $id, reason: $reason) {\n      __typename\n      ...ConsoleCredentialFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleRevokeCredentialDocument,
  '\n  mutation ConsoleSuspendCredential($id: ID!, $reason: String!) {\n    suspendCredential(id: $id, reason: $reason) {\n      __typename\n      ...ConsoleCredentialFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleSuspendCredentialDocument,
  '\n  mutation ConsoleReinstateCredential($id: ID!, $reason: String!) {\n    reinstateCredential(id: $id, reason: $reason) {\n      __typename\n      ...ConsoleCredentialFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleReinstateCredentialDocument,
  '\n  query ConsoleInstitutionCredentials(\n    $institutionId: ID!\n    $filter: InstitutionCredentialsFilter\n    $first: Int\n    $after: String\n  ) {\n    institutionCredentials(\n      institutionId: $institutionId\n      filter: $filter\n      first: $first\n      after: $after\n    ) {\n      __typename\n      ... on IssuedCredentialPage {\n        items {\n          id\n          learnerId\n          kind\n          programmeId\n          revoked\n          suspended\n          issuedAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleInstitutionCredentialsDocument,
  '\n  query ConsoleCourseClass(\n    $institutionId: ID!\n    $courseCode: String!\n    $term: String\n    $first: Int\n    $after: String\n  ) {\n    courseClass(\n      institutionId: $institutionId\n      courseCode: $courseCode\n      term: $term\n      first: $first\n      after: $after\n    ) {\n      __typename\n      ... on CourseClassPage {\n        items {\n          credentialId\n          entry {\n            id\n            learnerId\n            sourceRecordId\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleCourseClassDocument,
  '\n  fragment ConsoleEntryFields on LedgerEntry {\n    id\n    learnerId\n    seq\n    type\n    recordedAt\n    sourceRecordId\n    targetEntryId\n    reason\n    institutionId\n    achievement {\n      kind\n      title {\n        zh\n        en\n      }\n      courseCode\n      credits\n      creditSystem\n      category\n      level\n      earnedAt\n      term\n      grade {\n        score\n        passed\n      }\n    }\n  }\n':
    types.ConsoleEntryFieldsFragmentDoc,
  '\n  query ConsoleCourses($institutionId: ID!) {\n    courses(institutionId: $institutionId) {\n      id\n      code\n      version\n      title {\n        zh\n        en\n      }\n      credits\n      creditSystem\n      level\n      category\n    }\n  }\n':
    types.ConsoleCoursesDocument,
  '\n  query ConsoleFindLearner($nationalId: String!) {\n    findLearner(nationalId: $nationalId) {\n      __typename\n      ... on Learner {\n        id\n        name\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleFindLearnerDocument,
  '\n  mutation ConsoleRecordAchievement($institutionId: ID!, $input: AchievementInput!) {\n    recordAchievement(institutionId: $institutionId, input: $input) {\n      __typename\n      ... on RecordAchievementOk {\n        created\n        entry {\n          ...ConsoleEntryFields\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleRecordAchievementDocument,
  '\n  query ConsoleInstitutionRecords($institutionId: ID!, $first: Int, $after: String) {\n    institutionRecords(institutionId: $institutionId, first: $first, after: $after) {\n      __typename\n      ... on LedgerPage {\n        items {\n          ...ConsoleEntryFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleInstitutionRecordsDocument,
  '\n  query ConsoleLearnerRecords($learnerId: ID!, $institutionId: ID!, $first: Int, $after: String) {\n    learnerRecord(\n      learnerId: $learnerId\n      institutionId: $institutionId\n      first: $first\n      after: $after\n    ) {\n      __typename\n      ... on LedgerPage {\n        items {\n          ...ConsoleEntryFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleLearnerRecordsDocument,
  '\n  query ConsoleEntry($id: ID!) {\n    ledgerEntry(id: $id) {\n      __typename\n      ...ConsoleEntryFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleEntryDocument,
  '\n  mutation ConsoleCorrect($input: CorrectAchievementInput!) {\n    correctAchievement(input: $input) {\n      __typename\n      ...ConsoleEntryFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleCorrectDocument,
  '\n  mutation ConsoleVoid($input: VoidAchievementInput!) {\n    voidAchievement(input: $input) {\n      __typename\n      ...ConsoleEntryFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleVoidDocument,
  '\n  fragment ImportJobFields on ImportJob {\n    id\n    fileName\n    format\n    size\n    status\n    allOrNothing\n    failure\n    createdAt\n    check {\n      bytes\n      rows\n      valid\n      failed\n      errorsStored\n      finishedAt\n    }\n    write {\n      bytes\n      rows\n      created\n      duplicates\n      failed\n      errorsStored\n      finishedAt\n    }\n  }\n':
    types.ImportJobFieldsFragmentDoc,
  '\n  query ConsoleImportJob($id: ID!, $phase: ImportPhase!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n        errors(phase: $phase, first: 100) {\n          seq\n          line\n          sourceRecordId\n          code\n          message\n          field\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n':
    types.ConsoleImportJobDocument,
  '\n  query ConsoleImportJobs($institutionId: ID!) {\n    importJobs(institutionId: $institutionId, first: 10) {\n      __typename\n      ... on ImportJobList {\n        items {\n          ...ImportJobFields\n        }\n      }\n      ... on ResultError {\n        message\n      }\n    }\n  }\n':
    types.ConsoleImportJobsDocument,
  '\n  mutation ConsoleImportFile($jobId: ID!, $allOrNothing: Boolean) {\n    importFile(jobId: $jobId, allOrNothing: $allOrNothing) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleImportFileDocument,
  '\n  fragment QueueRequestFields on RecognitionRequest {\n    id\n    learnerId\n    targetInstitutionId\n    creditSystem\n    entryIds\n    createdAt\n    status\n    proposals {\n      entryId\n      outcome\n      credits\n      creditSystem\n      category\n      level\n      courseRef\n      ruleId\n      ruleVersion\n      reason\n      text {\n        zh\n        en\n      }\n    }\n    granted {\n      sourceEntryId\n      credits\n      creditSystem\n      category\n      ruleId\n      ruleVersion\n    }\n    history {\n      seq\n      type\n      at\n      reason\n      comment\n    }\n  }\n':
    types.QueueRequestFieldsFragmentDoc,
  '\n  query ConsoleRecognitionQueue($institutionId: ID!) {\n    recognitionRequests(institutionId: $institutionId) {\n      __typename\n      ... on RecognitionRequestList {\n        items {\n          ...QueueRequestFields\n        }\n      }\n      ... on ResultError {\n        message\n      }\n    }\n  }\n':
    types.ConsoleRecognitionQueueDocument,
  '\n  query ConsoleRecognitionRequest($id: ID!) {\n    recognitionRequest(id: $id) {\n      __typename\n      ... on RecognitionRequest {\n        ...QueueRequestFields\n        sourceEntries {\n          ...ConsoleEntryFields\n          institution {\n            id\n            name {\n              zh\n              en\n            }\n          }\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n':
    types.ConsoleRecognitionRequestDocument,
  '\n  mutation ConsoleApprove(\n    $requestId: ID!\n    $items: [RecognitionDecisionItemInput!]\n    $comment: String\n    $supersede: Boolean\n  ) {\n    approveRecognition(\n      requestId: $requestId\n      items: $items\n      comment: $comment\n      supersede: $supersede\n    ) {\n      __typename\n      ... on RecognitionRequest {\n        id\n        status\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleApproveDocument,
  '\n  mutation ConsolePartlyApprove(\n    $requestId: ID!\n    $items: [RecognitionDecisionItemInput!]!\n    $reason: String!\n    $supersede: Boolean\n  ) {\n    partlyApproveRecognition(\n      requestId: $requestId\n      items: $items\n      reason: $reason\n      supersede: $supersede\n    ) {\n      __typename\n      ... on RecognitionRequest {\n        id\n        status\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsolePartlyApproveDocument,
  '\n  mutation ConsoleReject($requestId: ID!, $reason: String!) {\n    rejectRecognition(requestId: $requestId, reason: $reason) {\n      __typename\n      ... on RecognitionRequest {\n        id\n        status\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleRejectDocument,
  '\n  query ConsoleApiKeys($institutionId: ID!) {\n    apiKeys(institutionId: $institutionId) {\n      __typename\n      ... on ApiKeyList {\n        items {\n          id\n          label\n          scopes\n          createdAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleApiKeysDocument,
  '\n  mutation ConsoleCreateApiKey($institutionId: ID!, $label: String!, $scopes: [ApiKeyScope!]!) {\n    createApiKey(institutionId: $institutionId, label: $label, scopes: $scopes) {\n      __typename\n      ... on CreateApiKeyOk {\n        token\n        apiKey {\n          id\n          label\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleCreateApiKeyDocument,
  '\n  mutation ConsoleRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on ApiKey {\n        id\n        revokedAt\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleRevokeApiKeyDocument,
  '\n  query ConsoleSigningKeys($institutionId: ID!) {\n    signingKeys(institutionId: $institutionId) {\n      id\n      type\n      publicKeyMultibase\n      createdAt\n      retiredAt\n      revokedAt\n      revocationReason\n    }\n    institutionDid(institutionId: $institutionId) {\n      did\n      document\n    }\n  }\n':
    types.ConsoleSigningKeysDocument,
  '\n  mutation ConsoleRotateSigningKey($institutionId: ID!, $type: KeyType!) {\n    rotateSigningKey(institutionId: $institutionId, type: $type) {\n      __typename\n      ... on SigningKey {\n        id\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleRotateSigningKeyDocument,
  '\n  mutation ConsoleRevokeSigningKey($keyId: ID!, $reason: String!, $compromisedAt: DateTime) {\n    revokeSigningKey(keyId: $keyId, reason: $reason, compromisedAt: $compromisedAt) {\n      __typename\n      ... on SigningKey {\n        id\n        revokedAt\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleRevokeSigningKeyDocument,
  '\n  fragment ConsoleInstitutionFields on Institution {\n    id\n    slug\n    name {\n      zh\n      en\n    }\n    type\n    region\n    status\n    accreditation {\n      qualificationType\n      levels\n    }\n  }\n':
    types.ConsoleInstitutionFieldsFragmentDoc,
  '\n  query ConsoleInstitutions {\n    institutions {\n      ...ConsoleInstitutionFields\n    }\n  }\n':
    types.ConsoleInstitutionsDocument,
  '\n  mutation ConsoleRegisterInstitution($input: RegisterInstitutionInput!) {\n    registerInstitution(input: $input) {\n      __typename\n      ...ConsoleInstitutionFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleRegisterInstitutionDocument,
  '\n  mutation ConsoleSetInstitutionStatus($id: ID!, $status: InstitutionStatus!) {\n    setInstitutionStatus(id: $id, status: $status) {\n      __typename\n      ...ConsoleInstitutionFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleSetInstitutionStatusDocument,
  '\n  mutation ConsoleSetAccreditation($id: ID!, $accreditation: [AccreditationScopeInput!]!) {\n    setAccreditation(id: $id, accreditation: $accreditation) {\n      __typename\n      ...ConsoleInstitutionFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleSetAccreditationDocument,
  '\n  query ConsoleStaff($institutionId: ID!) {\n    staff(institutionId: $institutionId) {\n      __typename\n      ... on StaffList {\n        items {\n          id\n          email\n          name\n          createdAt\n          disabledAt\n          activated\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleStaffDocument,
  '\n  mutation ConsoleCreateStaff($institutionId: ID!, $input: NewAccountInput!) {\n    createStaff(institutionId: $institutionId, input: $input) {\n      __typename\n      ... on User {\n        id\n        email\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleCreateStaffDocument,
  '\n  mutation ConsoleCreateStaffCode($userId: ID!, $purpose: AccountCodePurpose!) {\n    createStaffCode(userId: $userId, purpose: $purpose) {\n      __typename\n      ... on StaffCode {\n        secret: code\n        purpose\n        email\n        expiresAt\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleCreateStaffCodeDocument,
  '\n  mutation ConsoleSetUserDisabled($userId: ID!, $disabled: Boolean!) {\n    setUserDisabled(userId: $userId, disabled: $disabled) {\n      __typename\n      ... on User {\n        id\n        email\n        disabledAt\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleSetUserDisabledDocument,
  '\n  query ConsoleOperatorAuditTrail($first: Int, $after: String) {\n    operatorAuditTrail(first: $first, after: $after) {\n      __typename\n      ... on OperatorActionPage {\n        items {\n          seq\n          at\n          action\n          actorKind\n          actorId\n          actorEmail\n          target {\n            kind\n            id\n            label\n            institutionId\n          }\n          before\n          after\n          status\n          error\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleOperatorAuditTrailDocument,
  '\n  fragment ConsoleProgrammeFields on Programme {\n    id\n    version\n    institutionId\n    name {\n      zh\n      en\n    }\n    qualificationType\n    level\n    creditSystem\n    effectiveFrom\n    definedAt\n    definition\n  }\n':
    types.ConsoleProgrammeFieldsFragmentDoc,
  '\n  fragment ConsoleRuleFields on RecognitionRule {\n    ruleId\n    version\n    kind\n    automatic\n    effectiveFrom\n    effectiveUntil\n    publisher\n    publishedAt\n    definition\n  }\n':
    types.ConsoleRuleFieldsFragmentDoc,
  '\n  query ConsoleProgrammes($institutionId: ID!, $publisher: String!) {\n    programmes(institutionId: $institutionId) {\n      ...ConsoleProgrammeFields\n    }\n    recognitionRules(publisher: $publisher) {\n      ...ConsoleRuleFields\n    }\n  }\n':
    types.ConsoleProgrammesDocument,
  '\n  query ConsoleProgrammeVersions($id: ID!) {\n    programmeVersions(id: $id) {\n      __typename\n      ... on ProgrammeList {\n        items {\n          ...ConsoleProgrammeFields\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n':
    types.ConsoleProgrammeVersionsDocument,
  '\n  query ConsoleRuleVersions($ruleId: String!) {\n    recognitionRuleVersions(ruleId: $ruleId) {\n      __typename\n      ... on RecognitionRuleList {\n        items {\n          ...ConsoleRuleFields\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n':
    types.ConsoleRuleVersionsDocument,
  '\n  mutation ConsoleDefineProgramme($definition: String!) {\n    defineProgramme(definition: $definition) {\n      __typename\n      ...ConsoleProgrammeFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleDefineProgrammeDocument,
  '\n  query ConsoleNearCompletion($programmeId: ID!, $version: Int, $minProgress: Float) {\n    programmeNearCompletion(\n      programmeId: $programmeId\n      version: $version\n      minProgress: $minProgress\n    ) {\n      __typename\n      ... on NearCompletionReport {\n        programmeId\n        version\n        asOf\n        audited\n        notAudited\n        learners {\n          learnerId\n          name\n          progress\n          passed\n          met\n          requirements\n          missing {\n            zh\n            en\n          }\n          applied\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ConsoleNearCompletionDocument,
  '\n  query LearnerCredentials($learnerId: ID!) {\n    learnerCredentials(learnerId: $learnerId) {\n      __typename\n      ... on IssuedCredentialList {\n        items {\n          id\n          institutionId\n          kind\n          achievementTypes\n          format\n          serialized\n          revoked\n          suspended\n          issuedAt\n          history {\n            action\n            reason\n            at\n          }\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n':
    types.LearnerCredentialsDocument,
  '\n  query Programmes($learnerId: ID!) {\n    programmes {\n      id\n      version\n      institutionId\n      name {\n        zh\n        en\n      }\n      qualificationType\n      level\n      creditSystem\n    }\n    awardApplications(learnerId: $learnerId) {\n      __typename\n      ... on AwardApplicationList {\n        items {\n          id\n          programmeId\n          programmeVersion\n          institutionId\n          appliedAt\n          status\n          confirmedAt\n          credentialId\n        }\n      }\n      ... on ResultError {\n        message\n      }\n    }\n  }\n':
    types.ProgrammesDocument,
  '\n  fragment AuditFields on DegreeAudit {\n    passed\n    asOf\n    hypothetical\n    missing {\n      zh\n      en\n    }\n    programme {\n      id\n      version\n      name {\n        zh\n        en\n      }\n    }\n    requirements {\n      id\n      kind\n      parentId\n      label {\n        zh\n        en\n      }\n      met\n      unit\n      required\n      counted\n      missingAmount\n      missing {\n        zh\n        en\n      }\n      entries\n    }\n    excluded {\n      entryId\n      reason\n      text {\n        zh\n        en\n      }\n    }\n    totals {\n      creditSystem\n      counted\n      excluded\n      residency\n      gpa\n    }\n  }\n':
    types.AuditFieldsFragmentDoc,
  '\n  query WhatIfAudit($learnerId: ID!, $programmeId: ID!, $hypothetical: [HypotheticalCreditInput!]) {\n    whatIfAudit(learnerId: $learnerId, programmeId: $programmeId, hypothetical: $hypothetical) {\n      __typename\n      ...AuditFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.WhatIfAuditDocument,
  '\n  mutation ApplyForAward($programmeId: ID!, $version: Int) {\n    applyForAward(programmeId: $programmeId, version: $version) {\n      __typename\n      ... on AwardApplication {\n        id\n        status\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ApplyForAwardDocument,
  '\n  fragment RecognitionRequestFields on RecognitionRequest {\n    id\n    targetInstitutionId\n    programmeId\n    creditSystem\n    entryIds\n    createdAt\n    status\n    proposals {\n      entryId\n      outcome\n      credits\n      creditSystem\n      text {\n        zh\n        en\n      }\n    }\n    granted {\n      sourceEntryId\n      credits\n      creditSystem\n      category\n      ruleId\n      ruleVersion\n    }\n    history {\n      seq\n      type\n      at\n      reason\n      comment\n    }\n  }\n':
    types.RecognitionRequestFieldsFragmentDoc,
  '\n  query RecognitionRequests($learnerId: ID!) {\n    recognitionRequests(learnerId: $learnerId) {\n      __typename\n      ... on RecognitionRequestList {\n        items {\n          ...RecognitionRequestFields\n        }\n      }\n      ... on ResultError {\n        message\n      }\n    }\n  }\n':
    types.RecognitionRequestsDocument,
  '\n  mutation RequestRecognition($input: RequestRecognitionInput!) {\n    requestRecognition(input: $input) {\n      __typename\n      ...RecognitionRequestFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.RequestRecognitionDocument,
  '\n  mutation AppealRecognition($requestId: ID!, $comment: String!) {\n    appealRecognition(requestId: $requestId, comment: $comment) {\n      __typename\n      ...RecognitionRequestFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.AppealRecognitionDocument,
  '\n  query RecognitionProgrammes {\n    programmes {\n      id\n      version\n      institutionId\n      creditSystem\n      name {\n        zh\n        en\n      }\n    }\n  }\n':
    types.RecognitionProgrammesDocument,
  '\n  query VerifyChain($learnerId: ID!) {\n    verifyChain(learnerId: $learnerId) {\n      __typename\n      ... on ChainVerification {\n        valid\n        entries\n        headHash\n        firstBroken {\n          seq\n          reason\n        }\n      }\n      ... on ResultError {\n        message\n      }\n    }\n  }\n':
    types.VerifyChainDocument,
  '\n  query Institutions {\n    institutions {\n      id\n      slug\n      name {\n        zh\n        en\n      }\n      type\n      region\n      status\n      accreditation {\n        qualificationType\n        levels\n      }\n    }\n  }\n':
    types.InstitutionsDocument,
  '\n  fragment LedgerEntryFields on LedgerEntry {\n    id\n    seq\n    type\n    institutionId\n    recordedAt\n    sourceRecordId\n    targetEntryId\n    reason\n    credentialId\n    credentialAction\n    programmeId\n    achievement {\n      kind\n      title {\n        zh\n        en\n      }\n      courseCode\n      credits\n      creditSystem\n      category\n      level\n      hours\n      earnedAt\n      term\n      expiresAt\n      grade {\n        score\n        letter\n        points\n        passed\n      }\n      recognition {\n        ruleId\n        ruleVersion\n        sourceEntryIds\n      }\n    }\n  }\n':
    types.LedgerEntryFieldsFragmentDoc,
  '\n  query LearnerRecordPage($learnerId: ID!, $first: Int!, $after: String) {\n    learnerRecord(learnerId: $learnerId, first: $first, after: $after, order: NEWEST_FIRST) {\n      __typename\n      ... on LedgerPage {\n        items {\n          ...LedgerEntryFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n':
    types.LearnerRecordPageDocument,
  '\n  query Sharing($learnerId: ID!) {\n    learnerCredentials(learnerId: $learnerId) {\n      __typename\n      ... on IssuedCredentialList {\n        items {\n          id\n          institutionId\n          kind\n          format\n          serialized\n          revoked\n          suspended\n          issuedAt\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n    credentialShares(learnerId: $learnerId) {\n      __typename\n      ... on CredentialShareList {\n        items {\n          id\n          credentialIds\n          audience\n          createdAt\n          expiresAt\n          revokedAt\n          active\n          views {\n            at\n            viewer\n            via\n          }\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n':
    types.SharingDocument,
  '\n  mutation ShareCredentials($input: ShareCredentialInput!) {\n    shareCredential(input: $input) {\n      __typename\n      ... on CreatedShare {\n        url\n        share {\n          id\n          audience\n          expiresAt\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n':
    types.ShareCredentialsDocument,
  '\n  mutation WithdrawShare($id: ID!) {\n    revokeShare(id: $id) {\n      __typename\n      ... on CredentialShare {\n        id\n        active\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n':
    types.WithdrawShareDocument,
  '\n  query CredentialStatusNotice($id: ID!) {\n    credentialStatusNotice(id: $id) {\n      __typename\n      ... on CredentialStatusNotice {\n        credentialId\n        revoked\n        suspended\n        changes {\n          action\n          reason\n          at\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n':
    types.CredentialStatusNoticeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment SignedIn on LoginOk {\n    token\n    expiresAt\n    user {\n      id\n      email\n      name\n      role\n      institutionId\n      learnerId\n    }\n  }\n',
): typeof import('./graphql').SignedInFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ActivateAccount($input: ActivateAccountInput!) {\n    activateAccount(input: $input) {\n      __typename\n      ...SignedIn\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ActivateAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ActivateStaffAccount($input: ActivateStaffAccountInput!) {\n    activateStaffAccount(input: $input) {\n      __typename\n      ...SignedIn\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ActivateStaffAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      __typename\n      ...SignedIn\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      __typename\n      ...SignedIn\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n',
): typeof import('./graphql').SignOutEverywhereDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ...SignedIn\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CreditAccount($learnerId: ID!) {\n    creditAccount(learnerId: $learnerId) {\n      __typename\n      ... on CreditAccount {\n        asOf\n        achievements\n        totals {\n          creditSystem\n          key\n          credits\n        }\n        byCategory {\n          creditSystem\n          key\n          credits\n        }\n        byLevel {\n          creditSystem\n          key\n          credits\n        }\n        byInstitution {\n          creditSystem\n          key\n          credits\n        }\n        expired {\n          creditSystem\n          key\n          credits\n        }\n        recognized {\n          creditSystem\n          key\n          credits\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').CreditAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ConsoleApplicationFields on AwardApplication {\n    id\n    learnerId\n    programmeId\n    programmeVersion\n    appliedAt\n    status\n    confirmedAt\n    reviewReason\n    credentialId\n  }\n',
): typeof import('./graphql').ConsoleApplicationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ConsoleCredentialFields on IssuedCredential {\n    id\n    institutionId\n    learnerId\n    kind\n    achievementTypes\n    format\n    revoked\n    suspended\n    issuedAt\n    history {\n      action\n      reason\n      at\n    }\n  }\n',
): typeof import('./graphql').ConsoleCredentialFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleAwardApplications($institutionId: ID!) {\n    awardApplications(institutionId: $institutionId) {\n      __typename\n      ... on AwardApplicationList {\n        items {\n          ...ConsoleApplicationFields\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleAwardApplicationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleConfirmAward($applicationId: ID!) {\n    confirmAward(applicationId: $applicationId) {\n      __typename\n      ...ConsoleApplicationFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleConfirmAwardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleIssueCredential($institutionId: ID!, $input: IssueCredentialInput!) {\n    issueCredential(institutionId: $institutionId, input: $input) {\n      __typename\n      ...ConsoleCredentialFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleIssueCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleIssueCredentials($institutionId: ID!, $inputs: [IssueCredentialInput!]!) {\n    issueCredentials(institutionId: $institutionId, inputs: $inputs) {\n      __typename\n      ... on BatchIssueOk {\n        issued\n        existing\n        failed\n        rows {\n          index\n          created\n          credential {\n            id\n          }\n          error {\n            code\n            message\n            field\n          }\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleIssueCredentialsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleCredential($id: ID!) {\n    credential(id: $id) {\n      __typename\n      ...ConsoleCredentialFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleRevokeCredential($id: ID!, $reason: String!) {\n    revokeCredential(id: $id, reason: $reason) {\n      __typename\n      ...ConsoleCredentialFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleRevokeCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleSuspendCredential($id: ID!, $reason: String!) {\n    suspendCredential(id: $id, reason: $reason) {\n      __typename\n      ...ConsoleCredentialFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleSuspendCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleReinstateCredential($id: ID!, $reason: String!) {\n    reinstateCredential(id: $id, reason: $reason) {\n      __typename\n      ...ConsoleCredentialFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleReinstateCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleInstitutionCredentials(\n    $institutionId: ID!\n    $filter: InstitutionCredentialsFilter\n    $first: Int\n    $after: String\n  ) {\n    institutionCredentials(\n      institutionId: $institutionId\n      filter: $filter\n      first: $first\n      after: $after\n    ) {\n      __typename\n      ... on IssuedCredentialPage {\n        items {\n          id\n          learnerId\n          kind\n          programmeId\n          revoked\n          suspended\n          issuedAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleInstitutionCredentialsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleCourseClass(\n    $institutionId: ID!\n    $courseCode: String!\n    $term: String\n    $first: Int\n    $after: String\n  ) {\n    courseClass(\n      institutionId: $institutionId\n      courseCode: $courseCode\n      term: $term\n      first: $first\n      after: $after\n    ) {\n      __typename\n      ... on CourseClassPage {\n        items {\n          credentialId\n          entry {\n            id\n            learnerId\n            sourceRecordId\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleCourseClassDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ConsoleEntryFields on LedgerEntry {\n    id\n    learnerId\n    seq\n    type\n    recordedAt\n    sourceRecordId\n    targetEntryId\n    reason\n    institutionId\n    achievement {\n      kind\n      title {\n        zh\n        en\n      }\n      courseCode\n      credits\n      creditSystem\n      category\n      level\n      earnedAt\n      term\n      grade {\n        score\n        passed\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleEntryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleCourses($institutionId: ID!) {\n    courses(institutionId: $institutionId) {\n      id\n      code\n      version\n      title {\n        zh\n        en\n      }\n      credits\n      creditSystem\n      level\n      category\n    }\n  }\n',
): typeof import('./graphql').ConsoleCoursesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleFindLearner($nationalId: String!) {\n    findLearner(nationalId: $nationalId) {\n      __typename\n      ... on Learner {\n        id\n        name\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleFindLearnerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleRecordAchievement($institutionId: ID!, $input: AchievementInput!) {\n    recordAchievement(institutionId: $institutionId, input: $input) {\n      __typename\n      ... on RecordAchievementOk {\n        created\n        entry {\n          ...ConsoleEntryFields\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleRecordAchievementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleInstitutionRecords($institutionId: ID!, $first: Int, $after: String) {\n    institutionRecords(institutionId: $institutionId, first: $first, after: $after) {\n      __typename\n      ... on LedgerPage {\n        items {\n          ...ConsoleEntryFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleInstitutionRecordsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleLearnerRecords($learnerId: ID!, $institutionId: ID!, $first: Int, $after: String) {\n    learnerRecord(\n      learnerId: $learnerId\n      institutionId: $institutionId\n      first: $first\n      after: $after\n    ) {\n      __typename\n      ... on LedgerPage {\n        items {\n          ...ConsoleEntryFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleLearnerRecordsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleEntry($id: ID!) {\n    ledgerEntry(id: $id) {\n      __typename\n      ...ConsoleEntryFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleEntryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleCorrect($input: CorrectAchievementInput!) {\n    correctAchievement(input: $input) {\n      __typename\n      ...ConsoleEntryFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleCorrectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleVoid($input: VoidAchievementInput!) {\n    voidAchievement(input: $input) {\n      __typename\n      ...ConsoleEntryFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleVoidDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ImportJobFields on ImportJob {\n    id\n    fileName\n    format\n    size\n    status\n    allOrNothing\n    failure\n    createdAt\n    check {\n      bytes\n      rows\n      valid\n      failed\n      errorsStored\n      finishedAt\n    }\n    write {\n      bytes\n      rows\n      created\n      duplicates\n      failed\n      errorsStored\n      finishedAt\n    }\n  }\n',
): typeof import('./graphql').ImportJobFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleImportJob($id: ID!, $phase: ImportPhase!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n        errors(phase: $phase, first: 100) {\n          seq\n          line\n          sourceRecordId\n          code\n          message\n          field\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleImportJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleImportJobs($institutionId: ID!) {\n    importJobs(institutionId: $institutionId, first: 10) {\n      __typename\n      ... on ImportJobList {\n        items {\n          ...ImportJobFields\n        }\n      }\n      ... on ResultError {\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleImportJobsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleImportFile($jobId: ID!, $allOrNothing: Boolean) {\n    importFile(jobId: $jobId, allOrNothing: $allOrNothing) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleImportFileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment QueueRequestFields on RecognitionRequest {\n    id\n    learnerId\n    targetInstitutionId\n    creditSystem\n    entryIds\n    createdAt\n    status\n    proposals {\n      entryId\n      outcome\n      credits\n      creditSystem\n      category\n      level\n      courseRef\n      ruleId\n      ruleVersion\n      reason\n      text {\n        zh\n        en\n      }\n    }\n    granted {\n      sourceEntryId\n      credits\n      creditSystem\n      category\n      ruleId\n      ruleVersion\n    }\n    history {\n      seq\n      type\n      at\n      reason\n      comment\n    }\n  }\n',
): typeof import('./graphql').QueueRequestFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleRecognitionQueue($institutionId: ID!) {\n    recognitionRequests(institutionId: $institutionId) {\n      __typename\n      ... on RecognitionRequestList {\n        items {\n          ...QueueRequestFields\n        }\n      }\n      ... on ResultError {\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleRecognitionQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleRecognitionRequest($id: ID!) {\n    recognitionRequest(id: $id) {\n      __typename\n      ... on RecognitionRequest {\n        ...QueueRequestFields\n        sourceEntries {\n          ...ConsoleEntryFields\n          institution {\n            id\n            name {\n              zh\n              en\n            }\n          }\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleRecognitionRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleApprove(\n    $requestId: ID!\n    $items: [RecognitionDecisionItemInput!]\n    $comment: String\n    $supersede: Boolean\n  ) {\n    approveRecognition(\n      requestId: $requestId\n      items: $items\n      comment: $comment\n      supersede: $supersede\n    ) {\n      __typename\n      ... on RecognitionRequest {\n        id\n        status\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleApproveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsolePartlyApprove(\n    $requestId: ID!\n    $items: [RecognitionDecisionItemInput!]!\n    $reason: String!\n    $supersede: Boolean\n  ) {\n    partlyApproveRecognition(\n      requestId: $requestId\n      items: $items\n      reason: $reason\n      supersede: $supersede\n    ) {\n      __typename\n      ... on RecognitionRequest {\n        id\n        status\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsolePartlyApproveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleReject($requestId: ID!, $reason: String!) {\n    rejectRecognition(requestId: $requestId, reason: $reason) {\n      __typename\n      ... on RecognitionRequest {\n        id\n        status\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleRejectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleApiKeys($institutionId: ID!) {\n    apiKeys(institutionId: $institutionId) {\n      __typename\n      ... on ApiKeyList {\n        items {\n          id\n          label\n          scopes\n          createdAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleCreateApiKey($institutionId: ID!, $label: String!, $scopes: [ApiKeyScope!]!) {\n    createApiKey(institutionId: $institutionId, label: $label, scopes: $scopes) {\n      __typename\n      ... on CreateApiKeyOk {\n        token\n        apiKey {\n          id\n          label\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleCreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on ApiKey {\n        id\n        revokedAt\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleRevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleSigningKeys($institutionId: ID!) {\n    signingKeys(institutionId: $institutionId) {\n      id\n      type\n      publicKeyMultibase\n      createdAt\n      retiredAt\n      revokedAt\n      revocationReason\n    }\n    institutionDid(institutionId: $institutionId) {\n      did\n      document\n    }\n  }\n',
): typeof import('./graphql').ConsoleSigningKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleRotateSigningKey($institutionId: ID!, $type: KeyType!) {\n    rotateSigningKey(institutionId: $institutionId, type: $type) {\n      __typename\n      ... on SigningKey {\n        id\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleRotateSigningKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleRevokeSigningKey($keyId: ID!, $reason: String!, $compromisedAt: DateTime) {\n    revokeSigningKey(keyId: $keyId, reason: $reason, compromisedAt: $compromisedAt) {\n      __typename\n      ... on SigningKey {\n        id\n        revokedAt\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleRevokeSigningKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ConsoleInstitutionFields on Institution {\n    id\n    slug\n    name {\n      zh\n      en\n    }\n    type\n    region\n    status\n    accreditation {\n      qualificationType\n      levels\n    }\n  }\n',
): typeof import('./graphql').ConsoleInstitutionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleInstitutions {\n    institutions {\n      ...ConsoleInstitutionFields\n    }\n  }\n',
): typeof import('./graphql').ConsoleInstitutionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleRegisterInstitution($input: RegisterInstitutionInput!) {\n    registerInstitution(input: $input) {\n      __typename\n      ...ConsoleInstitutionFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleRegisterInstitutionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleSetInstitutionStatus($id: ID!, $status: InstitutionStatus!) {\n    setInstitutionStatus(id: $id, status: $status) {\n      __typename\n      ...ConsoleInstitutionFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleSetInstitutionStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleSetAccreditation($id: ID!, $accreditation: [AccreditationScopeInput!]!) {\n    setAccreditation(id: $id, accreditation: $accreditation) {\n      __typename\n      ...ConsoleInstitutionFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleSetAccreditationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleStaff($institutionId: ID!) {\n    staff(institutionId: $institutionId) {\n      __typename\n      ... on StaffList {\n        items {\n          id\n          email\n          name\n          createdAt\n          disabledAt\n          activated\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleStaffDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleCreateStaff($institutionId: ID!, $input: NewAccountInput!) {\n    createStaff(institutionId: $institutionId, input: $input) {\n      __typename\n      ... on User {\n        id\n        email\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleCreateStaffDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleCreateStaffCode($userId: ID!, $purpose: AccountCodePurpose!) {\n    createStaffCode(userId: $userId, purpose: $purpose) {\n      __typename\n      ... on StaffCode {\n        secret: code\n        purpose\n        email\n        expiresAt\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleCreateStaffCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleSetUserDisabled($userId: ID!, $disabled: Boolean!) {\n    setUserDisabled(userId: $userId, disabled: $disabled) {\n      __typename\n      ... on User {\n        id\n        email\n        disabledAt\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleSetUserDisabledDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleOperatorAuditTrail($first: Int, $after: String) {\n    operatorAuditTrail(first: $first, after: $after) {\n      __typename\n      ... on OperatorActionPage {\n        items {\n          seq\n          at\n          action\n          actorKind\n          actorId\n          actorEmail\n          target {\n            kind\n            id\n            label\n            institutionId\n          }\n          before\n          after\n          status\n          error\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleOperatorAuditTrailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ConsoleProgrammeFields on Programme {\n    id\n    version\n    institutionId\n    name {\n      zh\n      en\n    }\n    qualificationType\n    level\n    creditSystem\n    effectiveFrom\n    definedAt\n    definition\n  }\n',
): typeof import('./graphql').ConsoleProgrammeFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ConsoleRuleFields on RecognitionRule {\n    ruleId\n    version\n    kind\n    automatic\n    effectiveFrom\n    effectiveUntil\n    publisher\n    publishedAt\n    definition\n  }\n',
): typeof import('./graphql').ConsoleRuleFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleProgrammes($institutionId: ID!, $publisher: String!) {\n    programmes(institutionId: $institutionId) {\n      ...ConsoleProgrammeFields\n    }\n    recognitionRules(publisher: $publisher) {\n      ...ConsoleRuleFields\n    }\n  }\n',
): typeof import('./graphql').ConsoleProgrammesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleProgrammeVersions($id: ID!) {\n    programmeVersions(id: $id) {\n      __typename\n      ... on ProgrammeList {\n        items {\n          ...ConsoleProgrammeFields\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleProgrammeVersionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleRuleVersions($ruleId: String!) {\n    recognitionRuleVersions(ruleId: $ruleId) {\n      __typename\n      ... on RecognitionRuleList {\n        items {\n          ...ConsoleRuleFields\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleRuleVersionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleDefineProgramme($definition: String!) {\n    defineProgramme(definition: $definition) {\n      __typename\n      ...ConsoleProgrammeFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleDefineProgrammeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleNearCompletion($programmeId: ID!, $version: Int, $minProgress: Float) {\n    programmeNearCompletion(\n      programmeId: $programmeId\n      version: $version\n      minProgress: $minProgress\n    ) {\n      __typename\n      ... on NearCompletionReport {\n        programmeId\n        version\n        asOf\n        audited\n        notAudited\n        learners {\n          learnerId\n          name\n          progress\n          passed\n          met\n          requirements\n          missing {\n            zh\n            en\n          }\n          applied\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleNearCompletionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query LearnerCredentials($learnerId: ID!) {\n    learnerCredentials(learnerId: $learnerId) {\n      __typename\n      ... on IssuedCredentialList {\n        items {\n          id\n          institutionId\n          kind\n          achievementTypes\n          format\n          serialized\n          revoked\n          suspended\n          issuedAt\n          history {\n            action\n            reason\n            at\n          }\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').LearnerCredentialsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Programmes($learnerId: ID!) {\n    programmes {\n      id\n      version\n      institutionId\n      name {\n        zh\n        en\n      }\n      qualificationType\n      level\n      creditSystem\n    }\n    awardApplications(learnerId: $learnerId) {\n      __typename\n      ... on AwardApplicationList {\n        items {\n          id\n          programmeId\n          programmeVersion\n          institutionId\n          appliedAt\n          status\n          confirmedAt\n          credentialId\n        }\n      }\n      ... on ResultError {\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').ProgrammesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment AuditFields on DegreeAudit {\n    passed\n    asOf\n    hypothetical\n    missing {\n      zh\n      en\n    }\n    programme {\n      id\n      version\n      name {\n        zh\n        en\n      }\n    }\n    requirements {\n      id\n      kind\n      parentId\n      label {\n        zh\n        en\n      }\n      met\n      unit\n      required\n      counted\n      missingAmount\n      missing {\n        zh\n        en\n      }\n      entries\n    }\n    excluded {\n      entryId\n      reason\n      text {\n        zh\n        en\n      }\n    }\n    totals {\n      creditSystem\n      counted\n      excluded\n      residency\n      gpa\n    }\n  }\n',
): typeof import('./graphql').AuditFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WhatIfAudit($learnerId: ID!, $programmeId: ID!, $hypothetical: [HypotheticalCreditInput!]) {\n    whatIfAudit(learnerId: $learnerId, programmeId: $programmeId, hypothetical: $hypothetical) {\n      __typename\n      ...AuditFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').WhatIfAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ApplyForAward($programmeId: ID!, $version: Int) {\n    applyForAward(programmeId: $programmeId, version: $version) {\n      __typename\n      ... on AwardApplication {\n        id\n        status\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ApplyForAwardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment RecognitionRequestFields on RecognitionRequest {\n    id\n    targetInstitutionId\n    programmeId\n    creditSystem\n    entryIds\n    createdAt\n    status\n    proposals {\n      entryId\n      outcome\n      credits\n      creditSystem\n      text {\n        zh\n        en\n      }\n    }\n    granted {\n      sourceEntryId\n      credits\n      creditSystem\n      category\n      ruleId\n      ruleVersion\n    }\n    history {\n      seq\n      type\n      at\n      reason\n      comment\n    }\n  }\n',
): typeof import('./graphql').RecognitionRequestFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query RecognitionRequests($learnerId: ID!) {\n    recognitionRequests(learnerId: $learnerId) {\n      __typename\n      ... on RecognitionRequestList {\n        items {\n          ...RecognitionRequestFields\n        }\n      }\n      ... on ResultError {\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').RecognitionRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RequestRecognition($input: RequestRecognitionInput!) {\n    requestRecognition(input: $input) {\n      __typename\n      ...RecognitionRequestFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').RequestRecognitionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AppealRecognition($requestId: ID!, $comment: String!) {\n    appealRecognition(requestId: $requestId, comment: $comment) {\n      __typename\n      ...RecognitionRequestFields\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').AppealRecognitionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query RecognitionProgrammes {\n    programmes {\n      id\n      version\n      institutionId\n      creditSystem\n      name {\n        zh\n        en\n      }\n    }\n  }\n',
): typeof import('./graphql').RecognitionProgrammesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query VerifyChain($learnerId: ID!) {\n    verifyChain(learnerId: $learnerId) {\n      __typename\n      ... on ChainVerification {\n        valid\n        entries\n        headHash\n        firstBroken {\n          seq\n          reason\n        }\n      }\n      ... on ResultError {\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').VerifyChainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Institutions {\n    institutions {\n      id\n      slug\n      name {\n        zh\n        en\n      }\n      type\n      region\n      status\n      accreditation {\n        qualificationType\n        levels\n      }\n    }\n  }\n',
): typeof import('./graphql').InstitutionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment LedgerEntryFields on LedgerEntry {\n    id\n    seq\n    type\n    institutionId\n    recordedAt\n    sourceRecordId\n    targetEntryId\n    reason\n    credentialId\n    credentialAction\n    programmeId\n    achievement {\n      kind\n      title {\n        zh\n        en\n      }\n      courseCode\n      credits\n      creditSystem\n      category\n      level\n      hours\n      earnedAt\n      term\n      expiresAt\n      grade {\n        score\n        letter\n        points\n        passed\n      }\n      recognition {\n        ruleId\n        ruleVersion\n        sourceEntryIds\n      }\n    }\n  }\n',
): typeof import('./graphql').LedgerEntryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query LearnerRecordPage($learnerId: ID!, $first: Int!, $after: String) {\n    learnerRecord(learnerId: $learnerId, first: $first, after: $after, order: NEWEST_FIRST) {\n      __typename\n      ... on LedgerPage {\n        items {\n          ...LedgerEntryFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').LearnerRecordPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Sharing($learnerId: ID!) {\n    learnerCredentials(learnerId: $learnerId) {\n      __typename\n      ... on IssuedCredentialList {\n        items {\n          id\n          institutionId\n          kind\n          format\n          serialized\n          revoked\n          suspended\n          issuedAt\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n    credentialShares(learnerId: $learnerId) {\n      __typename\n      ... on CredentialShareList {\n        items {\n          id\n          credentialIds\n          audience\n          createdAt\n          expiresAt\n          revokedAt\n          active\n          views {\n            at\n            viewer\n            via\n          }\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').SharingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ShareCredentials($input: ShareCredentialInput!) {\n    shareCredential(input: $input) {\n      __typename\n      ... on CreatedShare {\n        url\n        share {\n          id\n          audience\n          expiresAt\n        }\n      }\n      ... on ResultError {\n        code\n        message\n        field\n      }\n    }\n  }\n',
): typeof import('./graphql').ShareCredentialsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WithdrawShare($id: ID!) {\n    revokeShare(id: $id) {\n      __typename\n      ... on CredentialShare {\n        id\n        active\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').WithdrawShareDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CredentialStatusNotice($id: ID!) {\n    credentialStatusNotice(id: $id) {\n      __typename\n      ... on CredentialStatusNotice {\n        credentialId\n        revoked\n        suspended\n        changes {\n          action\n          reason\n          at\n        }\n      }\n      ... on ResultError {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').CredentialStatusNoticeDocument;

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
