// Reads a dropped or chosen file as credential text: JSON or a JWT as it is.
export type FileRead =
  { ok: true; text: string } | { ok: false; reason: 'tooLarge' | 'pdf' | 'unreadable' };

const MAX_BYTES = 10 * 1024 * 1024;

export async function readFileAsCredential(file: File): Promise<FileRead> {
  if (file.size > MAX_BYTES) return { ok: false, reason: 'tooLarge' };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
      // Reading a PDF diploma's embedded credential is not built yet: say so rather than paste bytes.
      return { ok: false, reason: 'pdf' };
    }
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}
