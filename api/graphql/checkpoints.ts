// Resolvers of signed checkpoints: the notes, the proofs, publishing and co-signing.
import type { Actor } from '../../domain/identity/index.ts';
import type { CheckpointView } from '../../domain/checkpoints/index.ts';
import { NotFound } from '../../domain/shared/index.ts';
import type { Resolvers } from './generated-types.ts';
import { result } from './results.ts';

const checkpoint = (c: CheckpointView) => ({ __typename: 'Checkpoint' as const, ...c });
const actorName = (a: Actor) => ('userId' in a ? a.userId : a.kind === 'apikey' ? a.keyId : a.kind);

export const checkpointResolvers: Resolvers = {
  Query: {
    checkpoint: (_p, { number }, { services }) =>
      result('Checkpoint', async () => {
        if (number === null || number === undefined) {
          const latest = await services.checkpoints.latest();
          if (!latest) throw new NotFound('Checkpoint', '(none published yet)');
          return latest;
        }
        return services.checkpoints.get(number);
      }),
    chainInclusionProof: (_p, { learnerId, checkpoint: n }, { actor, services }) =>
      result('InclusionProof', () => services.checkpoints.inclusionProof(actor, learnerId, n)),
    checkpointConsistencyProof: (_p, { from, to }, { services }) =>
      result('ConsistencyProof', () => services.checkpoints.consistencyProof(from, to)),
    checkpointKeys: (_p, _a, { services }) => services.checkpoints.verifierKeys(),
  },
  Mutation: {
    publishCheckpoint: (_p, { full }, { actor, services }) =>
      result('PublishCheckpointOk', async () => {
        const r = await services.checkpoints.publish(actor, { full: full ?? false });
        return {
          published: r.published.map(checkpoint),
          latest: r.latest ? checkpoint(r.latest) : null,
          refused: r.refused,
        };
      }),
    setCheckpointCosigning: (_p, { institutionId, enabled }, { actor, services }) =>
      result('CheckpointCosigningOk', async () => ({
        institutionId,
        enabled: await services.checkpoints.setCosigning(
          actor,
          institutionId,
          enabled,
          actorName(actor),
        ),
      })),
  },
};
