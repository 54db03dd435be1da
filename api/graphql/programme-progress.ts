// Resolvers of the learners close to completing a programme (schema/programme-progress.graphql).
import type { Resolvers } from './generated-types.ts';
import { result } from './results.ts';

export const programmeProgressResolvers: Resolvers = {
  Query: {
    programmeNearCompletion: (
      _p,
      { programmeId, version, minProgress, first },
      { actor, services },
    ) =>
      result('NearCompletionReport', () =>
        services.nearCompletion.list(actor, programmeId, { version, minProgress, first }),
      ),
  },
};
