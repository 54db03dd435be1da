// `npm run bench`: every benchmark, each printing its figures as ratios against a baseline measured in the same run.
import { benchAudit } from './audit.ts';
import { benchAuditGraphql } from './audit-graphql.ts';
import { benchCredentials } from './credentials.ts';
import { benchIssuing } from './issuing.ts';
import { benchLedger } from './ledger.ts';
import { benchScale } from './scale.ts';
import { benchUpload } from './upload.ts';
import { benchVcApi } from './vc-api.ts';
import { benchWeb } from './web.ts';

const all: [string, () => Promise<void>][] = [
  ['ledger', benchLedger],
  ['credentials', benchCredentials],
  ['issuing', () => benchIssuing()],
  ['vc-api', benchVcApi],
  ['audit', benchAudit],
  ['audit-graphql', benchAuditGraphql],
  ['web', benchWeb],
  ['upload', benchUpload],
];

// Not run unless named (`npm run bench -- scale`): it grows a database to a million entries.
const onRequest: [string, () => Promise<void>][] = [['scale', benchScale]];

const only = process.argv.slice(2);
console.log(
  `creditbank benchmarks (${new Date().toISOString()}); these machines are shared: compare ratios, not absolutes.`,
);
for (const [name, run] of [...all, ...onRequest]) {
  if (only.length ? !only.includes(name) : onRequest.some(([n]) => n === name)) continue;
  console.log(`\n=== ${name} ===`);
  await run();
}
process.exit(0);
