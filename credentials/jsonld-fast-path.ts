// A private copy of jsonld.js that processes registered static contexts fast, and gives up on anything else.
//
// jsonld.js deep-copies the whole active context each time expansion enters or leaves a type-scoped
// context (Open Badges and CLR define one per type), and its cache of processed contexts, keyed by
// the active context object, then misses (digitalbazaar/jsonld.js#414). Here, in a copy of jsonld.js
// of our own (credentials/jsonld-instances.ts), active contexts are treated as values:
// - a copy shares its source's term definitions and gets its own just before its first change
//   (createTermDefinition is the only place that changes them);
// - leaving a type-scoped context returns one copy per previous context, made once, instead of a new
//   copy each time; it holds exactly the fields jsonld.js's copy holds (no @direction, no processing
//   mode: jsonld.js's copy drops them, and so do we);
// - what was processed for a fresh copy of X (the first step of applying a type-scoped context) is
//   kept under X, where the next application finds it;
// - contexts are resolved from the registered documents by identity, never serialised.
// These caches outlive a call, so they hold only what cannot depend on anything but the two contexts
// involved: every context processed must be a registered static context that passed vet() (no
// @import, @propagate, @direction or string scoped contexts, which the jsonld.js cache gets wrong),
// and a context used both where protected terms may be overridden (property-scoped) and where they
// may not, in one call, ends the call: jsonld.js's own cache is not keyed by that, and we do not
// second-guess what it makes of it. A call that meets anything else gives up (FastPathAbandoned) and
// the dispatcher (credentials/jsonld-shared-contexts.ts) runs it again on jsonld.js as published.
import { loadPrivateJsonld, type JsonLd, type JsonLdInstance } from './jsonld-instances.ts';

interface ActiveContext {
  mappings: Map<string, { protected?: boolean }>;
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

interface ProcessArgs {
  activeCtx: ActiveContext;
  localCtx: unknown;
  options: { contextResolver?: unknown } & Record<string, unknown>;
  overrideProtected?: boolean;
  cycles?: Set<string>;
}

interface ProcessedEntry {
  getProcessed: (activeCtx: ActiveContext) => unknown;
  setProcessed: (activeCtx: ActiveContext, processed: unknown) => void;
}

/** Thrown inside a call on the fast path that meets what it was not proven for. */
export class FastPathAbandoned extends Error {
  constructor(reason: string) {
    super(`JSON-LD fast path abandoned: ${reason}`);
    this.name = 'FastPathAbandoned';
  }
}

/** A context document's contexts, vetted, with one resolved context per override mode. */
interface Entry {
  key: string;
  resolved: [ProcessedEntry, ProcessedEntry];
}

/** A registered static context: the document object a loader returns, and its entry. */
interface Registered {
  document: object;
  entry: Entry;
}

const FORBIDDEN = new Set(['@import', '@propagate', '@direction', '@context']);

/**
 * Whether a context object is one the fast path is proven for: an object whose keys include none of
 * @import, @propagate, @direction (nor @context, which jsonld.js would dereference), and whose term
 * definitions are strings, null, or objects without @direction whose scoped @context, if any, is
 * null or such a context object in turn.
 */
function vet(context: unknown, depth = 0): boolean {
  if (depth > 32 || context === null || typeof context !== 'object' || Array.isArray(context))
    return false;
  for (const [key, value] of Object.entries(context)) {
    if (FORBIDDEN.has(key)) return false;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      // Only @container and the like hold arrays; a term definition is never an array.
      if (!key.startsWith('@')) return false;
      continue;
    }
    for (const [k, v] of Object.entries(value)) {
      if (k === '@direction') return false;
      if (k === '@context' && v !== null && !vet(v, depth + 1)) return false;
    }
  }
  return true;
}

