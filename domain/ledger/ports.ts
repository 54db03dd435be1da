// The ledger's storage as one set of repositories, as storage/repositories.ts provides it.
import type { CreditAccountRepository } from '../accounts/index.ts';
import type {
  ApiKeyRepository,
  CourseRepository,
  InstitutionRepository,
  LearnerRepository,
  LedgerRepository,
  UserRepository,
} from '../shared/index.ts';

export interface Repositories {
  institutions: InstitutionRepository;
  users: UserRepository;
  apiKeys: ApiKeyRepository;
  learners: LearnerRepository;
  courses: CourseRepository;
  ledger: LedgerRepository;
  accounts: CreditAccountRepository;
}
