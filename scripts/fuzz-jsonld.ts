// `npm run fuzz [-- --minutes 10 --seed 1 --count 500]`: the JSON-LD differential fuzzer, seed after seed, for as long as asked.
import { parseArgs } from 'node:util';
import { jsonldRouteCounts } from '../credentials/jsonld-shared-contexts.ts';
import { differentialFuzz } from '../test/fixtures/jsonld-fuzz.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '500' },
  },
});
const deadline = Date.now() + Number(values.minutes) * 60_000;
const count = Number(values.count);
let seed = Number(values.seed);
let documents = 0;
let comparisons = 0;
let differences = 0;
let publishedHistory = 0;
const started = Date.now();
console.log(
  `JSON-LD differential fuzz: ${count} documents per seed, 2 operations each, 3 orders, for ${values.minutes} min`,
);
while (Date.now() < deadline) {
  const report = await differentialFuzz({ seed, count, operations: 2, longRunning: true });
  documents += report.documents;
  comparisons += report.comparisons;
  differences += report.differences.length;
  publishedHistory += report.publishedHistoryDifferences;
  const routes = jsonldRouteCounts();
  console.log(
    `seed ${seed}: ${report.comparisons} comparisons, ${report.differences.length} differences; ` +
      `jsonld.js as published keeping its cache differed from its first-call result ${report.publishedHistoryDifferences} times; ` +
      `routes so far: fast ${routes.fast}, published ${routes.published}, fast path given up ${routes.abandoned}`,
  );
  for (const difference of report.differences.slice(0, 3)) {
    console.log(JSON.stringify(difference, null, 1));
  }
  if (report.publishedHistoryExample && publishedHistory === report.publishedHistoryDifferences) {
    console.log('  e.g.', JSON.stringify(report.publishedHistoryExample).slice(0, 600));
  }
  seed++;
}
console.log(
  `\n${documents} documents, ${comparisons} comparisons in ${((Date.now() - started) / 60_000).toFixed(1)} min ` +
    `(seeds ${values.seed}–${seed - 1}): ${differences} differences. ` +
    `jsonld.js as published, keeping its cache, differed from its own first-call result ${publishedHistory} times.`,
);
process.exit(differences === 0 ? 0 : 1);
