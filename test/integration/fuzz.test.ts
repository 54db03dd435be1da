// Fuzzing over real HTTP: hundreds of malformed GraphQL, VC API and import requests; no 5xx, no masked error, no write.
import type { Server } from 'node:http';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let server: Server;
let base: string;
let apiKey: string;
let credentialJson: Record<string, unknown>;
let credentialJwt: string;

/** Fixed, so a failure can be replayed; change it to explore further. */
const SEED = 20261205;
const sample = <T>(arb: fc.Arbitrary<T>, n: number, salt: number) =>
  fc.sample(arb, { numRuns: n, seed: SEED + salt });

beforeAll(async () => {
  t = await createTestApp({ config: { BODY_LIMIT: '200kb' } });
  w = await createWorld(t);
  server = t.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  apiKey = (
    await t.services.accounts.createApiKey(SYSTEM, w.instA.id, 'fuzz', [
      'records:write',
      'records:read',
      'credentials:issue',
    ])
  ).token;
  // Real documents to mangle: a credential in both securing formats.
  const staff: Actor = { kind: 'staff', userId: 'fuzz', institutionId: w.instA.id };
  const o = await t.services.ledger.recordAchievement(staff, w.instA.id, {
    learnerId: w.learner1.id,
    sourceRecordId: 'FUZZ-BASE',
    kind: 'course',
    courseCode: 'MATH101',
    earnedAt: '2024-06-30',
  });
  if (o.status === 'conflict') throw new Error(o.message);
  const issue = (format: string, requestKey: string) =>
    t.services.credentials.issue(SYSTEM, {
      institutionId: w.instA.id,
      learnerId: w.learner1.id,
      what: { kind: 'achievement', entryId: o.entry.id },
      format,
      requestKey,
    });
  credentialJson = JSON.parse((await issue('eddsa-rdfc-2022', 'fuzz-di')).serialized) as Record<
    string,
    unknown
  >;
  credentialJwt = (await issue('vc+jwt', 'fuzz-jwt')).serialized;
  // Verifying signs the status lists, with a key made on first use: make it before counting.
  for (const vc of [credentialJson, credentialJwt]) {
    const r = await t.services.credentials.verifyCredential(vc);
    expect(r.verified).toBe(true);
  }
});
afterAll(async () => {
  server.close();
  await once(server, 'close');
  await t.close();
});

/** How many documents each collection holds: a malformed request must change none of them. */
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, model] of Object.entries(t.db.models)) {
    out[name] = await (model as { countDocuments(): Promise<number> }).countDocuments();
  }
  return out;
}

type Job = () => Promise<Sent>;

interface Sent {
  what: string;
  status: number;
  body: string;
}

async function send(
  what: string,
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> },
): Promise<Sent> {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'POST',
    headers: init.headers ?? { 'content-type': 'application/json' },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  return { what, status: res.status, body: await res.text() };
}

/** The failures a request must never cause: a 5xx, a masked error, anything internal or a stack. */
function problems(r: Sent): string | null {
  if (r.status >= 500) return `HTTP ${r.status}`;
  if (/INTERNAL_SERVER_ERROR|INTERNAL_ERROR|Internal Server Error/.test(r.body))
    return 'masked error';
  if (/Maximum call stack|"stack"|\n\s+at |\.ts:\d/.test(r.body)) return 'internals leaked';
  return null;
}

// ---- what is sent ------------------------------------------------------------------------------

const IMPOSSIBLE_DATES = ['2024-13-01', '2024-01-32', '9999-99-99', '2023-02-29', '2024-00-00'];
const NASTY = [
  '\ud800',
  'a\udfffb',
  '\u0000',
  '\u001b[2J',
  'e\u0301',
  '😀'.repeat(300),
  '"; drop table entries; --',
  '{"$ne": null}',
  '../../etc/passwd',
  'x'.repeat(5000),
];
const nastyString = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, -1, 1e308, 0.001, [], {}, [[[]]], { $gt: '' }),
);

/** Nested `depth` deep, as an object chain or an array chain. */
const deep = (depth: number, leaf = '1', array = false) =>
  array
    ? '['.repeat(depth) + leaf + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + leaf + '}'.repeat(depth);

