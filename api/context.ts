// The per-request GraphQL context: who is asking, and the services to ask.
import type { Actor } from '../domain/identity/index.ts';
import type { Services } from './services.ts';
import type { Logger } from './logger.ts';

export interface GraphQLContext {
  actor: Actor;
  services: Services;
  log: Logger;
  /** What the server saw of the client: recorded when a shared link is opened. */
  client?: { userAgent?: string | null };
}
