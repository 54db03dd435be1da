// The composition root: wires storage into the domain services and hands them to the edge.
import { createHmac, createPrivateKey } from 'node:crypto';
import { Accounts, isApiKeyToken } from '../domain/identity/index.ts';
import { Catalogue } from '../domain/institutions/index.ts';
import { InstitutionRegistry } from '../domain/institutions/index.ts';
import { LearnerRegistry } from '../domain/identity/index.ts';
import { CourseClasses, LedgerService } from '../domain/ledger/index.ts';
import { BulkImporter, ImportJobs } from '../domain/ledger/index.ts';
import { importRepository } from '../storage/import-repositories.ts';
import { PUBLIC, type Actor } from '../domain/identity/index.ts';
import { Unauthenticated } from '../domain/shared/index.ts';
import { mongoRepositories } from '../storage/repositories.ts';
import { recognitionRepositories } from '../storage/recognition-repositories.ts';
import { RuleRegistry } from '../domain/recognition/index.ts';
import { RecognitionService, RecognitionSources } from '../domain/recognition/index.ts';
import { ProgrammeRegistry } from '../domain/programmes/index.ts';
import { AuditService, NearCompletion } from '../domain/audit/index.ts';
import { createAuditRunner } from './audit-runner.ts';
import { AwardService, type AwardCredentialIssuer } from '../domain/awards/index.ts';
import type { Database } from '../storage/connection.ts';
import type { Config } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { TokenService } from './tokens.ts';
import {
  createBatchIssuer,
  createDocumentLoader,
  createVerifyPool,
  loadSigner,
  type BatchIssuer,
  type VerifyPool,
} from '../credentials/index.ts';
import { CredentialService } from '../domain/issuance/index.ts';
import { InstitutionKeys } from '../domain/issuance/index.ts';
import { PrintableCredentials } from '../domain/issuance/index.ts';
import { SharingService } from '../domain/sharing/index.ts';
import { mongoCredentialRepositories } from '../storage/credential-repositories.ts';
import { fetchDidWeb } from './did-web-client.ts';
import { CheckpointService } from '../domain/checkpoints/index.ts';
import { checkpointRepositories } from '../storage/checkpoint-repositories.ts';
import { AccountCodes } from '../domain/identity/index.ts';
import { accountCodeRepository } from '../storage/account-code-repositories.ts';
import { OperatorAuditTrail } from '../domain/identity/index.ts';
import { operatorAuditRepository } from '../storage/operator-audit-repositories.ts';
import { normaliseNationalId } from '../domain/identity/index.ts';
import { statusNotice } from '../domain/issuance/index.ts';

export type Services = ReturnType<typeof createServices>;

