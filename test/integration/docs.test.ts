// Docs that run: every example marked `runnable` in README.md and docs/*.md runs, in order, against the demo data.
//
// A fenced block whose info string has the word `runnable` (```graphql runnable, ```sh runnable) is an example a
// reader pastes as it is. Each file gets a fresh database with the demo data (a copy of one database seeded
// once, taken before any example ran); its blocks run in their order.
// - graphql: one operation per block, sent to /graphql. A first-lines comment `# as <email>` signs in as that
//   demo account (as a reader does in GraphiQL's headers); `# expect <CODE>` says the answer is a ResultError of
//   that code. Otherwise the answer must have no `errors` and no ResultError anywhere in `data`. A variable the
//   reader fills in from an earlier answer is named in a comment, `# $name = path.in.the.answer`: the test takes
//   it from the most recent earlier answer that has that path (as the reader copies it into the Variables pane).
// - sh: run with bash (-euo pipefail) from the repository root against the same database, with
//   http://localhost:4000 (the documented address) pointed at a server the test listens with. Must exit 0.
//   `# $name = path` works as in graphql blocks: the shell variable `name` holds that value (the reader sets
//   it by hand, as the text above the block says).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../domain/demo/demo-data.ts';
import type { Database } from '../../storage/connection.ts';
import { createTestApp, testSecrets, type TestApp } from '../setup/app.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Example {
  lang: 'graphql' | 'sh';
  code: string;
  line: number;
}

export function runnableExamples(markdown: string): Example[] {
  const out: Example[] = [];
  const fence = /^```(\w+)([^\n]*)\n([\s\S]*?)^```\s*$/gm;
  for (const m of markdown.matchAll(fence)) {
    const [, lang, info, code] = m;
    if (!/\brunnable\b/.test(info ?? '')) continue;
    if (lang !== 'graphql' && lang !== 'sh')
      throw new Error(`runnable ${lang} blocks are not supported`);
    out.push({ lang, code: code ?? '', line: markdown.slice(0, m.index).split('\n').length + 1 });
  }
  return out;
}

function docFiles(): string[] {
  const docs = path.join(ROOT, 'docs');
  const walk = (dir: string): string[] =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((d) =>
            d.isDirectory()
              ? walk(path.join(dir, d.name))
              : d.name.endsWith('.md')
                ? [path.join(dir, d.name)]
                : [],
          )
      : [];
  return [path.join(ROOT, 'README.md'), ...walk(docs).sort()];
}

/** Every place in `data` where an expected failure came back as a ResultError (a verifier's check, with its
 * status and a message in two languages, is not one). */
function resultErrors(value: unknown, at = 'data'): { at: string; code: unknown }[] {
  if (!value || typeof value !== 'object') return [];
  const v = value as Record<string, unknown>;
  const here =
    v['__typename'] === 'ResultError' ||
    ('code' in v && typeof v['message'] === 'string' && !('status' in v))
      ? [{ at, code: v['code'] }]
      : [];
  return [
    ...here,
    ...Object.entries(v).flatMap(([k, child]) =>
      resultErrors(child, Array.isArray(value) ? `${at}[${k}]` : `${at}.${k}`),
    ),
  ];
}

// Verifying on the main thread: each file's app would otherwise start a pool of cold worker threads.
const DOCS_APP = { config: { VERIFY_WORKERS: '0' } };

let template: Promise<TestApp> | undefined;
/** The demo data, seeded once; each file gets a copy of it (much cheaper than seeding again). */
function demoTemplate(): Promise<TestApp> {
  return (template ??= (async () => {
    const app = await createTestApp(DOCS_APP);
    await seedDemo(app.services, () => {});
    return app;
  })());
}
afterAll(async () => {
  await (await template)?.close();
});

