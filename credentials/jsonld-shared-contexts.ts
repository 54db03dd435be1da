// Routes every call of jsonld.js: to the fast copy when it is proven to give the published result, else to jsonld.js as published.
//
// @digitalbazaar/vc and the cryptosuites call the jsonld.js that `import 'jsonld'` gives; its functions
// are replaced here by routers, and its own code is left as published. A call goes to the fast copy
// (credentials/jsonld-fast-path.ts) when its document loader was registered with the static contexts
// it serves and every @context in the call is one of those URLs (or null); anything else (an inline
// context, an unknown URL, a relative one, more than ten URLs in one array, unusual options, a string
// to load) goes to jsonld.js as published. If the fast copy meets something it was not proven for,
// it gives up and the call runs again as published.
//
// Every call on the published path gets an empty context cache of its own: jsonld.js as published
// keeps processed contexts for the life of the process, keyed in ways that let an earlier call
// change a later result (an @import merged by one context is found by another; a context processed
// where protected terms may be overridden is found where they may not). So each call gives what
// jsonld.js gives as the first call of a freshly started process, whatever came before.
//
// test/unit/credentials/jsonld-differential.test.ts and `npm run fuzz` compare every route with an
// untouched copy of jsonld.js on random documents; docs/jsonld-speedup.md says what is kept and why.
import {
  freshCacheOptions,
  jsonldVersion,
  sharedInstance,
  sharedJsonld,
} from './jsonld-instances.ts';
import { loadFastJsonld } from './jsonld-fast-path.ts';

// Written against jsonld.js 9.0.0; another version runs as published until this has been checked
// against it (the test then fails, saying so).
const supported = jsonldVersion === '9.0.0';

const fast = loadFastJsonld();
let routing = supported;

/**
 * Registers static contexts: URL → the very document object the document loader returns for it, with
 * `contextUrl` null. A call whose every @context is one of these URLs may take the fast path; it
 * checks, as it loads each, that the call's loader returns that same object.
 */
export function registerStaticContexts(documents: ReadonlyMap<string, unknown>): void {
  fast.register(new Map([...documents].filter(([url]) => ABSOLUTE_IRI.test(url))));
}

const ABSOLUTE_IRI = /^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$/;

// Options the fast path has been checked with; any other sends the call to the published path.
const FAST_OPTIONS = new Set([
  'documentLoader',
  'safe',
  'base',
  'algorithm',
  'format',
  'rdfDirection',
  'produceGeneralizedRdf',
  'skipExpansion',
  'compactToRelative',
  'compactArrays',
  'graph',
  'keepFreeFloatingNodes',
]);

const MAX_CONTEXT_URLS = 10;

/**
 * Registers context objects that documents carry inline (the service's own): a call whose inline
 * contexts all have the JSON text of one of these (and pass the fast path's vetting) may take it.
 */
export function registerInlineContexts(contexts: readonly object[]): void {
  fast.registerInline(contexts);
}

const knownContext = (value: unknown): boolean =>
  value === null ||
  (typeof value === 'string'
    ? fast.isRegistered(value)
    : typeof value === 'object' && !Array.isArray(value) && fast.isKnownInline(value));

/** Whether a @context value holds only registered contexts (or null), at most ten in one array. */
function knownContexts(value: unknown): boolean {
  if (!Array.isArray(value)) return knownContext(value);
  return value.length <= MAX_CONTEXT_URLS && value.every(knownContext);
}

/** Every @context anywhere in the document is a registered URL (or null); no cycles. */
function onlyKnownContexts(document: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [document];
  while (stack.length) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (seen.has(value)) return false;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    for (const key in value) {
      const child = (value as Record<string, unknown>)[key];
      if (key !== '@context') stack.push(child);
      else if (!knownContexts(child)) return false;
    }
  }
  return true;
}

function fastOptions(options: unknown): boolean {
  if (options === null || typeof options !== 'object') return false;
  if (typeof (options as Record<string, unknown>)['documentLoader'] !== 'function') return false;
  for (const key of Object.keys(options)) if (!FAST_OPTIONS.has(key)) return false;
  return true;
}