function plainJson(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.every((item) => plainJson(item, depth + 1));
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  if ('toJSON' in value) return false;
  return Object.values(value).every((item) => plainJson(item, depth + 1));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export interface FastJsonLd {
  jsonld: JsonLd;
  /**
   * Registers static contexts: URL → the very document object a document loader returns for it
   * (with `contextUrl` null). Those that pass vet() are frozen and may be processed on the fast path,
   * whenever the call's loader returns that same object.
   */
  register(documents: ReadonlyMap<string, unknown>): void;
  /**
   * Registers context objects that documents carry inline (the service's own): those that pass
   * vet() may be processed on the fast path wherever a document holds one with the same JSON text.
   */
  registerInline(contexts: readonly object[]): void;
  /** Whether a URL is a registered static context the fast path may process. */
  isRegistered(url: string): boolean;
  /** Whether an inline context is plain JSON with the text of one the fast path may process. */
  isKnownInline(context: object): boolean;
  /** Options for one call on the fast path; `abandoned()` says afterwards whether it gave up. */
  startCall(options: object | undefined): { options: object; abandoned: () => boolean };
}

/** Loads the fast copy of jsonld.js. */
export function loadFastJsonld(): FastJsonLd {
  const copiedFrom = new WeakMap<ActiveContext, ActiveContext>();
  const borrowing = new WeakSet<ActiveContext>();
  const cleanCopies = new WeakMap<ActiveContext, ActiveContext>();

  function cowClone(this: ActiveContext): ActiveContext {
    // Field by field in jsonld.js's order and with exactly its fields (so both hidden classes match).
    const child = {} as ActiveContext;
    child.mappings = this.mappings;
    child.clone = this.clone;
    child.inverse = null;
    child.getInverse = this.getInverse;
    child.protected = this.protected;
    if (this.previousContext) child.previousContext = cleanCopy(this.previousContext);
    child.revertToPreviousContext = this.revertToPreviousContext;
    if ('@base' in this) child['@base'] = this['@base'];
    if ('@language' in this) child['@language'] = this['@language'];
    if ('@vocab' in this) child['@vocab'] = this['@vocab'];
    borrowing.add(child);
    copiedFrom.set(child, this);
    return child;
  }

  // jsonld.js copies a previous context every time it is used; a copy is never changed afterwards
  // (process() copies again before it defines anything), so one copy per context serves them all.
  function cleanCopy(context: ActiveContext): ActiveContext {
    let copy = cleanCopies.get(context);
    if (!copy) {
      copy = cowClone.call(context);
      cleanCopies.set(context, copy);
    }
    return copy;
  }

  function revert(this: ActiveContext): ActiveContext {
    return this.previousContext ? cleanCopy(this.previousContext) : this;
  }

  const registry = new Map<string, Registered>();

  // One call's state, reached from the context resolver in its options.
  class Call {
    abandoned = false;
    readonly modes = new Map<string, number>();
    // As jsonld.js within one call: each URL is loaded once.
    readonly loaded = new Map<string, Promise<Entry>>();
    readonly resolvers: Record<'top' | 'strict' | 'override' | 'check', CallResolver>;
    constructor() {
      this.resolvers = {
        top: new CallResolver(this, 0, false),
        strict: new CallResolver(this, 0, true),
        override: new CallResolver(this, 1, true),
        check: new CallResolver(this, 1, false),
      };
    }
    readonly onEvent = ({ event }: { event: { code?: string } }): never => {
      throw this.abandon(`an event during context processing (${event.code ?? 'unknown'})`);
    };
    abandon(reason: string): FastPathAbandoned {
      this.abandoned = true;
      return new FastPathAbandoned(reason);
    }
    load(url: string, documentLoader: unknown): Promise<Entry> {
      let entry = this.loaded.get(url);
      if (!entry) {
        entry = this.loadOnce(url, documentLoader);
        this.loaded.set(url, entry);
      }
      return entry;
    }
    private async loadOnce(url: string, documentLoader: unknown): Promise<Entry> {
      const known = registry.get(url);
      if (!known || typeof documentLoader !== 'function')
        throw this.abandon('a context that is not a registered static context');
      let remote: { document?: unknown; contextUrl?: unknown } | undefined;
      try {
        remote = (await documentLoader(url)) as typeof remote;
      } catch {
        throw this.abandon('the document loader failed');
      }
      if (remote?.document !== known.document || remote.contextUrl)
        throw this.abandon('the document loader returned another document');
      return known.entry;
    }
  }

  const entries = new WeakMap<object, Entry>();

  class CallResolver {
    constructor(
      readonly call: Call,
      readonly mode: 0 | 1,
      readonly track: boolean,
    ) {}
    async resolve({
      context,
      documentLoader,
    }: {
      context: unknown;
      documentLoader: unknown;
    }): Promise<unknown[]> {
      const { call } = this;
      let list = context;
      if (
        list &&
        typeof list === 'object' &&
        !Array.isArray(list) &&
        (list as Record<string, unknown>)['@context']
      ) {
        list = (list as Record<string, unknown>)['@context'];
      }
      const out: unknown[] = [];
      for (const ctx of Array.isArray(list) ? list : [list]) {
        if (ctx === null) {
          out.push(new instance.ResolvedContext({ document: null }));
          continue;
        }
        const entry =
          typeof ctx === 'string'
            ? await call.load(ctx, documentLoader)
            : typeof ctx === 'object'
              ? (entries.get(ctx as object) ?? inlineEntry(ctx as object))
              : undefined;
        if (!entry) throw call.abandon('a context that is not a registered static context');
        if (this.track) {
          const seen = (call.modes.get(entry.key) ?? 0) | (1 << this.mode);
          if (seen === 3)
            throw call.abandon('a context used both with and without protected overrides');
          call.modes.set(entry.key, seen);
        }
        out.push(entry.resolved[this.mode]);
      }
      return out;
    }
  }

  const callOf = (options: ProcessArgs['options']): Call => {
    const resolver = options.contextResolver;
    const call = resolver instanceof CallResolver ? resolver.call : undefined;
    if (!call) throw new FastPathAbandoned('a call that did not start on the fast path');
    return call;
  };

  const processedOnCopiesOf = new WeakMap<object, WeakMap<ActiveContext, unknown>>();
  function copyOf(activeCtx: ActiveContext): ActiveContext | undefined {
    const source = copiedFrom.get(activeCtx);
    return source !== undefined && activeCtx.previousContext === source ? source : undefined;
  }

  const instance: JsonLdInstance = loadPrivateJsonld((load) => {
    const context = load('context.js') as Record<string, (...args: never[]) => unknown>;
    const originalInitial = context['getInitialContext'] as (o: object) => ActiveContext;
    context['getInitialContext'] = (options: object) => {
      const initial = originalInitial(options);
      initial.clone = cowClone;
      initial.revertToPreviousContext = revert;
      return initial;
    };

    const originalDefine = context['createTermDefinition'] as (o: {
      activeCtx: ActiveContext;
    }) => unknown;
    context['createTermDefinition'] = (options: { activeCtx: ActiveContext }) => {
      const { activeCtx } = options;
      if (borrowing.has(activeCtx)) {
        activeCtx.mappings = new Map(activeCtx.mappings);
        activeCtx.protected = { ...activeCtx.protected };
        borrowing.delete(activeCtx);
      }
      return originalDefine(options);
    };

    // Each processing runs with the resolver of its override mode, so that what is cached for one
    // mode is never found for the other; the check of a term's scoped context while its context is
    // defined (the only call with `cycles`) caches under a copy made for it alone, so it is not
    // counted among the uses of a context.
    const originalProcess = context['process'] as (args: ProcessArgs) => Promise<unknown>;
    context['process'] = (args: ProcessArgs) => {
      const call = callOf(args.options);
      const resolver =
        args.overrideProtected === true
          ? 'cycles' in args
            ? call.resolvers.check
            : call.resolvers.override
          : call.resolvers.strict;
      // An event (a warning such as a relative @vocab) ends the call: jsonld.js stores the events
      // of a processing with its result, in an array that the processing of the contexts after it
      // in the same list goes on filling, so a cached result's events are not its own alone.
      const handler = args.options['eventHandler'];
      const eventHandler = handler ? [call.onEvent, handler] : [call.onEvent];
      return originalProcess({
        ...args,
        options: { ...args.options, contextResolver: resolver, eventHandler },
      });
    };

    const resolved = load('ResolvedContext.js') as { prototype: ProcessedEntry };
    const originalGet = resolved.prototype.getProcessed;
    const originalSet = resolved.prototype.setProcessed;
    resolved.prototype.getProcessed = function getProcessed(activeCtx) {
      const source = copyOf(activeCtx);
      const shared = source && processedOnCopiesOf.get(this)?.get(source);
      return shared ?? originalGet.call(this, activeCtx);
    };
    resolved.prototype.setProcessed = function setProcessed(activeCtx, processed) {
      originalSet.call(this, activeCtx, processed);
      const source = copyOf(activeCtx);
      if (!source) return;
      let bySource = processedOnCopiesOf.get(this);
      if (!bySource) processedOnCopiesOf.set(this, (bySource = new WeakMap()));
      bySource.set(source, processed);
    };
  });

  const byJson = new Map<string, Entry>();
  // jsonld.js keys a context object by its JSON text: an object with the text of a vetted context is
  // that context, provided the text says all there is to it (plain JSON: nothing JSON.stringify
  // leaves out or changes, such as undefined, NaN or a toJSON method).
  function inlineEntry(context: object): Entry | undefined {
    return plainJson(context) ? byJson.get(JSON.stringify(context)) : undefined;
  }
  function entryFor(context: object): Entry {
    const known = entries.get(context);
    if (known) return known;
    const key = JSON.stringify(context);
    let entry = byJson.get(key);
    if (!entry) {
      // As jsonld.js does, one resolved context per distinct JSON text: the first object seen.
      const make = () =>
        new instance.ResolvedContext({ document: context }) as unknown as ProcessedEntry;
      entry = { key, resolved: [make(), make()] };
      byJson.set(key, entry);
    }
    entries.set(context, entry);
    for (const definition of Object.values(context)) {
      const scoped = (definition as Record<string, unknown> | null)?.['@context'];
      if (scoped && typeof scoped === 'object') entryFor(scoped);
    }
    return entry;
  }

  return {
    jsonld: instance.jsonld,
    register(documents) {
      for (const [url, document] of documents) {
        const context = (document as Record<string, unknown> | null)?.['@context'];
        if (!vet(context) || registry.has(url)) continue;
        deepFreeze(document);
        registry.set(url, { document: document as object, entry: entryFor(context as object) });
      }
    },
    registerInline(contexts) {
      for (const context of contexts) {
        if (vet(context) && plainJson(context)) entryFor(deepFreeze(structuredClone(context)));
      }
    },
    isRegistered: (url) => registry.has(url),
    isKnownInline: (context) => entries.has(context) || inlineEntry(context) !== undefined,
    startCall(options) {
      const call = new Call();
      return {
        options: { ...(options ?? {}), contextResolver: call.resolvers.top },
        abandoned: () => call.abandoned,
      };
    },
  };
}
