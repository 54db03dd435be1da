// Runs the command line (`npm run cli -- …`, or another script) as a child process against one test database.
import { spawn } from 'node:child_process';
import { inject } from 'vitest';
import { testSecrets } from './app.ts';

export interface CliRun {
  code: number | null;
  /** Standard output. */
  out: string;
  /** Standard error. */
  err: string;
  /** Both, in the order they arrived (what a person at the terminal sees). */
  output: string;
}

export function runCli(dbName: string, args: string[]): Promise<CliRun> {
  return runScript(dbName, 'scripts/cli.ts', args);
}

/** Any of our command-line entry points (`scripts/<name>.ts`), with extra environment variables. */
export function runScript(
  dbName: string,
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      env: {
        ...process.env,
        ...testSecrets,
        MONGODB_URI: inject('mongodbUri'),
        DB_NAME: dbName,
        LOG_LEVEL: 'silent',
        ...env,
      },
    });
    const run: CliRun = { code: null, out: '', err: '', output: '' };
    child.stdout.on('data', (c: Buffer) => {
      run.out += c.toString();
      run.output += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      run.err += c.toString();
      run.output += c.toString();
    });
    child.on('exit', (code) => resolve({ ...run, code }));
  });
}
