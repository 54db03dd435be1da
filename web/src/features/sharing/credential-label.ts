// A one-line description of an issued credential for the learner's lists: its name, issuer and date.
import { jwtPayload, readCredential, type Lang } from '../shared/credential-reader.ts';

export function credentialName(serialized: string, lang: Lang): string {
  let doc: Record<string, unknown> | undefined;
  try {
    doc = serialized.trim().startsWith('{')
      ? (JSON.parse(serialized) as Record<string, unknown>)
      : jwtPayload(serialized);
  } catch {
    doc = undefined;
  }
  return doc ? readCredential(doc, lang).name : '';
}
