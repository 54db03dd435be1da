// Reads a dropped or chosen file as credential text: JSON or a JWT as it is, or the credential a PDF carries.
export type FileRead =
  | { ok: true; text: string }
  | { ok: false; reason: 'tooLarge' | 'pdfUnreadable' | 'pdfNoCredential' | 'unreadable' };

const MAX_BYTES = 10 * 1024 * 1024;

export async function readFileAsCredential(file: File): Promise<FileRead> {
  if (file.size > MAX_BYTES) return { ok: false, reason: 'tooLarge' };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
      // A printed diploma or transcript: its embedded credential is what gets verified. The PDF
      // reader is its own chunk, loaded only when a PDF is dropped.
      const { credentialFromPdf } = await import('./pdf-credential.ts');
      const found = await credentialFromPdf(bytes);
      return found.ok ? { ok: true, text: found.text } : found;
    }
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}