/** A JWT (not validly signed) whose claims nest `depth` deep: a JSON body limit cannot see into it. */
const deepJwt = (depth: number) => {
  const b64 = (text: string) => Buffer.from(text).toString('base64url');
  const claims = `{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK","credentialSubject":${deep(depth, '{"id":"did:example:1"}')}}`;
  return `${b64('{"alg":"EdDSA","typ":"vc+jwt","kid":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#k"}')}.${b64(claims)}.AAAA`;
};

const RECORD = `mutation($i: ID!, $in: AchievementInput!) {
  recordAchievement(institutionId: $i, input: $in) {
    __typename ... on ResultError { code message field } ... on RecordAchievementOk { created }
  }
}`;
const RECORD_MANY = `mutation($i: ID!, $in: [AchievementInput!]!, $all: Boolean) {
  recordAchievements(institutionId: $i, inputs: $in, allOrNothing: $all) {
    __typename ... on RecordBatchOk { created failed rows { status error { code field } } }
  }
}`;
const IMPORT = `mutation($i: ID!, $f: ImportFormat!, $d: String!, $all: Boolean) {
  importRecords(institutionId: $i, format: $f, data: $d, allOrNothing: $all) {
    __typename ... on ImportReport { created failed errors { line code } } ... on ResultError { code }
  }
}`;

/** An achievement that can never be recorded (its date is impossible), with any field mangled. */
const badAchievement = fc
  .record({
    field: fc.constantFrom(
      'learnerId',
      'sourceRecordId',
      'kind',
      'courseCode',
      'title',
      'credits',
      'creditSystem',
      'category',
      'level',
      'hours',
      'grade',
      'term',
      'expiresAt',
      'evidenceUrl',
      'extra',
    ),
    value: anyValue,
    earnedAt: fc.constantFrom(...IMPOSSIBLE_DATES),
    n: fc.nat(),
  })
  .map(({ field, value, earnedAt, n }) => ({
    learnerId: w.learner1.id,
    sourceRecordId: `FZ-${n}`,
    kind: 'TRAINING',
    title: { en: 'Fuzz' },
    credits: 1,
    creditSystem: 'CN',
    category: 'general',
    level: 3,
    earnedAt,
    [field]: value,
  }));

/** A valid query with a slice cut out, or random characters let in. */
const mangledQuery = fc
  .record({
    query: fc.constantFrom(
      RECORD,
      RECORD_MANY,
      IMPORT,
      '{ me { role } }',
      '{ institutions { id slug } }',
    ),
    at: fc.nat(),
    cut: fc.nat({ max: 20 }),
    insert: fc.string({ maxLength: 6 }),
  })
  .map(({ query, at, cut, insert }) => {
    const i = at % query.length;
    return query.slice(0, i) + insert + query.slice(i + cut);
  });

const auth = (k: number): Record<string, string> =>
  k % 3 === 0 ? {} : { authorization: `Bearer ${k % 3 === 1 ? w.tokens.staffA : apiKey}` };

