// jsonld.js as we run it gives exactly what jsonld.js as published gives on a fresh start, for every input and whatever came before.
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { createDocumentLoader, issueCredential, generateKey } from '../../../credentials/index.ts';
import {
  freshCacheOptions,
  jsonldVersion,
  loadPrivateJsonld,
} from '../../../credentials/jsonld-instances.ts';
import {
  jsonldRouteCounts,
  registerStaticContexts,
  sharedActiveContextsInUse,
} from '../../../credentials/jsonld-shared-contexts.ts';
import { differentialFuzz } from '../../fixtures/jsonld-fuzz.ts';
import {
  degreeCredential,
  ISSUER_DID,
  kek,
  transcriptCredential,
} from '../../fixtures/credentials.ts';

type Doc = Record<string, unknown>;
const ours = jsonld as unknown as {
  expand: (doc: unknown, options: object) => Promise<unknown>;
  canonize: (doc: unknown, options: object) => Promise<unknown>;
};
const reference = loadPrivateJsonld();

const IMPORTED = 'https://regression.example/imported.jsonld';
const PROTECTED = 'https://regression.example/protected.jsonld';
const TWO_WAYS = 'https://regression.example/two-ways.jsonld';
const PLAIN = 'https://regression.example/plain.jsonld';
const RELATIVE_VOCAB = 'https://regression.example/relative-vocab.jsonld';
const documents: Record<string, Doc> = {
  [IMPORTED]: {
    '@context': { shared: 'http://ex.org/fromImport', imported: 'http://ex.org/imported' },
  },
  [PROTECTED]: {
    '@context': {
      '@version': 1.1,
      '@protected': true,
      name: 'http://ex.org/name',
      p: { '@id': 'http://ex.org/p', '@context': { name: 'http://ex.org/other' } },
    },
  },
  // T's scoped context applies both as a type-scoped and as a property-scoped context.
  [TWO_WAYS]: {
    '@context': {
      '@version': 1.1,
      type: '@type',
      name: 'http://ex.org/name',
      T: { '@id': 'http://ex.org/T', '@context': { name: 'http://ex.org/nameInT' } },
    },
  },
  [PLAIN]: { '@context': { a: 'http://ex.org/a' } },
  // A relative @vocab: processing it raises an event, which safe mode makes an error.
  [RELATIVE_VOCAB]: { '@context': { '@vocab': '' } },
};
const STATIC = [TWO_WAYS, PLAIN, RELATIVE_VOCAB];
registerStaticContexts(new Map(STATIC.map((url) => [url, documents[url]!])));
const loader = (url: string) =>
  documents[url]
    ? Promise.resolve({
        contextUrl: null,
        documentUrl: url,
        // Registered static contexts are the same object each time; the others a fresh copy.
        document: STATIC.includes(url) ? documents[url] : structuredClone(documents[url]),
        tag: 'static',
      })
    : Promise.reject(new Error(`No document at ${url}`));

async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    return JSON.stringify(await run());
  } catch (error) {
    const e = error as { name?: string; details?: { code?: string } };
    return `error ${e.name ?? ''} ${e.details?.code ?? ''}`;
  }
}
const expandOurs = (doc: Doc) =>
  outcome(() => ours.expand(structuredClone(doc), { documentLoader: loader }));
const expandPublished = (doc: Doc) =>
  outcome(() =>
    reference.jsonld.expand(
      structuredClone(doc),
      freshCacheOptions(reference, { documentLoader: loader }),
    ),
  );

