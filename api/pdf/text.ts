// Draws mixed Chinese, Korean and Latin text in a PDFKit document: runs by font, measured, wrapped.
import type { Face, FontSet } from './fonts.ts';

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}

interface Run {
  face: Face;
  text: string;
}

/** Characters a line may break after without a space: CJK ideographs, kana, Hangul, CJK punctuation. */
const BREAKS_ANYWHERE =
  /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3134f}]/u;

export class TextWriter {
  readonly #registered = new Set<string>();

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly fonts: { regular: FontSet; bold: FontSet },
  ) {}

  #runs(text: string, bold: boolean): Run[] {
    const set = bold ? this.fonts.bold : this.fonts.regular;
    const runs: Run[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      // A space takes the face of what it stands between, so a run is not cut at every word.
      const face = cp === 0x20 && runs.length ? runs.at(-1)!.face : (set.faceFor(cp) ?? set.base);
      const last = runs.at(-1);
      if (last && last.face === face) last.text += ch;
      else runs.push({ face, text: ch });
    }
    return runs;
  }

  #use(face: Face, style: TextStyle): PDFKit.PDFDocument {
    if (!this.#registered.has(face.name)) {
      this.doc.registerFont(face.name, face.bytes);
      this.#registered.add(face.name);
    }
    return this.doc.font(face.name).fontSize(style.size);
  }

  width(text: string, style: TextStyle): number {
    let w = 0;
    for (const r of this.#runs(text, style.bold ?? false))
      w += this.#use(r.face, style).widthOfString(r.text);
    return w;
  }

  /**
   * Draws one line with its top at y. With a width, `align` places it in [x, x + width]; text too
   * wide for the width is drawn as it is (callers wrap first).
   */
  line(
    text: string,
    x: number,
    y: number,
    style: TextStyle,
    opts: { width?: number; align?: 'left' | 'center' | 'right' } = {},
  ): void {
    const runs = this.#runs(text, style.bold ?? false);
    const total =
      opts.width !== undefined && opts.align && opts.align !== 'left' ? this.width(text, style) : 0;
    let cx =
      opts.width === undefined || !opts.align || opts.align === 'left'
        ? x
        : opts.align === 'center'
          ? x + (opts.width - total) / 2
          : x + opts.width - total;
    for (const r of runs) {
      const doc = this.#use(r.face, style);
      doc.fillColor(style.color ?? '#111111').text(r.text, cx, y, { lineBreak: false });
      cx += doc.widthOfString(r.text);
    }
  }

  /**
   * Splits text into lines no wider than `width`: at spaces, or between CJK characters; a word
   * wider than a line (a long code or URL) is cut between characters. Widths are summed per token
   * (kerning across tokens is ignored), so a paragraph is measured once, not once per line tried.
   */
  wrap(text: string, width: number, style: TextStyle): string[] {
    const tokens: string[] = [];
    for (const ch of text) {
      const last = tokens.at(-1);
      const joins =
        last !== undefined &&
        ch !== ' ' &&
        !last.endsWith(' ') &&
        !BREAKS_ANYWHERE.test(ch) &&
        !BREAKS_ANYWHERE.test(last.at(-1)!);
      if (joins) tokens[tokens.length - 1] = last + ch;
      else tokens.push(ch);
    }
    const lines: string[] = [];
    let current = '';
    let currentWidth = 0;
    const flush = () => {
      if (current.trim()) lines.push(current.trimEnd());
      current = '';
      currentWidth = 0;
    };
    for (const token of tokens) {
      const tw = this.width(token, style);
      if (current && currentWidth + tw > width && token !== ' ') flush();
      if (!current && token === ' ') continue;
      if (tw <= width) {
        current += token;
        currentWidth += tw;
        continue;
      }
      for (const ch of token) {
        const cw = this.width(ch, style);
        if (current && currentWidth + cw > width) flush();
        current += ch;
        currentWidth += cw;
      }
    }
    flush();
    return lines.length ? lines : [''];
  }

  /** Wraps and draws a paragraph; returns the y below its last line. */
  paragraph(
    text: string,
    x: number,
    y: number,
    width: number,
    style: TextStyle,
    opts: { align?: 'left' | 'center' | 'right'; lineGap?: number } = {},
  ): number {
    const step = style.size * 1.45 + (opts.lineGap ?? 0);
    for (const l of this.wrap(text, width, style)) {
      this.line(l, x, y, style, { width, align: opts.align ?? 'left' });
      y += step;
    }
    return y;
  }
}