type Original = (...args: unknown[]) => Promise<unknown>;
const originals = new Map<string, Original>();

/**
 * How each function's arguments are laid out: where its options are, and which other arguments
 * carry contexts (compact's context). Functions not listed here always run as published.
 */
const FAST_FUNCTIONS: Record<string, { options: number; contexts: number[] }> = {
  expand: { options: 1, contexts: [] },
  compact: { options: 2, contexts: [1] },
  toRDF: { options: 1, contexts: [] },
  canonize: { options: 1, contexts: [] },
  normalize: { options: 1, contexts: [] },
};
const OPTIONS_AT: Record<string, number> = {
  ...Object.fromEntries(Object.entries(FAST_FUNCTIONS).map(([k, v]) => [k, v.options])),
  flatten: 2,
  frame: 2,
  link: 2,
  fromRDF: 1,
  createNodeMap: 1,
  merge: 2,
  processContext: 2,
};

function fastRoute(name: string, args: unknown[]): boolean {
  const layout = FAST_FUNCTIONS[name];
  if (!layout || args.length <= layout.options || !fastOptions(args[layout.options])) return false;
  if (typeof args[0] !== 'object' || args[0] === null || !onlyKnownContexts(args[0])) return false;
  for (const at of layout.contexts) {
    let ctx = args[at];
    if (ctx && typeof ctx === 'object' && !Array.isArray(ctx) && '@context' in ctx) {
      ctx = (ctx as Record<string, unknown>)['@context'];
    }
    if (!knownContexts(ctx)) return false;
  }
  return true;
}

const counts = { fast: 0, published: 0, abandoned: 0 };

/** How many calls took each route since the process started (for tests and the benchmark). */
export function jsonldRouteCounts(): Readonly<typeof counts> {
  return { ...counts };
}

function published(name: string, args: unknown[]): Promise<unknown> {
  counts.published++;
  const original = originals.get(name)!;
  const at = OPTIONS_AT[name];
  // With too few arguments jsonld.js throws its own TypeError; leave the arguments as they are.
  if (at === undefined || args.length < at) return original.apply(sharedJsonld, args);
  const withCache = [...args];
  withCache[at] = freshCacheOptions(sharedInstance, args[at] as object | undefined);
  return original.apply(sharedJsonld, withCache);
}

async function route(name: string, args: unknown[]): Promise<unknown> {
  if (!fastRoute(name, args)) return published(name, args);
  const at = FAST_FUNCTIONS[name]!.options;
  const call = fast.startCall(args[at] as object);
  const fastArgs = [...args];
  fastArgs[at] = call.options;
  const run = fast.jsonld[name] as Original;
  try {
    const result = await run.apply(fast.jsonld, fastArgs);
    if (!call.abandoned()) {
      counts.fast++;
      return result;
    }
  } catch (error) {
    if (!call.abandoned()) {
      counts.fast++;
      throw error;
    }
  }
  counts.abandoned++;
  return published(name, args);
}

for (const name of Object.keys(OPTIONS_AT)) {
  const original = sharedJsonld[name] as Original;
  originals.set(name, original);
  sharedJsonld[name] = function routed(...args: unknown[]): Promise<unknown> {
    // Calls inside a call (canonize → toRDF → expand) carry its context resolver: as published.
    if (!routing) return original.apply(sharedJsonld, args);
    const options = args[OPTIONS_AT[name]!] as Record<string, unknown> | undefined;
    if (options && typeof options === 'object' && options['contextResolver']) {
      return original.apply(sharedJsonld, args);
    }
    return route(name, args);
  };
}

/**
 * Turns the routing on (the default) or off (jsonld.js as published, with its process-wide context
 * cache: the baseline of the benchmark).
 */
export function useSharedActiveContexts(enabled: boolean): void {
  routing = enabled && supported;
}

/** Whether calls of jsonld.js are routed (fast path where proven, else published, fresh cache). */
export function sharedActiveContextsInUse(): boolean {
  return routing && sharedJsonld['expand'] !== originals.get('expand');
}
