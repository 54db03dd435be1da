// Makes jsonld.js copy active contexts cheaply. Every time expansion enters or leaves a type-scoped
// context (Open Badges and CLR define one per type), jsonld.js deep-copies the whole active context:
// every term definition and every scoped context inside them (digitalbazaar/jsonld.js#414, open).
// Because the copy is a new object, its processed-context cache, keyed by the active context, also
// misses, and the scoped context is processed again. That was most of the CPU of a verification.
//
// Term definitions change in one place only, createTermDefinition, and only those of the context it
// is given, always a fresh copy; expansion, compaction and toRDF only read. So here:
// - a copy shares its source's term definitions, and gets its own just before its first change;
// - going back to the previous context returns that context itself, not a copy of it;
// - what was processed for a fresh copy of X (the first step of applying a type-scoped context to X)
//   is also kept under X, so the next application finds it;
// - a scoped context of a bundled context document is found by identity, not by serialising it.
//
// test/unit/credentials/jsonld-shared-contexts.test.ts proves the output identical, with and without,
// for every kind of document we sign or verify and for the scoped-context edge cases.
import { createRequire } from 'node:module';
import { bundledContexts } from './contexts/index.ts';

interface ActiveContext {
  mappings: Map<string, unknown>;
  protected: Record<string, boolean>;
  inverse: unknown;
  previousContext?: ActiveContext;
  clone: (this: ActiveContext) => ActiveContext;
  revertToPreviousContext: (this: ActiveContext) => ActiveContext;
  getInverse: unknown;
  '@base'?: unknown;
  '@language'?: unknown;
  '@vocab'?: unknown;
}

interface ContextApi {
  getInitialContext(options: { processingMode?: string }): ActiveContext;
  createTermDefinition: (options: { activeCtx: ActiveContext }) => unknown;
}

interface ResolvedContextPrototype {
  getProcessed: (this: object, activeCtx: ActiveContext) => unknown;
  setProcessed: (this: object, activeCtx: ActiveContext, processed: unknown) => void;
}

const require = createRequire(import.meta.url);
const contextApi = require('jsonld/lib/context.js') as ContextApi;
const resolvedContext = (require('jsonld/lib/ResolvedContext.js') as { prototype: object })
  .prototype as ResolvedContextPrototype;

// Every active context inherits clone and revertToPreviousContext from the initial context it grew
// from; jsonld.js keeps one initial context per processing mode, for the life of the process.
const initialContexts = [undefined, 'json-ld-1.0', 'json-ld-1.1'].map((processingMode) =>
  contextApi.getInitialContext(processingMode === undefined ? {} : { processingMode }),
);
const original = {
  clone: initialContexts[0]!.clone,
  revert: initialContexts[0]!.revertToPreviousContext,
};

// Written against jsonld.js 9.0.0's context.js; another version runs as published until this file
// has been checked against it (the test then fails, saying so).
const { version } = require('jsonld/package.json') as { version: string };
let sharing = version === '9.0.0';

// Each copy made here, and what it was copied from.
const copiedFrom = new WeakMap<ActiveContext, ActiveContext>();
// Copies that still share their source's term definitions: they get their own on the first change.
const borrowing = new WeakSet<ActiveContext>();

function sharedClone(this: ActiveContext): ActiveContext {
  if (!sharing) return original.clone.call(this);
  // Built field by field in jsonld.js's order, so both kinds of context share one hidden class.
  const child = {} as ActiveContext;
  copiedFrom.set(child, this);
  child.mappings = this.mappings;
  child.clone = this.clone;
  child.inverse = null;
  child.getInverse = this.getInverse;
  child.protected = this.protected;
  borrowing.add(child);
  if (this.previousContext) child.previousContext = this.previousContext;
  child.revertToPreviousContext = this.revertToPreviousContext;
  if ('@base' in this) child['@base'] = this['@base'];
  if ('@language' in this) child['@language'] = this['@language'];
  if ('@vocab' in this) child['@vocab'] = this['@vocab'];
  return child;
}

function sharedRevert(this: ActiveContext): ActiveContext {
  if (!sharing) return original.revert.call(this);
  return this.previousContext ?? this;
}

// Every context carries these two functions from its initial context; they consult the switch.
for (const context of initialContexts) {
  context.clone = sharedClone;
  context.revertToPreviousContext = sharedRevert;
}

