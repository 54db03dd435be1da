// Port of the credit accounts: the stored projection, implemented in storage/repositories.ts.
import type { CreditAccountState } from './accounts.ts';

export interface CreditAccountRepository {
  get(learnerId: string): Promise<CreditAccountState | null>;
  getMany(learnerIds: string[]): Promise<CreditAccountState[]>;
  /** Stores new versions of projections and drops the versions they supersede. */
  putMany(states: { state: CreditAccountState; supersedes: number }[]): Promise<void>;
  /** Overwrites the projection (a rebuild). */
  replace(state: CreditAccountState): Promise<void>;
}
