// Resolvers of import jobs (the upload itself is POST /imports, api/import-http.ts).
import type { ImportProgress } from '../../domain/ledger/index.ts';
import type { Resolvers } from './generated-types.ts';
import { result, upper } from './results.ts';

const progress = (p: ImportProgress | undefined) =>
  p ? { ...p, finishedAt: p.finishedAt ?? null } : null;

export const importResolvers: Resolvers = {
  Query: {
    importJob: (_p, { id }, { actor, services }) =>
      result('ImportJob', () => services.importJobs.get(actor, id)),
    importJobs: (_p, { institutionId, first }, { actor, services }) =>
      result('ImportJobList', async () => ({
        items: await services.importJobs.list(actor, institutionId, first ?? 20),
      })),
  },
  Mutation: {
    importFile: (_p, { jobId, allOrNothing }, { actor, services }) =>
      result('ImportJob', () =>
        services.importJobs.write(actor, jobId, { allOrNothing: allOrNothing ?? undefined }),
      ),
  },
  ImportJob: {
    format: (j) => upper(j.format),
    status: (j) => upper(j.status),
    check: (j) => progress(j.check),
    write: (j) => progress(j.write),
    failure: (j) => j.failure ?? null,
    errors: async (job, { phase, first, after }, { actor, services }) =>
      (
        await services.importJobs.errors(
          actor,
          job.id,
          phase === 'WRITE' ? 'write' : 'check',
          after ?? 0,
          first ?? 500,
        )
      ).map((e) => ({ ...e, sourceRecordId: e.sourceRecordId ?? null, field: e.field ?? null })),
  },
};