export function createServices(
  db: Database,
  config: Config,
  now: () => Date = () => new Date(),
  opts: { awardIssuer?: AwardCredentialIssuer; log?: Logger } = {},
) {
  const repos = mongoRepositories(db.models);
  const recognitionRepos = recognitionRepositories(db.models);
  const hashNationalId = (id: string) =>
    createHmac('sha256', config.learnerIdSecret).update(id).digest('hex');
  // Every administrative change (registry, accounts, keys) is appended to the operator's audit trail.
  const operatorAudit = new OperatorAuditTrail(operatorAuditRepository(db.models), now);
  const institutions = new InstitutionRegistry(repos.institutions, now, operatorAudit);
  const learners = new LearnerRegistry(repos.learners, hashNationalId, now);
  const catalogue = new Catalogue(repos.courses, now);
  // Signed checkpoints over every chain's head; institutions that opt in co-sign with their key.
  const checkpoints = new CheckpointService({
    ...checkpointRepositories(db.models),
    ledger: repos.ledger,
    learnerIds: () => repos.learners.listIds(),
    logKey: {
      name: `${config.didHost}/creditbank-ledger`,
      privateKey: createPrivateKey(config.checkpoints.signingKeyPem),
    },
    cosignKey: async (institutionId) => {
      const institution = await institutions.find(institutionId);
      if (institution?.status !== 'active') return null;
      const key = await keys.activeKey(institutionId, 'Ed25519');
      const signer = await loadSigner(key, config.keyEncryptionKey);
      return { name: keys.didOf(institution), privateKey: signer.privateKey };
    },
    now,
  });
  const ledger = new LedgerService(
    repos.ledger,
    repos.accounts,
    institutions,
    learners,
    catalogue,
    now,
    {
      checkpoints,
      sealKey: createHmac('sha256', config.keyEncryptionKey)
        .update('creditbank credit account seal')
        .digest(),
    },
  );
  // A learner's credit account is opened as they are registered (see LedgerService.openAccounts).
  learners.onRegistered((ids) => ledger.openAccounts(ids));
  const accounts = new Accounts(
    repos.users,
    repos.institutions,
    repos.learners,
    repos.apiKeys,
    now,
    operatorAudit,
  );
  const tokens = new TokenService(config.auth);
  const accountCodes = new AccountCodes({
    codes: accountCodeRepository(db.models),
    accounts,
    findLearner: (id) => repos.learners.findById(id),
    findLearnerByNationalId: (nationalId) =>
      repos.learners.findByIdHash(hashNationalId(normaliseNationalId(nationalId))),
    institutionKnowsLearner: async (institutionId, learnerId) => {
      const learner = await repos.learners.findById(learnerId);
      if (learner?.createdBy.kind === 'staff') {
        const registrar = await repos.users.findById(learner.createdBy.id);
        if (registrar?.institutionId === institutionId) return true;
      }
      const recorded = await repos.ledger.pageByLearner(learnerId, 0, 1, { institutionId });
      return recorded.length > 0;
    },
    now,
    trail: operatorAudit,
  });
  const importer = new BulkImporter(ledger, learners);
  const importJobs = new ImportJobs(
    importRepository(db.models),
    importer,
    {
      maxBytes: config.importMaxBytes,
      onUnexpected: (err, jobId) =>
        (opts.log ?? createLogger('error')).error({ err, jobId }, 'an import job failed'),
    },
    now,
  );
  const rules = new RuleRegistry(recognitionRepos.rules, now);
  const programmes = new ProgrammeRegistry(recognitionRepos.programmes, institutions, now);
  const recognition = new RecognitionService(
    recognitionRepos.requests,
    rules,
    programmes,
    institutions,
    ledger,
    repos.ledger,
    now,
  );
  const auditRunner = createAuditRunner();
  const recognitionSources = new RecognitionSources(recognition, repos.ledger);
  const audits = new AuditService(
    ledger,
    programmes,
    rules,
    recognitionRepos.requests,
    recognitionRepos.applications,
    learners,
    async (learnerId) => (await repos.accounts.get(learnerId))?.uptoSeq ?? 0,
    now,
    async (id) => (await institutions.find(id))?.name ?? null,
    (input) => auditRunner.run(input),
  );
  const nearCompletion = new NearCompletion(
    audits,
    programmes,
    recognitionRepos.requests,
    recognitionRepos.applications,
    learners,
    now,
  );
  const awards = new AwardService(
    recognitionRepos.applications,
    programmes,
    audits,
    ledger,
    repos.ledger,
    // The diploma or degree is issued by the credentials capability, once per application.
    opts.awardIssuer ?? {
      issueAward: async (actor, a) => ({
        credentialId: (
          await credentials.issue(actor, {
            institutionId: a.institutionId,
            learnerId: a.learnerId,
            requestKey: `award:${a.applicationId}`,
            programmeId: a.programme.id,
            what: {
              kind: 'qualification',
              qualificationType: a.programme.qualificationType,
              name: a.programme.name,
              level: a.programme.level,
              evidenceEntryIds: a.achievementEntryIds,
              awardedAt: a.awardedAt.slice(0, 10),
            },
          })
        ).id,
      }),
    },
    now,
  );

  // Verifiable credentials: keys and DIDs, an offline document loader, issuing, status, verifying.
  const credentialRepos = mongoCredentialRepositories(db.models);
  // A class found on the server, each result with the credential a class issuance gave it.
  const courseClasses = new CourseClasses({
    entries: repos.ledger,
    classCredential: async (institutionId, entryId) =>
      (await credentialRepos.credentials.findByRequestKey(`${institutionId}:class:${entryId}`))
        ?.id ?? null,
  });
  const keys = new InstitutionKeys(
    credentialRepos.keys,
    institutions,
    config.keyEncryptionKey,
    config.didHost,
    now,
    operatorAudit,
  );
  const resolveDid = async (did: string) =>
    (await keys.didDocument(did)) ?? (config.allowForeignDidWeb ? fetchDidWeb(did) : null);
  const documentLoader = createDocumentLoader({ resolveDid });
  let batchIssuer: BatchIssuer | undefined;
  let verifyPool: VerifyPool | undefined;
  const verifyWorkers = () =>
    config.verifyWorkers === 0
      ? undefined
      : (verifyPool ??= createVerifyPool({ workers: config.verifyWorkers }));
  const credentials = new CredentialService({
    ...credentialRepos,
    keys,
    institutions,
    learners,
    ledger,
    documentLoader,
    kek: config.keyEncryptionKey,
    publicUrl: config.publicUrl,
    resolveDid,
    batchIssuer: () => (batchIssuer ??= createBatchIssuer()),
    verifyPool: () => verifyWorkers(),
    now,
  });

  // Printed diplomas and transcripts: who may print one, and the check behind its QR code.
  const printable = new PrintableCredentials({
    findCredential: (id) => credentials.storedCredential(id),
    events: (id) => credentialRepos.credentials.listEvents(id),
    institution: (id) => institutions.get(id),
    verify: (input) => credentials.verifyCredential(input),
    publicUrl: config.publicUrl,
  });

  const sharing = new SharingService({
    shares: credentialRepos.shares,
    // Checked against the ledger before it is shared or opened: a swapped credential is refused.
    findCredential: (id) => credentials.storedCredential(id),
    verify: (input) => credentials.verifyCredential(input),
    publicUrl: config.publicUrl,
    now,
  });

  /** A credential's status with the date and reason of each change (public: see the domain function). */
  const credentialStatusNotice = (id: string) =>
    statusNotice(
      {
        findCredential: (cid) => credentials.storedCredential(cid),
        listEvents: (cid) => credentialRepos.credentials.listEvents(cid),
      },
      id,
    );

  /** Turns an Authorization header into an actor; a wrong or expired credential is an error, not "public". */
  async function authenticate(header: string | null | undefined): Promise<Actor> {
    if (!header) return PUBLIC;
    const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!m) throw new Unauthenticated('Use "Authorization: Bearer <token>"');
    const token = m[1]!;
    if (isApiKeyToken(token)) {
      const key = await accounts.authenticateApiKey(token);
      return {
        kind: 'apikey',
        keyId: key.id,
        institutionId: key.institutionId,
        scopes: key.scopes,
        suspended: await institutions.isSuspended(key.institutionId),
      };
    }
    const { actor, epoch } = await tokens.verify(token);
    if (actor.kind === 'public' || actor.kind === 'system' || actor.kind === 'apikey') return actor;
    const user = await accounts.tokenHolder({ userId: actor.userId, epoch });
    // The user store, not the token, says who this is now.
    if (user.role !== actor.kind) throw new Unauthenticated('The token is not valid');
    if (actor.kind === 'staff') {
      if (user.institutionId !== actor.institutionId)
        throw new Unauthenticated('The token is not valid');
      return { ...actor, suspended: await institutions.isSuspended(actor.institutionId) };
    }
    if (actor.kind === 'learner' && user.learnerId !== actor.learnerId)
      throw new Unauthenticated('The token is not valid');
    return actor;
  }

  return {
    repos,
    db,
    config,
    institutions,
    learners,
    catalogue,
    ledger,
    importer,
    importJobs,
    rules,
    programmes,
    recognition,
    recognitionSources,
    audits,
    nearCompletion,
    awards,
    courseClasses,
    keys,
    credentials,
    sharing,
    printable,
    credentialStatusNotice,
    checkpoints,
    documentLoader,
    /** Starts the verification workers ahead of the first verification. */
    startWorkers: () => verifyWorkers()?.start(),
    /** Releases what the services hold beyond the database (worker threads). */
    close: async () => {
      await Promise.all([
        batchIssuer?.close(),
        verifyPool?.close(),
        auditRunner.close(),
        importJobs.settled(),
      ]);
      batchIssuer = undefined;
      verifyPool = undefined;
    },
    accounts,
    accountCodes,
    operatorAudit,
    tokens,
    authenticate,
    now,
  };
}
