// The PDF's fonts, bundled from the @fontsource npm packages: Noto Sans SC (Latin, CJK) and KR, by glyph coverage.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';

/**
 * One face the document may use, read from the package's WOFF files and handed to PDFKit as
 * TrueType: PDFKit subsets a TrueType font to the glyphs used (a diploma carries ~15 KB of font),
 * while a WOFF2 one would be embedded whole (1.2 MB).
 */
export interface Face {
  /** The name it is registered under in a document. */
  name: string;
  bytes: Buffer;
  has(codePoint: number): boolean;
}

export type Weight = 400 | 700;

const require = createRequire(import.meta.url);
const filesOf = (pkg: string) =>
  path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files');
const SC = filesOf('@fontsource/noto-sans-sc');
const KR = filesOf('@fontsource/noto-sans-kr');

/**
 * A WOFF font as the TrueType font it wraps (tables inflated once, here, by zlib). fontkit reads
 * WOFF tables through a JavaScript inflater on every access: a CJK font's glyph table took seconds
 * per document that way, and milliseconds from the TrueType bytes.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF font');
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({
      tag: woff.readUInt32BE(at),
      checksum: woff.readUInt32BE(at + 16),
      data: compLength < origLength ? inflateSync(raw) : Buffer.from(raw),
    });
  }
  const header = Buffer.alloc(12 + count * 16);
  const entrySelector = Math.floor(Math.log2(count));
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(2 ** entrySelector * 16, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(count * 16 - 2 ** entrySelector * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((t, i) => {
    header.writeUInt32BE(t.tag, 12 + i * 16);
    header.writeUInt32BE(t.checksum, 16 + i * 16);
    header.writeUInt32BE(offset, 20 + i * 16);
    header.writeUInt32BE(t.data.length, 24 + i * 16);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

function face(name: string, file: string): Face {
  const bytes = woffToSfnt(readFileSync(file));
  const font = fontkit.create(bytes) as fontkit.Font;
  return { name, bytes, has: (cp) => font.hasGlyphForCodePoint(cp) };
}

/** The CSS's unicode ranges of the numbered subsets (rarer characters), to load one only when needed. */
function numberedSubsets(weight: Weight): { file: string; ranges: [number, number][] }[] {
  const css = readFileSync(path.join(SC, '..', `${weight}.css`), 'utf8');
  const out: { file: string; ranges: [number, number][] }[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/(noto-sans-sc-\d+-\d+-normal)\.woff2\)/.exec(block)?.[1];
    const ranges = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !ranges) continue;
    out.push({
      file: `${file}.woff`,
      ranges: ranges.split(',').map((r) => {
        const [lo, hi] = r.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(lo!, 16), parseInt(hi ?? lo!, 16)];
      }),
    });
  }
  return out;
}

/**
 * The faces of one weight in the order they are tried for a character: Latin first (so digits and
 * letters stay in one face), then simplified Chinese, Korean, and the numbered Chinese subsets,
 * which are read from disk the first time a character needs one.
 */
export class FontSet {
  readonly #primary: Face[];
  readonly #subsets: { file: string; ranges: [number, number][]; face?: Face }[];
  readonly #byCodePoint = new Map<number, Face | null>();

  constructor(readonly weight: Weight) {
    const sc = (subset: string) =>
      face(`sc-${subset}-${weight}`, path.join(SC, `noto-sans-sc-${subset}-${weight}-normal.woff`));
    this.#primary = [
      sc('latin'),
      sc('latin-ext'),
      sc('chinese-simplified'),
      face(`kr-korean-${weight}`, path.join(KR, `noto-sans-kr-korean-${weight}-normal.woff`)),
      sc('cyrillic'),
      sc('vietnamese'),
    ];
    this.#subsets = numberedSubsets(weight);
  }

  /** The face that draws this character, or null when none of the bundled ones has it. */
  faceFor(codePoint: number): Face | null {
    const known = this.#byCodePoint.get(codePoint);
    if (known !== undefined) return known;
    let found: Face | null = this.#primary.find((f) => f.has(codePoint)) ?? null;
    if (!found) {
      for (const s of this.#subsets) {
        if (!s.ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi)) continue;
        s.face ??= face(s.file.replace(/\.woff$/, ''), path.join(SC, s.file));
        if (s.face.has(codePoint)) found = s.face;
        break;
      }
    }
    this.#byCodePoint.set(codePoint, found);
    return found;
  }

  /** The face for text with no character of its own (spacing): the Latin one. */
  get base(): Face {
    return this.#primary[0]!;
  }
}

let fonts: { regular: FontSet; bold: FontSet } | undefined;

/** The two weights, read once per process. */
export function pdfFonts(): { regular: FontSet; bold: FontSet } {
  return (fonts ??= { regular: new FontSet(400), bold: new FontSet(700) });
}
