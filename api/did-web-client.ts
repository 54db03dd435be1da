// Resolves a foreign did:web over HTTPS, only when ALLOW_FOREIGN_DID_WEB is set; bounded in time and size.
const MAX_BYTES = 256 * 1024;

export async function fetchDidWeb(did: string): Promise<object | null> {
  const m = /^did:web:([^:]+)((?::[^:]+)*)$/.exec(did);
  if (!m) return null;
  const host = decodeURIComponent(m[1]!);
  const path = m[2]
    ? `${m[2].split(':').slice(1).map(decodeURIComponent).join('/')}/did.json`
    : '.well-known/did.json';
  try {
    const res = await fetch(`https://${host}/${path}`, {
      signal: AbortSignal.timeout(5000),
      redirect: 'error',
    });
    if (!res.ok) return null;
    const text = await res.text();
    if (text.length > MAX_BYTES) return null;
    const doc = JSON.parse(text) as { id?: unknown };
    return doc.id === did ? doc : null;
  } catch {
    return null;
  }
}
