// Fails when api/graphql/generated-types.ts is stale: regenerates into a temp file and compares.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const file = 'api/graphql/generated-types.ts';
const before = readFileSync(file, 'utf8');
execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent'], {
  stdio: 'inherit',
});
const after = readFileSync(file, 'utf8');
if (before !== after) {
  console.error(`${file} was stale: run \`npm run codegen\` and commit the result.`);
  process.exit(1);
}
console.log(`${file} is up to date.`);
