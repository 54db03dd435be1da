// Whose record a question is about: the learner named, or else the signed-in learner asking about themselves.
import { InputValidationError } from '../shared/index.ts';
import type { Actor } from './access.ts';

/**
 * The learner a question names; a learner may leave it out to ask about their own record. Anyone else
 * must name one. Whether the actor may read that learner's record is decided by the service asked.
 * @throws InputValidationError (field `learnerId`) when nobody is named and the actor is not a learner
 */
export function subjectLearner(actor: Actor, learnerId: string | null | undefined): string {
  if (learnerId) return learnerId;
  if (actor.kind === 'learner') return actor.learnerId;
  throw new InputValidationError(
    'Name the learner (learnerId): only a signed-in learner may leave it out, for their own record',
    { field: 'learnerId' },
  );
}
