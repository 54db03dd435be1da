// Fails when generated GraphQL code is stale: regenerates in place and compares with what was there.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const files = [
  'api/graphql/generated-types.ts',
  ...readdirSync('web/src/gql').map((f) => path.join('web/src/gql', f)),
];
const before = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent'], {
  stdio: 'inherit',
});
const after = [...files, ...readdirSync('web/src/gql').map((f) => path.join('web/src/gql', f))];
const stale = [...new Set(after)].filter((f) => before.get(f) !== readFileSync(f, 'utf8'));
if (stale.length > 0) {
  console.error(
    `${stale.join(', ')} ${stale.length === 1 ? 'was' : 'were'} stale: run \`npm run codegen\` and commit the result.`,
  );
  process.exit(1);
}
console.log(`${files.join(', ')}: up to date.`);