function graphqlRequests(): Job[] {
  const out: Job[] = [];
  const json = (what: string, body: unknown, k: number) =>
    send(what, '/graphql', {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...auth(k) },
    });
  sample(mangledQuery, 90, 1).forEach((query, k) =>
    out.push(() => json('mangled query', { query, variables: { i: w.instA.id } }, k)),
  );
  sample(badAchievement, 80, 2).forEach((input, k) =>
    out.push(() =>
      json('bad achievement', { query: RECORD, variables: { i: w.instA.id, in: input } }, k),
    ),
  );
  sample(fc.array(badAchievement, { minLength: 1, maxLength: 8 }), 30, 3).forEach((inputs, k) =>
    out.push(() =>
      json(
        'bad batch',
        { query: RECORD_MANY, variables: { i: w.instA.id, in: inputs, all: k % 2 === 0 } },
        k,
      ),
    ),
  );
  sample(
    fc.record({ query: anyValue, variables: anyValue, operationName: anyValue }),
    30,
    4,
  ).forEach((body, k) => out.push(() => json('random body', body, k)));
  const raw = [
    '',
    '{',
    'null',
    '[]',
    '"query"',
    '{"query": "{ me { role } }", "variables": "{"}',
    `{"query": "{ me { role } }", "variables": ${deep(5000)}}`,
    `{"query": "{ me { role } }", "variables": {"x": ${deep(5000, '1', true)}}}`,
    `{"query": "${'{ me '.repeat(3000)}"}`,
    `{"query": "{ ${Array.from({ length: 500 }, (_, i) => `a${i}: me { role }`).join(' ')} }"}`,
    JSON.stringify({ query: `{ ${'me { institution { '.repeat(30)} id ${'} '.repeat(60)}}` }),
    JSON.stringify({ query: '{ me { role } }', extensions: JSON.parse(deep(200)) as unknown }),
    JSON.stringify({ query: 'x'.repeat(300_000) }),
    JSON.stringify({
      query: 'mutation($c: String!) { verifyCredential(credential: $c) { verified } }',
      variables: { c: deepJwt(5000) },
    }),
    JSON.stringify({
      query: 'mutation($c: String!) { verifyCredential(credential: $c) { verified } }',
      variables: {
        // Built as text: JSON.stringify recurses, and would overflow on it here.
        c: JSON.stringify({ ...credentialJson, credentialSubject: 'DEEP' }).replace(
          '"DEEP"',
          deep(5000),
        ),
      },
    }),
  ];
  raw.forEach((body, k) =>
    out.push(() =>
      send(`raw body #${k}`, '/graphql', {
        body,
        headers: { 'content-type': 'application/json', ...auth(k) },
      }),
    ),
  );
  for (const [k, ct] of ['text/plain', 'application/xml', 'multipart/form-data', ''].entries()) {
    out.push(() =>
      send('content type', '/graphql', {
        body: '{"query":"{ me { role } }"}',
        headers: { 'content-type': ct, ...auth(k) },
      }),
    );
  }
  for (const q of ['%7B', 'mutation%20%7B%20signOutEverywhere%20%7D', '{me{role}}&variables=%7B']) {
    out.push(() => send(`GET ${q}`, `/graphql?query=${q}`, { method: 'GET', headers: {} }));
  }
  return out;
}

/** The credential with one of its members replaced (or removed), possibly deep inside. */
const mangledCredential = fc
  .record({
    path: fc.constantFrom(
      ['@context'],
      ['type'],
      ['issuer'],
      ['validFrom'],
      ['credentialSubject'],
      ['credentialSubject', 'id'],
      ['credentialSubject', 'achievement'],
      ['proof'],
      ['proof', 'proofValue'],
      ['proof', 'verificationMethod'],
      ['proof', 'cryptosuite'],
      ['credentialStatus'],
    ),
    value: fc.option(anyValue, { nil: undefined }),
  })
  .map(({ path, value }) => {
    const doc = structuredClone(credentialJson);
    let at: Record<string, unknown> = doc;
    for (const key of path.slice(0, -1)) {
      const next = at[key];
      if (!next || typeof next !== 'object') return doc;
      at = next as Record<string, unknown>;
    }
    if (value === undefined) delete at[path.at(-1)!];
    else at[path.at(-1)!] = value;
    return doc;
  });