// Term definitions change only in createTermDefinition, and only those of the context it is given:
// a copy gets its own mappings and protected terms there, before its first change. Copies that are
// never changed (most are) never copy anything.
const originalDefine = contextApi.createTermDefinition;
contextApi.createTermDefinition = function createTermDefinition(options) {
  const { activeCtx } = options;
  if (borrowing.has(activeCtx)) {
    activeCtx.mappings = new Map(activeCtx.mappings);
    activeCtx.protected = { ...activeCtx.protected };
    borrowing.delete(activeCtx);
  }
  return originalDefine(options);
};

// Applying a type-scoped context to X, jsonld.js first makes a fresh copy of X whose previous context
// is X, and looks the scoped context up in its cache under that new copy: a miss every time. Such a
// copy is never changed afterwards (the scoped context is defined into a further copy), so what was
// processed for one copy of X stands for every copy of X: it is also kept under X itself.
const processedOnCopiesOf = new WeakMap<object, WeakMap<ActiveContext, unknown>>();
const originalProcessed = {
  get: resolvedContext.getProcessed,
  set: resolvedContext.setProcessed,
};

function copyOf(activeCtx: ActiveContext): ActiveContext | undefined {
  const source = copiedFrom.get(activeCtx);
  return source !== undefined && activeCtx.previousContext === source ? source : undefined;
}

function sharedGetProcessed(this: object, activeCtx: ActiveContext): unknown {
  const source = sharing ? copyOf(activeCtx) : undefined;
  const shared = source && processedOnCopiesOf.get(this)?.get(source);
  return shared ?? originalProcessed.get.call(this, activeCtx);
}

function sharedSetProcessed(this: object, activeCtx: ActiveContext, processed: unknown): void {
  originalProcessed.set.call(this, activeCtx, processed);
  const source = sharing ? copyOf(activeCtx) : undefined;
  if (!source) return;
  let bySource = processedOnCopiesOf.get(this);
  if (!bySource) processedOnCopiesOf.set(this, (bySource = new WeakMap()));
  bySource.set(source, processed);
}

resolvedContext.getProcessed = sharedGetProcessed;
resolvedContext.setProcessed = sharedSetProcessed;

// Each time a type- or property-scoped context applies (for every typed node of an Open Badge or a
// CLR), jsonld.js looks it up in its resolved-context cache under JSON.stringify of the context:
// kilobytes serialised per node, and a cache of 100 entries that the bundled contexts' scoped
// contexts outnumber. Those scoped contexts are objects inside the bundled documents, constants of
// this process, so what was resolved for one is kept with it, by identity. A context given inline in
// a document is resolved as published.
interface ContextResolverPrototype {
  resolve: (this: object, options: { context?: unknown }) => Promise<unknown[]>;
}
const contextResolver = (require('jsonld/lib/ContextResolver.js') as { prototype: object })
  .prototype as ContextResolverPrototype;
const originalResolve = contextResolver.resolve;

const bundledObjects = new WeakSet<object>();
const addObjects = (value: unknown): void => {
  if (value === null || typeof value !== 'object' || bundledObjects.has(value)) return;
  bundledObjects.add(value);
  for (const child of Object.values(value)) addObjects(child);
};
for (const document of bundledContexts.values()) addObjects(document);

const resolvedBundled = new WeakMap<object, unknown>();

function sharedResolve(this: object, options: { context?: unknown }): Promise<unknown[]> {
  const { context } = options;
  // jsonld.js reads a context of the form { '@context': … } as its inner context: left to it.
  if (
    !sharing ||
    typeof context !== 'object' ||
    context === null ||
    Array.isArray(context) ||
    !bundledObjects.has(context) ||
    '@context' in context
  ) {
    return originalResolve.call(this, options);
  }
  const known = resolvedBundled.get(context);
  if (known) return Promise.resolve([known]);
  return originalResolve.call(this, options).then((resolved) => {
    if (resolved.length === 1) resolvedBundled.set(context, resolved[0]);
    return resolved;
  });
}

contextResolver.resolve = sharedResolve;

/**
 * Turns shared active contexts on (the default) or off (jsonld.js as published: the baseline of the
 * benchmark, and the reference of the equivalence test).
 */
export function useSharedActiveContexts(enabled: boolean): void {
  sharing = enabled && version === '9.0.0';
}

/** Whether jsonld.js is running with shared active contexts. */
export function sharedActiveContextsInUse(): boolean {
  return (
    sharing &&
    initialContexts.every((context) => context.clone === sharedClone) &&
    resolvedContext.getProcessed === sharedGetProcessed &&
    contextResolver.resolve === sharedResolve
  );
}
