// The sample import files in examples/ import cleanly into the demo data, and a second run records nothing twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../domain/demo/demo-data.ts';
import { createTestApp, type TestApp } from '../setup/app.ts';
import { runCli } from '../setup/cli.ts';

let t: TestApp;

interface Report {
  dryRun: boolean;
  rows: number;
  created: number;
  duplicates: number;
  failed: number;
  errors: unknown[];
}

/** Runs the documented command (`npm run cli -- import …`) and returns the report it prints. */
async function importFile(
  file: string,
  ...flags: string[]
): Promise<{ code: number | null; report: Report }> {
  const r = await runCli(t.db.connection.name, [
    'import',
    '--institution',
    'zju',
    '--file',
    file,
    '--quiet',
    ...flags,
  ]);
  const json = r.out.slice(r.out.indexOf('{'), r.out.lastIndexOf('}') + 1);
  try {
    return { code: r.code, report: JSON.parse(json) as Report };
  } catch {
    throw new Error(`no report in the output:
${r.output}`);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services, () => {});
}, 120_000);
afterAll(() => t.close());

describe.each([
  ['examples/import/zju-grades.csv', 7],
  ['examples/import/zju-grades.jsonl', 4],
])('%s', (file, rows) => {
  it('dry-runs, imports every row, and records nothing on a second run', async () => {
    const dry = await importFile(file, '--dry-run');
    expect(dry.report, JSON.stringify(dry.report.errors)).toMatchObject({
      dryRun: true,
      rows,
      failed: 0,
    });
    expect(dry.code).toBe(0);

    const first = await importFile(file);
    expect(first.report, JSON.stringify(first.report.errors)).toMatchObject({
      rows,
      created: rows,
      duplicates: 0,
      failed: 0,
    });

    const again = await importFile(file);
    expect(again.report).toMatchObject({ rows, created: 0, duplicates: rows, failed: 0 });
  }, 180_000);
});
