// Renders an issued credential as a printable A4 PDF/A-3 document: a diploma or a transcript, in Chinese and English.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { StatusChange } from '../../domain/issuance/index.ts';
import type { Bilingual, PrintedCourse, PrintedCredentialView } from './credential-view.ts';
import { pdfFonts } from './fonts.ts';
import { TextWriter, type TextStyle } from './text.ts';

export interface PdfInput {
  view: PrintedCredentialView;
  /** The credential exactly as issued: embedded byte for byte. */
  serialized: string;
  /** 'vc+jwt' or a Data Integrity cryptosuite. */
  format: string;
  verificationUrl: string;
  /** Where anyone can verify a file: the server's /verify page. */
  verifyPageUrl: string;
  revoked: boolean;
  suspended: boolean;
  history: StatusChange[];
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const INK = '#1d1d1f';
const MUTED = '#55575c';
const RED = '#b3131b';
const GOLD = '#9c7a3c';

const DOCUMENT_TITLES: Record<string, Bilingual> = {
  BachelorDegree: { zh: '学士学位证书', en: "Bachelor's Degree Certificate" },
  MasterDegree: { zh: '硕士学位证书', en: "Master's Degree Certificate" },
  DoctoralDegree: { zh: '博士学位证书', en: 'Doctoral Degree Certificate' },
  AssociateDegree: { zh: '副学士学位证书', en: 'Associate Degree Certificate' },
  Degree: { zh: '学位证书', en: 'Degree Certificate' },
  Diploma: { zh: '毕业证书', en: 'Diploma' },
  Certificate: { zh: '证书', en: 'Certificate' },
  Certification: { zh: '证书', en: 'Certificate' },
  License: { zh: '执业证书', en: 'Licence' },
  CertificateOfCompletion: { zh: '结业证书', en: 'Certificate of Completion' },
  Transcript: { zh: '成绩单', en: 'Academic Transcript' },
};
const ACHIEVEMENT_TITLE: Bilingual = { zh: '学习成果证明', en: 'Certificate of Achievement' };

/** The file name of the embedded credential, by how it was secured. */
export function attachmentOf(format: string): { name: string; type: string } {
  return format === 'vc+jwt'
    ? { name: 'credential.jwt', type: 'application/vc+jwt' }
    : { name: 'credential.json', type: 'application/vc' };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as both languages write it; a timestamp is read in China's time zone (the issuers' own). */
export function bilingualDate(value: string): Bilingual {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  let y: number, m: number, d: number;
  // A credential written through the VC API may carry a date we cannot read: print it as it is.
  if (!dateOnly && Number.isNaN(Date.parse(value))) return { zh: value, en: value };
  if (dateOnly) [y, m, d] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
  else {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(new Date(value));
    const part = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    [y, m, d] = [part('year'), part('month'), part('day')];
  }
  const en = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${y}-${pad(m)}-${pad(d)}T00:00:00Z`));
  return { zh: `${y}年${m}月${d}日`, en };
}

const credits = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export async function renderCredentialPdf(input: PdfInput): Promise<Buffer> {
  const { view } = input;
  const title = DOCUMENT_TITLES[view.achievementType] ?? ACHIEVEMENT_TITLE;
  const issuedAt = Number.isNaN(Date.parse(view.validFrom)) ? new Date() : new Date(view.validFrom);
  const issued = bilingualDate(view.validFrom);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    pdfVersion: '1.7',
    // PDF/A-3: an archival PDF that may carry the credential it renders as an embedded file.
    subset: 'PDF/A-3b',
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    autoFirstPage: true,
    info: {
      Title: `${title.zh} ${title.en} · ${view.holder}`,
      Author: `${view.issuerName.zh} ${view.issuerName.en}`.trim(),
      Subject: `${view.title.zh} ${view.title.en}`.trim(),
      Keywords: `verifiable credential; ${view.id}`,
      CreationDate: issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const w = new TextWriter(doc, pdfFonts());
  const qr = await QRCode.toBuffer(input.verificationUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 2,
    scale: 10,
  });

  if (view.kind === 'transcript') transcript(w, input, title, issued, qr);
  else diploma(w, input, title, issued, qr);
  pageFooters(w, input);

  const attachment = attachmentOf(input.format);
  // PDFKit writes `relationship` as the PDF/A-3 AFRelationship; its type definitions lack it.
  const options: PDFKit.Mixins.PDFAttachmentOptions & { relationship: string } = {
    name: attachment.name,
    type: attachment.type,
    description: 'The verifiable credential exactly as issued / 所签发的可验证凭证原件',
    creationDate: issuedAt,
    modifiedDate: issuedAt,
    relationship: 'Source',
  };
  doc.file(Buffer.from(input.serialized, 'utf8'), options);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** A red banner across the top when the credential is revoked or suspended as it is printed. */
function statusBanner(w: TextWriter, input: PdfInput, y: number): number {
  if (!input.revoked && !input.suspended) return y;
  const action = input.revoked ? 'revoked' : 'suspended';
  const last = [...input.history].reverse().find((h) => h.action === action);
  const when = last ? bilingualDate(last.at) : undefined;
  const zh = `${input.revoked ? '已撤销' : '已暂停'}${when ? `（${when.zh}）` : ''}${last?.reason ? `：${last.reason}` : ''}`;
  const en = `${input.revoked ? 'REVOKED' : 'SUSPENDED'}${when ? ` on ${when.en}` : ''}${last?.reason ? `: ${last.reason}` : ''}`;
  const style: TextStyle = { size: 10, bold: true, color: '#ffffff' };
  const width = A4.width - 2 * MARGIN - 20;
  const lines = [...w.wrap(zh, width, style), ...w.wrap(en, width, style)];
  const height = lines.length * 14 + 10;
  w.doc.rect(MARGIN, y, A4.width - 2 * MARGIN, height).fill(RED);
  lines.forEach((l, i) => w.line(l, MARGIN + 10, y + 6 + i * 14, style));
  return y + height + 8;
}

function frame(w: TextWriter): void {
  const d = w.doc;
  d.lineWidth(2)
    .strokeColor(GOLD)
    .rect(22, 22, A4.width - 44, A4.height - 44)
    .stroke();
  d.lineWidth(0.6)
    .rect(28, 28, A4.width - 56, A4.height - 56)
    .stroke();
}

function diploma(
  w: TextWriter,
  input: PdfInput,
  title: Bilingual,
  issued: Bilingual,
  qr: Buffer,
): void {
  const { view } = input;
  const width = A4.width - 2 * MARGIN - 40;
  const x = MARGIN + 20;
  frame(w);
  let y = statusBanner(w, input, 44);
  y = Math.max(y, 64);
  w.line(
    view.issuerName.zh,
    x,
    y,
    { size: 20, bold: true, color: INK },
    { width, align: 'center' },
  );
  y += 30;
  w.line(view.issuerName.en, x, y, { size: 12, color: MUTED }, { width, align: 'center' });
  y += 44;
  w.line(title.zh, x, y, { size: 32, bold: true, color: RED }, { width, align: 'center' });
  y += 46;
  w.line(title.en, x, y, { size: 16, color: RED }, { width, align: 'center' });
  y += 46;
  const name = view.title.zh || view.title.en;
  y = w.paragraph(
    `兹证明 ${view.holder} 获得${name ? `「${name}」` : '此证书所载之成果'}，特发此证。`,
    x + 20,
    y,
    width - 40,
    { size: 14, color: INK },
    { align: 'center' },
  );
  y = w.paragraph(
    `This is to certify that ${view.holder} has been awarded ${view.title.en || view.title.zh || 'the achievement stated in this certificate'}.`,
    x + 20,
    y + 4,
    width - 40,
    { size: 12, color: INK },
    { align: 'center' },
  );
  y += 18;
  const rows: [Bilingual, string][] = [
    [{ zh: '姓名', en: 'Name' }, view.holder],
    [{ zh: '名称', en: 'Title' }, [view.title.zh, view.title.en].filter(Boolean).join(' / ')],
  ];
  if (view.fieldOfStudy) rows.push([{ zh: '专业', en: 'Field of study' }, view.fieldOfStudy]);
  if (view.level) rows.push([{ zh: '层次', en: 'Level' }, view.level]);
  if (view.honours) rows.push([{ zh: '荣誉', en: 'Honours' }, view.honours]);
  if (view.credits !== undefined) rows.push([{ zh: '学分', en: 'Credits' }, credits(view.credits)]);
  if (view.grade) rows.push([{ zh: '成绩', en: 'Grade' }, view.grade]);
  if (view.awardedOn) {
    const on = bilingualDate(view.awardedOn);
    rows.push([{ zh: '授予日期', en: 'Awarded on' }, `${on.zh} / ${on.en}`]);
  }
  rows.push([{ zh: '签发日期', en: 'Issued on' }, `${issued.zh} / ${issued.en}`]);
  if (view.validUntil) {
    const until = bilingualDate(view.validUntil);
    rows.push([{ zh: '有效期至', en: 'Valid until' }, `${until.zh} / ${until.en}`]);
  }
  rows.push([{ zh: '证书编号', en: 'Credential id' }, view.id]);
  const labelWidth = 150;
  for (const [label, value] of rows) {
    w.line(`${label.zh} ${label.en}`, x + 20, y, { size: 10, color: MUTED });
    y = w.paragraph(value, x + 20 + labelWidth, y, width - 40 - labelWidth, {
      size: 10.5,
      color: INK,
    });
    y += 3;
  }
  // The QR code, the seal and the date sit above the footer, lower only when the details run long.
  const top = Math.max(y + 16, A4.height - 250);
  verificationBlock(w, input, qr, MARGIN + 20, top);
  seal(w, view.issuerName, A4.width - MARGIN - 110, top + 62);
  w.line(
    `${issued.zh}  ${issued.en}`,
    A4.width - MARGIN - 220,
    top + 142,
    { size: 10, color: INK },
    { width: 220, align: 'center' },
  );
}

/** The QR code to the credential's verification page, with the address in words beside it. */
function verificationBlock(w: TextWriter, input: PdfInput, qr: Buffer, x: number, y: number) {
  const size = 96;
  w.doc.image(qr, x, y, { width: size, height: size });
  const tx = x + size + 10;
  const tw = 190;
  let ty = w.paragraph('扫码验证此证书的真伪与当前状态', tx, y + 6, tw, { size: 9.5, bold: true });
  ty = w.paragraph('Scan to verify this credential and its current status', tx, ty, tw, {
    size: 8.5,
    color: MUTED,
  });
  w.paragraph(input.verificationUrl, tx, ty + 2, tw, { size: 6.5, color: MUTED });
}

/** The institution's seal: its Chinese name around the rim, a star, and the seal's purpose. */
function seal(w: TextWriter, name: Bilingual, cx: number, cy: number): void {
  const d = w.doc;
  const r = 58;
  d.save();
  d.fillOpacity(0.9).strokeOpacity(0.9);
  d.lineWidth(2.6).strokeColor(RED).circle(cx, cy, r).stroke();
  d.lineWidth(0.7)
    .circle(cx, cy, r - 5)
    .stroke();
  const text = [...(name.zh || name.en)];
  const size = text.length > 14 ? 9 : text.length > 10 ? 11 : 13;
  const span = Math.min(250, (text.length * (size * 1.25) * (180 / Math.PI)) / (r - 15));
  const style: TextStyle = { size, bold: true, color: RED };
  text.forEach((ch, i) => {
    const angle = 90 + span / 2 - (text.length === 1 ? span / 2 : (i * span) / (text.length - 1));
    const rad = (angle * Math.PI) / 180;
    const px = cx + (r - 16) * Math.cos(rad);
    const py = cy - (r - 16) * Math.sin(rad);
    d.save();
    d.rotate(90 - angle, { origin: [px, py] });
    w.line(ch, px - w.width(ch, style) / 2, py - size * 0.6, style);
    d.restore();
  });
  // A five-pointed star in the middle.
  const star: [number, number][] = [];
  for (let k = 0; k < 10; k++) {
    const rr = k % 2 === 0 ? 15 : 6;
    const a = (-90 + k * 36) * (Math.PI / 180);
    star.push([cx + rr * Math.cos(a), cy - 2 + rr * Math.sin(a)]);
  }
  d.polygon(...star)
    .fillColor(RED)
    .fill();
  w.line(
    '电子证书专用章',
    cx - 40,
    cy + 18,
    { size: 8, bold: true, color: RED },
    {
      width: 80,
      align: 'center',
    },
  );
  d.restore();
  if (name.en)
    w.paragraph(name.en, cx - 80, cy + r + 6, 160, { size: 7, color: MUTED }, { align: 'center' });
}

const COLUMNS: {
  key: keyof PrintedCourse | 'n';
  label: Bilingual;
  width: number;
  align?: 'right' | 'center';
}[] = [
  { key: 'n', label: { zh: '序号', en: '#' }, width: 26, align: 'right' },
  { key: 'name', label: { zh: '课程', en: 'Course' }, width: 205 },
  { key: 'code', label: { zh: '代码', en: 'Code' }, width: 60 },
  { key: 'term', label: { zh: '学期', en: 'Term' }, width: 58 },
  { key: 'credits', label: { zh: '学分', en: 'Credits' }, width: 42, align: 'right' },
  { key: 'grade', label: { zh: '成绩', en: 'Grade' }, width: 54, align: 'center' },
  { key: 'date', label: { zh: '日期', en: 'Date' }, width: 70 },
];
const TABLE_BOTTOM = A4.height - 82;

function transcriptHeader(
  w: TextWriter,
  input: PdfInput,
  title: Bilingual,
  issued: Bilingual,
  qr: Buffer | null,
): number {
  const { view } = input;
  let y = statusBanner(w, input, MARGIN);
  const textWidth = A4.width - 2 * MARGIN - (qr ? 100 : 0);
  w.line(view.issuerName.zh, MARGIN, y, { size: 16, bold: true });
  w.line(view.issuerName.en, MARGIN, y + 22, { size: 10, color: MUTED });
  w.line(`${title.zh}  ${title.en}`, MARGIN, y + 44, { size: 18, bold: true, color: RED });
  y += 74;
  const facts = [
    `姓名 Name: ${view.holder}`,
    `签发日期 Issued on: ${issued.zh} / ${issued.en}`,
    `证书编号 Credential id: ${view.id}`,
  ];
  for (const f of facts) y = w.paragraph(f, MARGIN, y, textWidth, { size: 9.5 });
  if (qr) {
    w.doc.image(qr, A4.width - MARGIN - 88, MARGIN, { width: 88, height: 88 });
    w.line(
      '扫码验证 Scan to verify',
      A4.width - MARGIN - 100,
      MARGIN + 90,
      { size: 7, color: MUTED },
      {
        width: 112,
        align: 'center',
      },
    );
    y = Math.max(y, MARGIN + 104);
  }
  return y + 8;
}

function tableHeader(w: TextWriter, y: number): number {
  let x = MARGIN;
  w.doc.rect(MARGIN, y, A4.width - 2 * MARGIN, 26).fill('#efe9de');
  for (const c of COLUMNS) {
    const opts = { width: c.width - 6, align: c.align ?? 'left' } as const;
    w.line(c.label.zh, x + 3, y + 3, { size: 8.5, bold: true }, opts);
    w.line(c.label.en, x + 3, y + 14, { size: 7, color: MUTED }, opts);
    x += c.width;
  }
  return y + 30;
}

function transcript(
  w: TextWriter,
  input: PdfInput,
  title: Bilingual,
  issued: Bilingual,
  qr: Buffer,
): void {
  const { view } = input;
  let y = tableHeader(w, transcriptHeader(w, input, title, issued, qr));
  const nameCol = COLUMNS[1]!.width - 6;
  view.courses.forEach((course, i) => {
    const zh = course.name.zh ? w.wrap(course.name.zh, nameCol, { size: 9 }) : [];
    const en =
      course.name.en && course.name.en !== course.name.zh
        ? w.wrap(course.name.en, nameCol, { size: 8 })
        : [];
    const height = Math.max(1, zh.length + en.length) * 11.5 + 6;
    if (y + height > TABLE_BOTTOM) {
      w.doc.addPage();
      y = tableHeader(w, transcriptHeader(w, input, title, issued, null));
    }
    if (i % 2 === 1) w.doc.rect(MARGIN, y - 2, A4.width - 2 * MARGIN, height).fill('#f7f5f0');
    let x = MARGIN;
    for (const c of COLUMNS) {
      const opts = { width: c.width - 6, align: c.align ?? 'left' } as const;
      const cell: TextStyle = { size: 9 };
      if (c.key === 'name') {
        zh.forEach((l, k) => w.line(l, x + 3, y + k * 11.5, cell));
        en.forEach((l, k) =>
          w.line(l, x + 3, y + (zh.length + k) * 11.5, { size: 8, color: MUTED }),
        );
      } else {
        const value =
          c.key === 'n'
            ? String(i + 1)
            : c.key === 'credits'
              ? course.credits === undefined
                ? ''
                : credits(course.credits)
              : String(course[c.key] ?? '');
        w.line(value, x + 3, y, cell, opts);
      }
      x += c.width;
    }
    y += height;
  });
  // Totals, then the seal: on a new page when they would not fit below the table.
  const needed = 34 + view.totals.length * 13 + 170;
  if (y + needed > TABLE_BOTTOM) {
    w.doc.addPage();
    y = transcriptHeader(w, input, title, issued, null);
  }
  w.doc
    .moveTo(MARGIN, y + 2)
    .lineTo(A4.width - MARGIN, y + 2)
    .lineWidth(0.8)
    .strokeColor(INK)
    .stroke();
  y += 10;
  const total = view.credits ?? view.courses.reduce((s, c) => s + (c.credits ?? 0), 0);
  w.line(
    `课程 ${view.courses.length} 门，总学分 ${credits(total)}    ${view.courses.length} courses, ${credits(total)} credits in total`,
    MARGIN,
    y,
    {
      size: 10,
      bold: true,
    },
  );
  y += 18;
  for (const t of view.totals) {
    w.line(`${t.category}: ${credits(t.credits)}`, MARGIN + 12, y, { size: 9, color: MUTED });
    y += 13;
  }
  seal(w, view.issuerName, A4.width - MARGIN - 90, y + 70);
  w.line(
    `${issued.zh}  ${issued.en}`,
    A4.width - MARGIN - 200,
    y + 146,
    { size: 9.5 },
    {
      width: 220,
      align: 'center',
    },
  );
}

/** On every page: what the document carries, where to verify it, and the page number. */
function pageFooters(w: TextWriter, input: PdfInput): void {
  const range = w.doc.bufferedPageRange();
  const attachment = attachmentOf(input.format).name;
  for (let i = range.start; i < range.start + range.count; i++) {
    w.doc.switchToPage(i);
    const y = A4.height - 74;
    const width = A4.width - 2 * MARGIN - 70;
    let ty = w.paragraph(
      `本文件内嵌所签发的可验证凭证原件（附件 ${attachment}），可在 ${input.verifyPageUrl} 上传本 PDF 验证。`,
      MARGIN,
      y,
      width,
      { size: 7, color: MUTED },
    );
    w.paragraph(
      `This PDF carries the verifiable credential exactly as issued (attachment ${attachment}); verify it by uploading this PDF at ${input.verifyPageUrl}.`,
      MARGIN,
      ty,
      width,
      { size: 7, color: MUTED },
    );
    w.line(
      `第 ${i - range.start + 1} / ${range.count} 页`,
      A4.width - MARGIN - 70,
      y,
      { size: 7.5, color: MUTED },
      {
        width: 70,
        align: 'right',
      },
    );
    ty = y + 11;
    w.line(
      `Page ${i - range.start + 1} of ${range.count}`,
      A4.width - MARGIN - 70,
      ty,
      { size: 7.5, color: MUTED },
      {
        width: 70,
        align: 'right',
      },
    );
  }
}
