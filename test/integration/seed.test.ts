// `npm run seed` as a newcomer runs it: the demo data once, then "nothing changed", and where the server is.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/app.ts';
import { runScript } from '../setup/cli.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A port nothing listens on: one the system handed out and took back. */
async function closedPort(): Promise<number> {
  const server = t.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

const seed = (port: number) =>
  runScript(t.db.connection.name, 'scripts/seed.ts', [], { PORT: String(port) });

describe('npm run seed', () => {
  it('creates the demo data, and on a seeded database says nothing changed and where the server runs', async () => {
    const idle = await closedPort();
    const first = await seed(idle);
    expect(first.code, first.output).toBe(0);
    expect(first.out).toMatch(/^Demo data created\./m);
    expect(first.out).toContain(`No server answers on port ${idle}`);
    const entries = await t.db.models.Entry.countDocuments({});
    expect(entries).toBeGreaterThan(0);

    // The second run, with this test's server listening on the configured port.
    const server = t.app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      const again = await seed(port);
      expect(again.code, again.output).toBe(0);
      expect(again.out).toMatch(/^Nothing changed: the demo data was there already/m);
      expect(again.out).not.toMatch(/Demo data created/);
      expect(again.out).toContain(
        `The server is running on port ${port}: http://localhost:${port}`,
      );
      expect(again.err).toBe('');
    } finally {
      server.close();
      await once(server, 'close');
    }
    expect(await t.db.models.Entry.countDocuments({})).toBe(entries);
  }, 180_000);
});
