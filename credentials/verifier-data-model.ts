// The data model checks made before any proof: contexts, types, issuer, subject, dates.
import { VC_V1_CONTEXT, VC_V2_CONTEXT } from './contexts/index.ts';
import { isBundledContext } from './documentLoader.ts';
import { issuerIdOf } from './issuer.ts';
import { asArray, check, isObject, passed, type Check } from './verifier-report.ts';

const DATE_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

interface Shape {
  ok: boolean;
  detail?: string;
}

export function checkShape(
  credential: Record<string, unknown>,
  kind: 'credential' | 'presentation',
): Shape {
  const context = credential['@context'];
  const contexts = asArray(context);
  if (contexts.length === 0) return { ok: false, detail: '"@context" is missing.' };
  if (contexts[0] !== VC_V2_CONTEXT && contexts[0] !== VC_V1_CONTEXT) {
    return {
      ok: false,
      detail: `The first "@context" must be "${VC_V2_CONTEXT}" or "${VC_V1_CONTEXT}".`,
    };
  }
  const types = asArray(credential['type']);
  const required = kind === 'credential' ? 'VerifiableCredential' : 'VerifiablePresentation';
  if (!types.includes(required)) return { ok: false, detail: `"type" must include "${required}".` };
  if (kind === 'presentation') return { ok: true };
  if (!issuerIdOf(credential))
    return { ok: false, detail: '"issuer" must be a URL or an object with an id.' };
  const subjects = asArray(credential['credentialSubject']);
  if (subjects.length === 0 || !subjects.every(isObject)) {
    return { ok: false, detail: '"credentialSubject" must be an object.' };
  }
  for (const prop of ['validFrom', 'validUntil', 'issuanceDate', 'expirationDate']) {
    const value = credential[prop];
    if (
      value !== undefined &&
      (typeof value !== 'string' || !DATE_RE.test(value) || Number.isNaN(Date.parse(value)))
    ) {
      return { ok: false, detail: `"${prop}" must be an XML Schema dateTime.` };
    }
  }
  if (context === VC_V1_CONTEXT || (Array.isArray(context) && context[0] === VC_V1_CONTEXT)) {
    if (typeof credential['issuanceDate'] !== 'string')
      return { ok: false, detail: '"issuanceDate" is required.' };
  }
  for (const prop of ['credentialStatus', 'evidence', 'proof']) {
    for (const value of asArray(credential[prop])) {
      if (prop === 'evidence' && typeof value === 'string') continue;
      if (!isObject(value) || value['type'] === undefined) {
        return { ok: false, detail: `"${prop}" must be an object with a type.` };
      }
    }
  }
  return { ok: true };
}

export function checkContexts(document: Record<string, unknown>): Check {
  for (const context of asArray(document['@context'])) {
    if (typeof context === 'string') {
      if (!isBundledContext(context))
        return check('context', 'failed', 'CONTEXT_UNKNOWN', `"${context}"`);
    } else if (!isObject(context)) {
      return check('context', 'failed', 'CONTEXT_UNKNOWN');
    }
  }
  return passed('context');
}
