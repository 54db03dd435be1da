// The one JSON-LD document loader: bundled contexts, did:key locally, did:web through the caller; nothing else.
import { registerInlineContexts, registerStaticContexts } from './jsonld-shared-contexts.ts';
import { CREDITBANK_CONTEXT } from './builders.ts';
import { bundledContexts } from './contexts/index.ts';
import { findVerificationMethod, resolveDidKey } from './did.ts';

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
  tag?: 'static';
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

export type DidResolver = (did: string) => Promise<object | null>;

/** Thrown for any URL the loader will not serve; the verifier reports it as CONTEXT_UNKNOWN. */
export class DocumentNotAllowedError extends Error {
  readonly code = 'CONTEXT_UNKNOWN';
  readonly url: string;
  constructor(url: string, reason: string) {
    super(`Refusing to load "${url}": ${reason}`);
    this.name = 'DocumentNotAllowedError';
    this.url = url;
  }
}

/** Thrown when a DID or one of its keys cannot be resolved. */
export class DidNotFoundError extends Error {
  readonly code = 'DID_NOT_FOUND';
  readonly url: string;
  constructor(url: string) {
    super(`The DID or verification method "${url}" could not be resolved.`);
    this.name = 'DidNotFoundError';
    this.url = url;
  }
}

// One frozen result object per context, tagged 'static': jsonld then keeps the processed (resolved)
// context in its shared cache, so each context is parsed once per process instead of once per call.
const contextResults = new Map<string, RemoteDocument>(
  [...bundledContexts].map(([url, document]) => [
    url,
    Object.freeze({ contextUrl: null, documentUrl: url, document, tag: 'static' as const }),
  ]),
);

// The fast JSON-LD path may process these when a call's loader returns exactly these documents, and
// the context our transcripts carry inline wherever a document holds it unchanged.
registerStaticContexts(bundledContexts);
registerInlineContexts([CREDITBANK_CONTEXT]);

/** Whether a context URL is one of the bundled contexts. */
export function isBundledContext(url: string): boolean {
  return contextResults.has(url);
}

const DID_KEY_CACHE_MAX = 1000;
const didKeyCache = new Map<string, Promise<RemoteDocument>>();

function loadDidKey(url: string): Promise<RemoteDocument> {
  let result = didKeyCache.get(url);
  if (!result) {
    result = resolveDidKey(url).then((document) => ({
      contextUrl: null,
      documentUrl: url,
      document,
    }));
    result.catch(() => didKeyCache.delete(url));
    if (didKeyCache.size >= DID_KEY_CACHE_MAX) {
      const oldest = didKeyCache.keys().next().value;
      if (oldest !== undefined) didKeyCache.delete(oldest);
    }
    didKeyCache.set(url, result);
  }
  return result;
}

/**
 * Creates the offline document loader used to issue and verify.
 *
 * @param options.resolveDid - Resolves a did:web to its DID document (null when unknown); without it,
 *   did:web URLs are refused.
 * @returns A jsonld document loader: bundled contexts, did:key resolved locally, did:web (and its key
 *   URLs) through resolveDid; every other URL is refused with DocumentNotAllowedError.
 */
export function createDocumentLoader(options: { resolveDid?: DidResolver } = {}): DocumentLoader {
  const { resolveDid } = options;
  return async function documentLoader(url: string): Promise<RemoteDocument> {
    const context = contextResults.get(url);
    if (context) return context;
    if (typeof url !== 'string') throw new DocumentNotAllowedError(String(url), 'not a URL.');
    if (url.startsWith('did:key:')) {
      try {
        return await loadDidKey(url);
      } catch {
        throw new DidNotFoundError(url);
      }
    }
    if (url.startsWith('did:web:')) {
      if (!resolveDid) throw new DocumentNotAllowedError(url, 'no did:web resolver is configured.');
      const did = url.split('#')[0] ?? url;
      const document = (await resolveDid(did)) as Record<string, unknown> | null;
      if (!document || document['id'] !== did) throw new DidNotFoundError(url);
      if (!url.includes('#')) return { contextUrl: null, documentUrl: url, document };
      const method = findVerificationMethod(document, url);
      if (!method) throw new DidNotFoundError(url);
      return { contextUrl: null, documentUrl: url, document: method };
    }
    throw new DocumentNotAllowedError(
      url,
      'only bundled contexts and DIDs are loaded; nothing is fetched from the network.',
    );
  };
}