function vcApiRequests(): Job[] {
  const out: Job[] = [];
  const post = (what: string, path: string, body: string, k: number) =>
    out.push(() =>
      send(what, path, { body, headers: { 'content-type': 'application/json', ...auth(k) } }),
    );
  sample(mangledCredential, 70, 5).forEach((vc, k) =>
    post(
      'mangled credential',
      '/credentials/verify',
      JSON.stringify({ verifiableCredential: vc }),
      k,
    ),
  );
  sample(fc.record({ at: fc.nat(), insert: fc.string({ maxLength: 4 }) }), 20, 6).forEach(
    ({ at, insert }, k) => {
      const i = at % credentialJwt.length;
      const jwt = credentialJwt.slice(0, i) + insert + credentialJwt.slice(i + 1);
      post('mangled JWT', '/credentials/verify', JSON.stringify({ verifiableCredential: jwt }), k);
    },
  );
  sample(anyValue, 30, 7).forEach((v, k) =>
    post(
      'random presentation',
      '/presentations/verify',
      JSON.stringify({ verifiablePresentation: v, options: k % 2 ? v : {} }),
      k,
    ),
  );
  sample(fc.record({ credential: anyValue, options: anyValue }), 40, 8).forEach((body, k) =>
    post('random issue', '/credentials/issue', JSON.stringify(body), k),
  );
  sample(fc.record({ credentialId: anyValue, credentialStatus: anyValue }), 15, 9).forEach(
    (body, k) => post('random status', '/credentials/status', JSON.stringify(body), k),
  );
  const subjectDeep = JSON.stringify({
    verifiableCredential: { ...credentialJson, credentialSubject: { id: 'did:example:1' } },
  }).replace('{"id":"did:example:1"}', deep(5000, '{"id":"did:example:1"}'));
  const raw: [string, string][] = [
    ['/credentials/verify', subjectDeep],
    ['/credentials/issue', subjectDeep.replace('verifiableCredential', 'credential')],
    ['/presentations/verify', `{"verifiablePresentation": ${deep(5000, '[]', true)}}`],
    ['/credentials/verify', JSON.stringify({ verifiableCredential: deepJwt(5000) })],
    [
      '/presentations/verify',
      JSON.stringify({
        verifiablePresentation: {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['VerifiablePresentation'],
          verifiableCredential: [
            {
              type: 'EnvelopedVerifiableCredential',
              id: `data:application/vc+jwt,${deepJwt(5000)}`,
            },
          ],
        },
      }),
    ],
    ['/credentials/verify', '{"verifiableCredential":'],
    ['/credentials/verify', 'null'],
    ['/credentials/verify', '[1,2,3]'],
    ['/credentials/verify', '"a string"'],
    ['/credentials/issue', '{}'],
    ['/credentials/status', '{"credentialId": "urn:uuid:nope", "credentialStatus": [{"type": 1}]}'],
    ['/credentials/verify', JSON.stringify({ verifiableCredential: 'x'.repeat(250_000) })],
  ];
  raw.forEach(([path, body], k) => post('raw body', path, body, k));
  return out;
}

