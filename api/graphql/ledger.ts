// Resolvers of learners, courses, the ledger, credit accounts and bulk import.
import { Readable } from 'node:stream';
import type { AchievementInput as DomainAchievementInput } from '../../domain/ledger/index.ts';
import type { Balance } from '../../domain/accounts/index.ts';
import { requireInstitution, subjectLearner } from '../../domain/identity/index.ts';
import { NotFound } from '../../domain/shared/index.ts';
import { hashedContent } from '../../domain/shared/index.ts';
import type { AchievementInput, CorrectAchievementInput, Resolvers } from './generated-types.ts';
import type { Institution } from '../../domain/shared/index.ts';
import type { GraphQLContext } from '../context.ts';
import { lower, result, resultError, upper } from './results.ts';

export function achievementInput(i: AchievementInput): DomainAchievementInput {
  return { ...i, kind: lower(i.kind), title: i.title ?? null };
}

function correctionChanges(i: CorrectAchievementInput): Partial<DomainAchievementInput> {
  const { entryId: _e, sourceRecordId: _s, reason: _r, ...changes } = i;
  return { ...changes, title: changes.title ?? null, earnedAt: changes.earnedAt ?? undefined };
}

/** One registry lookup per institution per request, however many entries of a page name it. */
const institutionsSeen = new WeakMap<GraphQLContext, Map<string, Promise<Institution | null>>>();
function institutionOf(ctx: GraphQLContext, id: string): Promise<Institution | null> {
  let seen = institutionsSeen.get(ctx);
  if (!seen) institutionsSeen.set(ctx, (seen = new Map<string, Promise<Institution | null>>()));
  let found = seen.get(id);
  if (!found) seen.set(id, (found = ctx.services.institutions.find(id)));
  return found;
}

const balance = (b: Balance) => ({ creditSystem: b.system, key: b.key, credits: b.credits / 100 });