/** Copies every document of every collection, as stored: ids, hashes and encrypted keys stay valid. */
async function copyDatabase(from: Database, to: Database): Promise<void> {
  const source = from.connection.db!;
  const target = to.connection.db!;
  for (const { name } of await source.listCollections({}, { nameOnly: true }).toArray()) {
    const docs = await source.collection(name).find({}).toArray();
    // What the fresh database wrote at start-up (e.g. its storage marks) gives way to the copy.
    await target.collection(name).deleteMany({});
    if (docs.length > 0) await target.collection(name).insertMany(docs);
  }
}

const files = docFiles()
  .map((file) => ({
    file,
    name: path.relative(ROOT, file),
    examples: runnableExamples(fs.readFileSync(file, 'utf8')),
  }))
  .filter((f) => f.examples.length > 0);

it('finds runnable examples in the README', () => {
  expect(files.map((f) => path.relative(ROOT, f.file))).toContain('README.md');
});

describe.each(files)('$name', ({ file, examples }) => {
  let t: TestApp;
  let url = '';
  let server: ReturnType<TestApp['app']['listen']> | undefined;
  const tokens = new Map<string, string>();
  const answers: unknown[] = [];

  beforeAll(async () => {
    t = await createTestApp(DOCS_APP);
    await copyDatabase((await demoTemplate()).db, t.db);
    await new Promise<void>((resolve) => {
      server = t.app.listen(0, '127.0.0.1', () => resolve());
    });
    url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await t.close();
  });

  async function signIn(email: string): Promise<string> {
    const known = tokens.get(email);
    if (known) return known;
    const r = await t.gql<{ login: { token?: string; message?: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ... on LoginOk { token } ... on ResultError { message } } }',
      { e: email, p: DEMO_PASSWORD },
    );
    const token = r.data?.login.token;
    if (!token) throw new Error(`cannot sign in as ${email}: ${JSON.stringify(r)}`);
    tokens.set(email, token);
    return token;
  }

  for (const ex of examples) {
    const where = `${path.relative(ROOT, file)}:${ex.line}`;
    it(`${ex.lang} example at line ${ex.line} runs`, async () => {
      const variables: Record<string, unknown> = {};
      for (const [, name, at] of ex.code.matchAll(/^\s*#\s*\$(\w+)\s*=\s*([\w.[\]]+)/gm)) {
        const found = answers.map((a) => pick(a, at!)).findLast((v) => v !== undefined);
        expect(found, `${where}: no earlier answer has ${at}`).toBeDefined();
        variables[name!] = found;
      }
      if (ex.lang === 'graphql') {
        const doc = parse(ex.code);
        const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
        expect(ops, `${where}: one operation per block, so that it pastes as it is`).toHaveLength(
          1,
        );
        const as = /^\s*#\s*as\s+(\S+@\S+)/m.exec(ex.code)?.[1];
        const expected = /^\s*#\s*expect\s+([A-Z_]+)/m.exec(ex.code)?.[1];
        const r = await t.gql(ex.code, variables, as ? await signIn(as) : undefined);
        answers.push(r.data);
        expect(r.errors, `${where}: ${JSON.stringify(r.errors)}`).toBeUndefined();
        const failures = resultErrors(r.data);
        if (expected)
          expect(
            failures.map((f) => f.code),
            where,
          ).toContain(expected);
        else expect(failures, `${where}: ${JSON.stringify(r.data)}`).toEqual([]);
      } else {
        const r = await sh(
          ex.code.replaceAll('http://localhost:4000', url),
          t.db.connection.name,
          Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, String(v)])),
        );
        expect(r.code, `${where}:\n${r.out}`).toBe(0);
      }
    }, 180_000);
  }
});

/** The value at a dotted path (`a.b[0].c`) of an answer, or undefined. */
function pick(value: unknown, at: string): unknown {
  let v = value;
  for (const key of at.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function sh(
  script: string,
  dbName: string,
  variables: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...testSecrets,
        MONGODB_URI: inject('mongodbUri'),
        DB_NAME: dbName,
        LOG_LEVEL: 'silent',
        ...variables,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}