describe('jsonld.js, routed', () => {
  it('is written against jsonld.js 9.0.0 (check credentials/jsonld-fast-path.ts against any other before changing this)', () => {
    expect(jsonldVersion).toBe('9.0.0');
  });

  it('is in use wherever the document loader is', () => {
    createDocumentLoader();
    expect(sharedActiveContextsInUse()).toBe(true);
  });

  it('drops @direction on leaving a type-scoped context, as jsonld.js does', async () => {
    const doc = {
      '@context': {
        '@version': 1.1,
        '@direction': 'rtl',
        type: '@type',
        T: { '@id': 'http://ex.org/T', '@context': { a: 'http://ex.org/a' } },
        name: 'http://ex.org/name',
        child: 'http://ex.org/child',
      },
      type: 'T',
      name: 'n0',
      child: { name: 'n1' },
    };
    const expanded = await expandOurs(doc);
    expect(expanded).toBe(await expandPublished(doc));
    // jsonld.js's copy of an active context does not carry @direction: n1 has none.
    expect(expanded).toContain('"http://ex.org/name":[{"@value":"n1"}]');
    for (const rdfDirection of [undefined, 'i18n-datatype']) {
      const options = { documentLoader: loader, ...(rdfDirection ? { rdfDirection } : {}) };
      expect(await outcome(() => ours.canonize(doc, options))).toBe(
        await outcome(() =>
          reference.jsonld.canonize(structuredClone(doc), freshCacheOptions(reference, options)),
        ),
      );
    }
  });

  it('rejects a protected-term redefinition even after the same context was applied where overriding is allowed', async () => {
    const allowed = { '@context': PROTECTED, p: { name: 'x' } };
    const redefined = {
      '@context': PROTECTED,
      'http://ex.org/q': { '@context': { name: 'http://ex.org/other' }, name: 'z' },
    };
    expect(await expandOurs(redefined)).toBe(
      'error jsonld.SyntaxError protected term redefinition',
    );
    expect(await expandOurs(allowed)).toBe(await expandPublished(allowed));
    for (let i = 0; i < 5; i++) {
      expect(await expandOurs(redefined)).toBe(
        'error jsonld.SyntaxError protected term redefinition',
      );
    }
    // jsonld.js as published, keeping its cache across calls, accepts it after `allowed`: the reason
    // every call on the published path gets an empty cache of its own.
    const longRunning = loadPrivateJsonld();
    const run = (doc: Doc) =>
      outcome(() => longRunning.jsonld.expand(structuredClone(doc), { documentLoader: loader }));
    expect(await run(redefined)).toBe('error jsonld.SyntaxError protected term redefinition');
    await run(allowed);
    expect(await run(redefined)).not.toContain('error');
  });

  it('keeps the terms of two scoped contexts that @import the same URL apart', async () => {
    const doc = {
      '@context': {
        '@version': 1.1,
        type: '@type',
        T: { '@id': 'http://ex.org/T', '@context': { x: 'http://ex.org/x' } },
        p: {
          '@id': 'http://ex.org/p',
          '@context': { '@import': IMPORTED, shared: 'http://ex.org/fromP' },
        },
        q: {
          '@id': 'http://ex.org/q',
          '@context': { '@import': IMPORTED, shared: 'http://ex.org/fromQ' },
        },
      },
      type: 'T',
      p: { shared: 1, imported: 1 },
      q: { shared: 2 },
    };
    const expanded = await expandOurs(doc);
    expect(expanded).toBe(await expandPublished(doc));
    expect(expanded).toContain('"http://ex.org/q":[{"http://ex.org/fromQ":[{"@value":2}]}]');
  });

  it('does not carry the events of one context processing over to a later call', async () => {
    // jsonld.js stores the events of processing PLAIN in an array that processing RELATIVE_VOCAB,
    // next in the list, goes on filling: found again in a later call, PLAIN would seem to warn.
    const warns = { '@context': [PLAIN, RELATIVE_VOCAB], a: 1 };
    const plain = { '@context': PLAIN, a: 2 };
    const safe = (doc: Doc) =>
      outcome(() => ours.expand(structuredClone(doc), { documentLoader: loader, safe: true }));
    await expandOurs(warns);
    await expandOurs(warns);
    expect(await safe(warns)).toBe('error jsonld.ValidationError ');
    expect(await safe(plain)).toBe('[{"http://ex.org/a":[{"@value":2}]}]');
  });

  it('answers a call the fast path gives up on (a context used two ways) as published', async () => {
    const doc = { '@context': TWO_WAYS, type: 'T', T: { name: 'in T' }, name: 'outside' };
    const before = jsonldRouteCounts();
    expect(await expandOurs(doc)).toBe(await expandPublished(doc));
    expect(jsonldRouteCounts().abandoned).toBe(before.abandoned + 1);
  });

  it('takes the fast path for every credential the service issues, and never gives up on one', async () => {
    const key = await generateKey({ type: 'Ed25519', controller: ISSUER_DID, kek: kek() });
    const documentLoader = createDocumentLoader();
    const before = jsonldRouteCounts();
    for (const credential of [degreeCredential(), transcriptCredential()]) {
      await issueCredential({
        credential,
        key,
        kek: kek(),
        format: 'eddsa-rdfc-2022',
        documentLoader,
      });
    }
    const after = jsonldRouteCounts();
    expect(after.fast).toBeGreaterThan(before.fast);
    expect(after.published).toBe(before.published);
    expect(after.abandoned).toBe(before.abandoned);
  });

  it('gives what an untouched jsonld.js gives, on 2,000 random documents in three orders (differential fuzzer)', async () => {
    const before = jsonldRouteCounts();
    const report = await differentialFuzz({ seed: 20261205, count: 2000, operations: 1 });
    expect(report.comparisons).toBe(6000);
    expect(report.differences.slice(0, 3)).toEqual([]);
    // Both routes are exercised: the fast path and the published one.
    const after = jsonldRouteCounts();
    expect(after.fast - before.fast).toBeGreaterThan(1000);
    expect(after.published - before.published).toBeGreaterThan(1000);
  }, 300_000);
});