export const ledgerResolvers: Resolvers = {
  Query: {
    learner: (_p, { id }, { actor, services }) =>
      result('Learner', () => services.learners.get(actor, id)),
    findLearner: (_p, { nationalId }, { actor, services }) =>
      result('Learner', async () => {
        const found = await services.learners.findByNationalId(actor, nationalId);
        if (!found) throw new NotFound('Learner', 'with that national ID');
        return found;
      }),
    courses: (_p, { institutionId }, { actor, services }) =>
      services.catalogue.list(actor, institutionId),
    learnerRecord: (
      _p,
      { learnerId, first, after, types, institutionId, order },
      { actor, services },
    ) =>
      result('LedgerPage', async () => {
        const page = await services.ledger.record(actor, subjectLearner(actor, learnerId), {
          first,
          after,
          types: types?.map((t) => lower(t) as never),
          institutionId,
          order: order === 'NEWEST_FIRST' ? 'newest' : 'oldest',
        });
        return {
          items: page.items,
          pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor },
        };
      }),
    ledgerEntry: (_p, { id }, { actor, services }) =>
      result('LedgerEntry', () => services.ledger.entry(actor, id)),
    creditAccount: (_p, { learnerId, asOf }, { actor, services }) =>
      result('CreditAccount', async () =>
        services.ledger.account(actor, subjectLearner(actor, learnerId), asOf ?? undefined),
      ),
    verifyChain: (_p, { learnerId }, { actor, services }) =>
      result('ChainVerification', async () =>
        services.ledger.verify(actor, subjectLearner(actor, learnerId)),
      ),
    institutionRecords: (_p, { institutionId, first, after }, { actor, services }) =>
      result('LedgerPage', async () => {
        const page = await services.ledger.recordedBy(actor, institutionId, { first, after });
        return {
          items: page.items,
          pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor },
        };
      }),
  },
  Mutation: {
    registerLearner: (_p, { input }, { actor, services }) =>
      result('RegisterLearnerOk', () => services.learners.register(actor, input)),
    createLearnerAccount: (_p, { learnerId, input }, { actor, services }) =>
      result('User', () => services.accounts.createLearnerAccount(actor, learnerId, input)),
    defineCourse: (_p, { institutionId, input }, { actor, services }) =>
      result('Course', () =>
        services.catalogue.define(actor, institutionId, {
          ...input,
          title: { zh: input.title.zh ?? null, en: input.title.en ?? null },
        }),
      ),
    recordAchievement: (_p, { institutionId, input }, { actor, services }) =>
      result('RecordAchievementOk', async () => {
        const o = await services.ledger.recordAchievement(
          actor,
          institutionId,
          achievementInput(input),
        );
        if (o.status === 'conflict') throw new Error('unreachable');
        return { entry: o.entry, created: o.status === 'created' };
      }),
    recordAchievements: (_p, { institutionId, inputs, allOrNothing }, { actor, services }) =>
      result('RecordBatchOk', async () => {
        const rows = await services.ledger.recordBatch(
          actor,
          institutionId,
          inputs.map(achievementInput),
          { allOrNothing: allOrNothing ?? false },
        );
        const count = (s: string) => rows.filter((r) => r.status === s).length;
        return {
          created: count('created'),
          duplicates: count('duplicate'),
          failed: count('error'),
          rows: rows.map((r) => ({
            index: r.index,
            status: upper(r.status),
            entry: 'entry' in r ? r.entry : null,
            error: r.status === 'error' ? resultError(r.error) : null,
          })),
        };
      }),
    importRecords: (
      _p,
      { institutionId, format, data, dryRun, allOrNothing },
      { actor, services },
    ) =>
      result('ImportReport', async () => {
        // Up front: the importer authorises only when it writes a batch, so an empty file or
        // rows that all fail would otherwise report success to anyone.
        requireInstitution(actor, institutionId, 'records:write');
        const report = await services.importer.import(
          actor,
          institutionId,
          () => Readable.from([Buffer.from(data, 'utf8')]),
          {
            format: format === 'CSV' ? 'csv' : 'jsonl',
            dryRun: dryRun ?? false,
            allOrNothing: allOrNothing ?? false,
          },
        );
        return { ...report, errors: report.errors.map((e) => ({ ...e, field: e.field ?? null })) };
      }),
    correctAchievement: (_p, { input }, { actor, services }) =>
      result('LedgerEntry', () =>
        services.ledger.correct(actor, {
          entryId: input.entryId,
          sourceRecordId: input.sourceRecordId,
          reason: input.reason,
          changes: correctionChanges(input),
        }),
      ),
    voidAchievement: (_p, { input }, { actor, services }) =>
      result('LedgerEntry', () => services.ledger.void(actor, input)),
  },
  LedgerEntry: {
    type: (e) => upper(e.body.type),
    institution: (e, _a, ctx) => institutionOf(ctx, e.institutionId),
    hashVersion: (e) => e.hashVersion ?? 1,
    hashedContent: (e) => hashedContent(e),
    sourceRecordId: (e) => e.idempotencyKey.slice(e.institutionId.length + 1),
    achievement: (e) => ('achievement' in e.body ? e.body.achievement : null),
    targetEntryId: (e) => ('targetEntryId' in e.body ? e.body.targetEntryId : null),
    reason: (e) => ('reason' in e.body ? (e.body.reason ?? null) : null),
    credentialId: (e) => ('credentialId' in e.body ? (e.body.credentialId ?? null) : null),
    credentialAction: (e) => (e.body.type === 'credential' ? e.body.action : null),
    programmeId: (e) => (e.body.type === 'award' ? e.body.programmeId : null),
  },
  Achievement: {
    kind: (a) => upper(a.kind),
    credits: (a) => a.credits / 100,
    altCategories: (a) => a.altCategories ?? [],
  },
  Course: {
    credits: (c) => c.credits / 100,
  },
  CreditAccount: {
    totals: (a) => a.totals.map(balance),
    byCategory: (a) => a.byCategory.map(balance),
    byLevel: (a) => a.byLevel.map(balance),
    byInstitution: (a) => a.byInstitution.map(balance),
    expired: (a) => a.expired.map(balance),
    recognized: (a) => a.recognized.map(balance),
  },
};
