// The executable GraphQL schema: SDL from schema/*.graphql, resolvers from each feature.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSchema } from 'graphql-yoga';
import type { GraphQLContext } from '../context.ts';
import { baseResolvers } from './base.ts';
import { institutionResolvers } from './institutions.ts';
import { ledgerResolvers } from './ledger.ts';
import { recognitionResolvers } from './recognition.ts';
import { credentialResolvers } from './credentials.ts';
import { sharingResolvers } from './sharing.ts';
import { checkpointResolvers } from './checkpoints.ts';
import { accountResolvers } from './accounts.ts';
import { credentialStatusResolvers } from './credential-status.ts';
import { importResolvers } from './imports.ts';
import { recognitionReviewResolvers } from './recognition-review.ts';
import { programmeProgressResolvers } from './programme-progress.ts';
import { operatorAuditResolvers } from './operator-audit.ts';
import type { Resolvers } from './generated-types.ts';

const schemaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema');

export function loadTypeDefs(): string[] {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(path.join(schemaDir, f), 'utf8'));
}

function merge(...maps: Resolvers[]): Resolvers {
  const out: Record<string, Record<string, unknown>> = {};
  for (const m of maps) {
    for (const [type, fields] of Object.entries(m)) out[type] = { ...out[type], ...fields };
  }
  return out;
}

export function buildSchema(extra: Resolvers[] = []) {
  return createSchema<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers: merge(
      baseResolvers,
      institutionResolvers,
      ledgerResolvers,
      credentialResolvers,
      sharingResolvers,
      recognitionResolvers,
      checkpointResolvers,
      accountResolvers,
      credentialStatusResolvers,
      importResolvers,
      recognitionReviewResolvers,
      programmeProgressResolvers,
      operatorAuditResolvers,
      ...extra,
    ) as never,
  });
}
