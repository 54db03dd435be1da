// The server's start, when no database answers: one line saying what to do, and no stack trace.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { testSecrets } from '../setup/app.ts';

describe('starting without a database', () => {
  it('says in one line that no database answered and what to do', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
      env: {
        ...process.env,
        ...testSecrets,
        // Nothing listens on port 9 of the loopback (discard): every connection is refused.
        MONGODB_URI: 'mongodb://127.0.0.1:9/',
        PORT: '0',
        LOG_LEVEL: 'silent',
        SEED_DEMO: 'false',
      },
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^creditbank failed to start: no database answered \(.*ECONNREFUSED/);
    expect(lines[0]).toContain('Check MONGODB_URI');
    expect(err).not.toMatch(/\n\s+at /);
  }, 60_000);
});
