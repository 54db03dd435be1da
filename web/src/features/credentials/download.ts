// Saves a credential as a file: as issued (JSON or JWT), or as the printable PDF the server renders.
import { SessionExpired, reportSessionExpired } from '../../lib/graphql.ts';

/** The path part of a credential id: a urn:uuid loses its prefix (as the server's routes expect). */
export const credentialPathId = (id: string) =>
  id.startsWith('urn:uuid:') ? id.slice('urn:uuid:'.length) : encodeURIComponent(id);

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once it started; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadIssued(c: { id: string; serialized: string; format: string }): void {
  const jwt = c.format === 'VC_JWT';
  save(
    new Blob([c.serialized], { type: jwt ? 'application/vc+jwt' : 'application/vc' }),
    `credential-${credentialPathId(c.id)}.${jwt ? 'jwt' : 'json'}`,
  );
}

/** Asks the server for the PDF with the session's token; the server's reason when it refuses. */
export async function downloadPdf(id: string, token: string): Promise<void> {
  const res = await fetch(`/credentials/${credentialPathId(id)}.pdf`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/pdf' },
  });
  if (res.status === 401) {
    reportSessionExpired();
    throw new SessionExpired('session');
  }
  if (!res.ok) {
    let detail = `${res.status}`;
    try {
      detail = ((await res.json()) as { detail?: string }).detail ?? detail;
    } catch {
      // not a problem document: the status says enough
    }
    throw new Error(detail);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  save(await res.blob(), name ?? `credential-${credentialPathId(id)}.pdf`);
}
