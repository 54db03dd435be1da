// The composition root: wires storage into the domain services and hands them to the edge.
import { createHmac } from 'node:crypto';
import { Accounts, isApiKeyToken } from '../ledger/identity.ts';
import { Catalogue } from '../ledger/catalogue.ts';
import { InstitutionRegistry } from '../ledger/institutions.ts';
import { LearnerRegistry } from '../ledger/learners.ts';
import { LedgerService } from '../ledger/ledger-service.ts';
import { BulkImporter } from '../ledger/importer.ts';
import { PUBLIC, type Actor } from '../ledger/access.ts';
import { Unauthenticated } from '../ledger/errors.ts';
import { mongoRepositories } from '../storage/repositories.ts';
import type { Database } from '../storage/connection.ts';
import type { Config } from './config.ts';
import { TokenService } from './tokens.ts';

export type Services = ReturnType<typeof createServices>;

export function createServices(db: Database, config: Config, now: () => Date = () => new Date()) {
  const repos = mongoRepositories(db.models);
  const hashNationalId = (id: string) =>
    createHmac('sha256', config.learnerIdSecret).update(id).digest('hex');
  const institutions = new InstitutionRegistry(repos.institutions, now);
  const learners = new LearnerRegistry(repos.learners, hashNationalId, now);
  const catalogue = new Catalogue(repos.courses, now);
  const ledger = new LedgerService(
    repos.ledger,
    repos.accounts,
    institutions,
    learners,
    catalogue,
    now,
  );
  const accounts = new Accounts(
    repos.users,
    repos.institutions,
    repos.learners,
    repos.apiKeys,
    now,
  );
  const tokens = new TokenService(config.auth);
  const importer = new BulkImporter(ledger, learners);

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
      };
    }
    return tokens.verify(token);
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
    accounts,
    tokens,
    authenticate,
    now,
  };
}
