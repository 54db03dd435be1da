// Writes docs/reference/graphql-schema.md from schema/*.graphql; with --check, fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderSchemaReference, SCHEMA_REFERENCE } from './graphql-reference.ts';

const file = path.resolve(import.meta.dirname, '..', SCHEMA_REFERENCE);
const fresh = await renderSchemaReference();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // A missing page is stale too.
  }
  if (current !== fresh) {
    console.error(
      `${SCHEMA_REFERENCE} is stale: run \`npm run docs:schema\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`${SCHEMA_REFERENCE}: up to date.`);
} else {
  writeFileSync(file, fresh);
  console.log(`wrote ${SCHEMA_REFERENCE}`);
}
