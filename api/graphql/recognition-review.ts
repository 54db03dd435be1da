// Resolvers of what a reviewer sees beside a recognition request (schema/recognition-review.graphql).
import type { Resolvers } from './generated-types.ts';

export const recognitionReviewResolvers: Resolvers = {
  RecognitionRequest: {
    sourceEntries: (r, _a, { actor, services }) =>
      services.recognitionSources.entries(actor, r.id!),
  },
};
