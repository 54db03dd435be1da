// Finds the credential a printed PDF carries as an embedded file (pdf-lib, loaded only when a PDF is dropped).
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  decodePDFRawStream,
} from 'pdf-lib';

export type PdfCredential =
  | { ok: true; text: string; fileName: string }
  | { ok: false; reason: 'pdfUnreadable' | 'pdfNoCredential' };

interface Embedded {
  name: string;
  bytes: Uint8Array;
}

const text = (v: unknown): string =>
  v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : '';

/** Every embedded file of the document's name tree (/Names /EmbeddedFiles), kids included. */
function embeddedFiles(doc: PDFDocument): Embedded[] {
  const out: Embedded[] = [];
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const root = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const seen = new Set<PDFDict>();
  const walk = (node: PDFDict | undefined, depth: number) => {
    if (!node || seen.has(node) || depth > 32) return;
    seen.add(node);
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; pairs && i + 1 < pairs.size(); i += 2) {
      const spec = pairs.lookup(i + 1);
      if (!(spec instanceof PDFDict)) continue;
      const ef = spec.lookupMaybe(PDFName.of('EF'), PDFDict);
      const stream = ef?.lookup(PDFName.of('F'));
      if (!(stream instanceof PDFRawStream)) continue;
      const name =
        text(spec.lookup(PDFName.of('UF'))) ||
        text(spec.lookup(PDFName.of('F'))) ||
        text(pairs.lookup(i));
      out.push({ name, bytes: decodePDFRawStream(stream).decode() });
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) walk(kid, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}

/** A credential's text: a JSON object with a type, or a compact JWS. */
function looksLikeCredential(t: string): boolean {
  const s = t.trim();
  if (/^[\w-]+\.[\w-]+\.[\w-]*$/.test(s)) return true;
  if (!s.startsWith('{')) return false;
  try {
    const v = JSON.parse(s) as unknown;
    return !!v && typeof v === 'object' && 'type' in v;
  } catch {
    return false;
  }
}

/**
 * The credential embedded in a PDF: the attachment named credential.json or credential.jwt (as
 * this credit bank prints them), else the first attachment that reads as a credential.
 */
export async function credentialFromPdf(bytes: Uint8Array): Promise<PdfCredential> {
  let files: Embedded[];
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    files = embeddedFiles(doc);
  } catch {
    return { ok: false, reason: 'pdfUnreadable' };
  }
  const decoded = files.flatMap((f) => {
    try {
      return [{ name: f.name, text: new TextDecoder('utf-8', { fatal: true }).decode(f.bytes) }];
    } catch {
      return [];
    }
  });
  const ours = decoded.find((f) => /^credential\.(json|jwt)$/.test(f.name));
  const found =
    ours && looksLikeCredential(ours.text)
      ? ours
      : decoded.find((f) => looksLikeCredential(f.text));
  return found
    ? { ok: true, text: found.text, fileName: found.name }
    : { ok: false, reason: 'pdfNoCredential' };
}