/** CSV and JSON lines no row of which can be recorded: each has an impossible date or worse. */
const badFile = fc
  .record({
    rows: fc.array(
      fc.record({
        cells: fc.array(nastyString, { minLength: 0, maxLength: 12 }),
        date: fc.constantFrom(...IMPOSSIBLE_DATES),
        learner: fc.constantFrom('known', 'national', 'none'),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    csv: fc.boolean(),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 6 }),
  })
  .map(({ rows, csv, bytes }) => {
    const learner = (l: string, i: number) =>
      l === 'known' ? w.learner1.id : l === 'national' ? `FUZZ${i}` : '';
    const lines = rows.map((r, i) => {
      const [title = 'T', credits = '1', kind = 'training'] = r.cells;
      return csv
        ? [
            `FZI-${i}`,
            learner(r.learner, i),
            `FUZZ${i}`,
            'Name',
            kind,
            credits,
            'CN',
            'general',
            '3',
            r.date,
            title,
          ]
            .map((c) => `"${c.replaceAll('"', '""')}"`)
            .join(',')
        : JSON.stringify({
            sourceRecordId: `FZI-${i}`,
            learnerId: learner(r.learner, i) || undefined,
            nationalId: `FUZZ${i}`,
            learnerName: 'Name',
            kind,
            credits,
            creditSystem: 'CN',
            category: 'general',
            level: 3,
            earnedAt: r.date,
            title: { en: title },
            extra: r.cells.slice(3),
          });
    });
    const header =
      'sourceRecordId,learnerId,nationalId,learnerName,kind,credits,creditSystem,category,level,earnedAt,titleEn';
    const text = (csv ? [header, ...lines] : lines).join('\n');
    return { csv, data: Buffer.concat([Buffer.from(text), Buffer.from(bytes)]) };
  });

function importRequests(): Job[] {
  const out: Job[] = [];
  sample(badFile, 70, 10).forEach(({ csv, data }, k) =>
    out.push(() =>
      send('import', '/graphql', {
        body: JSON.stringify({
          query: IMPORT,
          variables: {
            i: w.instA.id,
            f: csv ? 'CSV' : 'JSONL',
            d: data.toString('utf8'),
            all: k % 2 === 0,
          },
        }),
        headers: { 'content-type': 'application/json', ...auth(k) },
      }),
    ),
  );
  return out;
}

describe('GraphQL request errors', () => {
  it('are 4xx whatever the client accepts, never 200', async () => {
    const deepQuery = `{ ${'me { institution { '.repeat(150)} id ${'} } '.repeat(150)}}`;
    const cases: [string, string][] = [
      ['parse', JSON.stringify({ query: '{ me { role ' })],
      ['validation', JSON.stringify({ query: '{ nope }' })],
      [
        'wrong argument type',
        JSON.stringify({ query: '{ learnerRecord(learnerId: "x", first: "ten") { __typename } }' }),
      ],
      ['depth', JSON.stringify({ query: deepQuery })],
      ['nesting', JSON.stringify({ query: '{ me '.repeat(3000) })],
      [
        'depth or cost',
        JSON.stringify({ query: `{ me { ${'institution { '.repeat(20)} id ${'} '.repeat(20)}} }` }),
      ],
      ['deep variables', `{"query": "{ me { role } }", "variables": {"v": ${deep(100)}}}`],
    ];
    for (const accept of ['application/json', 'application/graphql-response+json', '*/*']) {
      for (const [what, body] of cases) {
        const r = await send(what, '/graphql', {
          body,
          headers: { 'content-type': 'application/json', accept },
        });
        expect(r.status, `${what} (${accept}): ${r.body}`).toBeGreaterThanOrEqual(400);
        expect(r.status, `${what} (${accept})`).toBeLessThan(500);
        expect(problems(r), what).toBeNull();
        expect(JSON.parse(r.body), what).toMatchObject({
          errors: [{ message: expect.any(String) }],
        });
      }
    }
  });
});

describe('malformed requests', () => {
  it('get no 5xx, no masked error and write nothing: GraphQL, the VC API and imports', async () => {
    const before = await counts();
    const sent: Sent[] = [];
    // A few at a time, as real clients would: the order of the requests does not matter.
    const jobs = [...graphqlRequests(), ...vcApiRequests(), ...importRequests()];
    for (let i = 0; i < jobs.length; i += 8)
      sent.push(...(await Promise.all(jobs.slice(i, i + 8).map((job) => job()))));
    expect(sent.length).toBeGreaterThanOrEqual(500);
    const bad = sent.flatMap((r) => {
      const p = problems(r);
      return p ? [`${r.what}: ${p}: ${r.body.slice(0, 300)}`] : [];
    });
    expect(bad).toEqual([]);
    // Most were refused as client errors; a few answered 200 with a typed error (a ResultError).
    expect(sent.filter((r) => r.status >= 400).length).toBeGreaterThan(sent.length / 3);
    expect(await counts()).toEqual(before);
  }, 300_000);

  it('the importer itself: random bytes and bad rows, no write', async () => {
    const before = await counts();
    const staff: Actor = { kind: 'staff', userId: 'fuzz', institutionId: w.instA.id };
    const files = [
      ...sample(badFile, 30, 11),
      ...sample(fc.uint8Array({ maxLength: 400 }), 20, 12).map((b, k) => ({
        csv: k % 2 === 0,
        data: Buffer.from(b),
      })),
    ];
    for (const [k, { csv, data }] of files.entries()) {
      const report = await t.services.importer.import(
        staff,
        w.instA.id,
        () => Readable.from([data]),
        { format: csv ? 'csv' : 'jsonl', allOrNothing: k % 2 === 0 },
      );
      expect(report.created).toBe(0);
      const lines = report.errors.map((e) => e.line);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
    }
    expect(await counts()).toEqual(before);
  });
});
