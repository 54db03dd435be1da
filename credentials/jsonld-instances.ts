// Private copies of jsonld.js: a module graph of its own, sharing no module state with the copy every library imports.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** jsonld.js's main object, as far as this file reads it. */
export type JsonLd = Record<string, unknown> & {
  expand: (input: unknown, options?: object) => Promise<unknown>;
  compact: (input: unknown, ctx: unknown, options?: object) => Promise<unknown>;
  toRDF: (input: unknown, options?: object) => Promise<unknown>;
  canonize: (input: unknown, options?: object) => Promise<unknown>;
};

export interface ResolvedContextClass {
  new (options: { document: unknown }): object;
  prototype: object;
}

export interface ContextResolverClass {
  new (options: { sharedCache: unknown }): object;
  prototype: object;
}

/** One copy of jsonld.js: its main object and the internal modules we read or wrap. */
export interface JsonLdInstance {
  jsonld: JsonLd;
  context: Record<string, unknown>;
  ContextResolver: ContextResolverClass;
  ResolvedContext: ResolvedContextClass;
  /** The LRU cache class jsonld.js keeps its resolved contexts in (lru-cache 6). */
  LRU: new (options: { max: number }) => object;
}

/** The copy of jsonld.js that @digitalbazaar/vc and the cryptosuites import. */
export const sharedJsonld = require('jsonld') as JsonLd;

/** The version of jsonld.js installed. */
export const jsonldVersion = (require('jsonld/package.json') as { version: string }).version;

const root = path.dirname(require.resolve('jsonld/package.json')) + path.sep;
const lib = (name: string) => `${root}lib${path.sep}${name}`;
const LRU = createRequire(lib('jsonld.js'))('lru-cache') as JsonLdInstance['LRU'];

function instanceOf(load: (name: string) => unknown): JsonLdInstance {
  return {
    jsonld: load('index.js') as JsonLd,
    context: load('context.js') as Record<string, unknown>,
    ContextResolver: load('ContextResolver.js') as ContextResolverClass,
    ResolvedContext: load('ResolvedContext.js') as ResolvedContextClass,
    LRU,
  };
}

/** The internals of the shared copy (for running it as published, with a cache of one's own). */
export const sharedInstance: JsonLdInstance = instanceOf((name) => require(lib(name)));

/**
 * Loads a new copy of jsonld.js's own modules (its dependencies, which keep no state that changes a
 * result, stay shared). `prepare` runs first and may load and change the copy's internal modules
 * before the rest of the copy loads (expand.js and compact.js take their functions from context.js
 * when they load).
 */
export function loadPrivateJsonld(
  prepare?: (load: (name: string) => unknown) => void,
): JsonLdInstance {
  const saved = new Map<string, NodeJS.Module>();
  for (const [key, module] of Object.entries(require.cache)) {
    if (key.startsWith(root) && module) {
      saved.set(key, module);
      delete require.cache[key];
    }
  }
  try {
    const load = (name: string) => require(lib(name)) as unknown;
    prepare?.(load);
    return instanceOf(load);
  } finally {
    for (const key of Object.keys(require.cache))
      if (key.startsWith(root)) delete require.cache[key];
    for (const [key, module] of saved) require.cache[key] = module;
  }
}

/**
 * Options that give one call of a jsonld.js copy a context cache of its own, empty: the call then
 * runs exactly as the first call of a freshly started process would.
 */
export function freshCacheOptions(instance: JsonLdInstance, options: object | undefined): object {
  const given = (options ?? {}) as Record<string, unknown>;
  if (given['contextResolver']) return given;
  return {
    ...given,
    contextResolver: new instance.ContextResolver({ sharedCache: new instance.LRU({ max: 100 }) }),
  };
}
