// Printable PDF diplomas and transcripts: parsed back, their embedded credential verified, their QR code decoded.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../domain/identity/access.ts';
import type { IssuedCredentialRecord } from '../../domain/issuance/credential-ports.ts';
import { credentialFromPdf } from '../../web/src/features/verify/pdf-credential.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let server: Server;
let base: string;
let degree: IssuedCredentialRecord;
let jwtCourse: IssuedCredentialRecord;
let transcript: IssuedCredentialRecord;
let clock = new Date('2026-07-01T02:00:00Z');
const PUBLIC_URL = 'https://creditbank.test';
const COURSES = 60;
// jsqr is CommonJS: its default export arrives as the module itself under this project's ESM.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;
const entries: string[] = [];

/** Set CREDITBANK_PDF_SAMPLES to a folder to keep the PDFs this test makes (docs/pdf.md renders them). */
const samples = process.env['CREDITBANK_PDF_SAMPLES'];
function keep(name: string, pdf: Uint8Array) {
  if (!samples) return;
  mkdirSync(samples, { recursive: true });
  writeFileSync(path.join(samples, name), pdf);
}

async function download(id: string, token: string | undefined) {
  const res = await fetch(`${base}/credentials/${id.replace(/^urn:uuid:/, '')}.pdf`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function pdfText(
  bytes: Uint8Array,
): Promise<{ pages: string[]; attachments: Record<string, string> }> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  const attachments: Record<string, string> = {};
  const found: Record<string, { filename: string; content: Uint8Array }> =
    (await pdf.getAttachments()) ?? {};
  for (const a of Object.values(found))
    attachments[a.filename] = new TextDecoder().decode(a.content);
  await pdf.destroy();
  return { pages, attachments };
}

/** Decodes every image on the first page that is a QR code (images are stored as RGB with an alpha mask). */
async function qrCodes(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const found: string[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    if (obj.dict.get(PDFName.of('Subtype'))?.toString() !== '/Image') continue;
    if (obj.dict.get(PDFName.of('ColorSpace'))?.toString() !== '/DeviceRGB') continue;
    const width = Number(obj.dict.get(PDFName.of('Width'))?.toString());
    const height = Number(obj.dict.get(PDFName.of('Height'))?.toString());
    const rgb = decodePDFRawStream(obj).decode();
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      rgba.set([rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!, 255], i * 4);
    }
    const code = jsQR(rgba, width, height);
    if (code) found.push(code.data);
  }
  return found;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock, config: { PUBLIC_URL } });
  w = await createWorld(t);
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const s = t.services;
  for (let i = 1; i <= COURSES; i++) {
    const code = `CS${String(i).padStart(3, '0')}`;
    await s.catalogue.define(SYSTEM, w.instA.id, {
      code,
      title: {
        zh: i === 7 ? '数据结构与算法分析（含课程设计与综合实验）' : `计算机科学专题 ${i}`,
        en:
          i === 7
            ? 'Data Structures and Algorithm Analysis (with Project and Lab)'
            : `Topics in Computer Science ${i}`,
      },
      credits: 2 + (i % 3),
      creditSystem: 'CN',
      level: 6,
      category: i % 2 ? 'major' : 'general',
      hours: 32,
    });
    const o = await s.ledger.recordAchievement(SYSTEM, w.instA.id, {
      learnerId: w.learner1.id,
      sourceRecordId: `pdf-${i}`,
      kind: 'course',
      courseCode: code,
      earnedAt: '2026-06-20',
      term: '2025-2026-2',
      grade: { score: 60 + (i % 40) },
    });
    if (o.status === 'conflict') throw new Error(o.message);
    entries.push(o.entry.id);
  }
  degree = await s.credentials.issue(SYSTEM, {
    institutionId: w.instA.id,
    learnerId: w.learner1.id,
    what: {
      kind: 'qualification',
      qualificationType: 'bachelor',
      name: { zh: '工学学士学位', en: 'Bachelor of Engineering' },
      level: 6,
      fieldOfStudy: '计算机科学与技术 Computer Science and Technology',
      evidenceEntryIds: entries.slice(0, 3),
      awardedAt: '2026-06-30',
    },
    requestKey: 'pdf-degree',
  });
  jwtCourse = await s.credentials.issue(SYSTEM, {
    institutionId: w.instA.id,
    learnerId: w.learner1.id,
    what: { kind: 'achievement', entryId: entries[6]! },
    format: 'vc+jwt',
    requestKey: 'pdf-course-jwt',
  });
  transcript = await s.credentials.issue(SYSTEM, {
    institutionId: w.instA.id,
    learnerId: w.learner1.id,
    what: { kind: 'transcript' },
    requestKey: 'pdf-transcript',
  });
  clock = new Date('2026-07-02T02:00:00Z');
}, 240_000);

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.close();
});

describe('a credential as a printable PDF', () => {
  it('prints a degree in both languages, with the credential embedded exactly as issued, and it verifies', async () => {
    const { res, bytes } = await download(degree.id, w.tokens.learner1);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="credential-[\w-]+\.pdf"$/,
    );
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    keep('degree.pdf', bytes);
    expect(new TextDecoder().decode(bytes.slice(0, 8))).toBe('%PDF-1.7');

    const { pages, attachments } = await pdfText(bytes);
    expect(pages).toHaveLength(1);
    const page = pages[0]!.replace(/\s+/g, ' ');
    for (const words of [
      '甲大学',
      'University A',
      '学士学位证书',
      "Bachelor's Degree Certificate",
      '李明',
      '工学学士学位',
      'Bachelor of Engineering',
      '计算机科学与技术',
      '2026年6月30日',
      '30 June 2026',
      '电子证书专用章',
      degree.id,
    ])
      expect(page).toContain(words);
    // The embedded file is the credential byte for byte, and the API verifies it.
    expect(Object.keys(attachments)).toEqual(['credential.json']);
    expect(attachments['credential.json']).toBe(degree.serialized);
    const report = await t.services.credentials.verifyCredential(
      JSON.parse(attachments['credential.json']!),
    );
    expect(report.verified).toBe(true);
    // What the verify page does in the browser finds the same bytes.
    expect(await credentialFromPdf(bytes)).toEqual({
      ok: true,
      text: degree.serialized,
      fileName: 'credential.json',
    });
  });

  it('carries a QR code that opens the verification page of exactly this credential', async () => {
    const { bytes } = await download(degree.id, w.tokens.learner1);
    const codes = await qrCodes(bytes);
    const uuid = degree.id.replace('urn:uuid:', '');
    expect(codes).toEqual([`${PUBLIC_URL}/verify/credentials/${uuid}?d=${degree.hash}`]);

    // The link's address, asked for JSON, answers the credential, its verification and status.
    const link = new URL(codes[0]!);
    const opened = await fetch(`${base}${link.pathname}${link.search}`, {
      headers: { accept: 'application/json' },
    });
    expect(opened.status).toBe(200);
    expect(opened.headers.get('referrer-policy')).toBe('no-referrer');
    const body = (await opened.json()) as Record<string, unknown>;
    expect(body['verifiableCredential']).toEqual(JSON.parse(degree.serialized));
    expect(body).toMatchObject({ revoked: false, suspended: false, history: [] });
    expect(body['verification']).toMatchObject({ verified: true, errors: [] });

    // Without the digest of the bytes, or with another, the id alone opens nothing.
    const wrong = await fetch(`${base}${link.pathname}?d=${'0'.repeat(64)}`, {
      headers: { accept: 'application/json' },
    });
    expect(wrong.status).toBe(404);
    const missing = await fetch(`${base}${link.pathname}`, {
      headers: { accept: 'application/json' },
    });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { detail: string }).detail).toMatch(/SHA-256/);
  });

  it('prints a transcript of 60 courses over several pages, every course with its credits and grade', async () => {
    const { res, bytes } = await download(transcript.id, w.tokens.learner1);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename="transcript-/);
    keep('transcript.pdf', bytes);
    const { pages, attachments } = await pdfText(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((p, i) => {
      expect(p).toContain(`第 ${i + 1} / ${pages.length} 页`);
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p).toContain('李明');
    });
    const all = pages.join('\n');
    const doc = JSON.parse(transcript.serialized) as {
      credentialSubject: {
        verifiableCredential: {
          credentialSubject: { creditsEarned: number; result: { value: string }[] };
        }[];
      };
    };
    expect(doc.credentialSubject.verifiableCredential).toHaveLength(COURSES);
    for (let i = 1; i <= COURSES; i++) {
      const code = `CS${String(i).padStart(3, '0')}`;
      // One row: number, names, code, term, credits and grade in the order of the columns.
      const row = new RegExp(
        `${i}[^\\n]*?${i === 7 ? '数据结构与算法分析' : `计算机科学专题 ${i}`}[^\\n]*?${code}2025-2026-2${2 + (i % 3)}${60 + (i % 40)}2026-06-20`,
      );
      expect(all.replace(/\s+/g, '')).toMatch(new RegExp(row.source.replace(/ /g, '')));
    }
    expect(all).toContain('Data Structures and Algorithm Analysis');
    const total = Array.from({ length: COURSES }, (_, k) => 2 + ((k + 1) % 3)).reduce(
      (a, b) => a + b,
    );
    expect(all).toContain(`总学分 ${total}`);
    expect(all).toContain(`${COURSES} courses, ${total} credits in total`);
    expect(attachments['credential.json']).toBe(transcript.serialized);
    const report = await t.services.credentials.verifyCredential(JSON.parse(transcript.serialized));
    expect(report.verified).toBe(true);
  });

  it('embeds a credential issued as a JWT as credential.jwt, exactly as issued', async () => {
    const { res, bytes } = await download(jwtCourse.id, w.tokens.learner1);
    expect(res.status).toBe(200);
    keep('course-jwt.pdf', bytes);
    const { pages, attachments } = await pdfText(bytes);
    expect(pages[0]).toContain('数据结构与算法分析');
    expect(attachments).toEqual({ 'credential.jwt': jwtCourse.serialized });
    const found = await credentialFromPdf(bytes);
    expect(found).toEqual({ ok: true, text: jwtCourse.serialized, fileName: 'credential.jwt' });
    expect((await t.services.credentials.verifyCredential(jwtCourse.serialized)).verified).toBe(
      true,
    );
  });

  it('prints a revoked credential with the date and reason, and its QR page says so', async () => {
    const course = await t.services.credentials.issue(SYSTEM, {
      institutionId: w.instA.id,
      learnerId: w.learner1.id,
      what: { kind: 'achievement', entryId: entries[0]! },
      requestKey: 'pdf-revoked',
    });
    clock = new Date('2026-07-03T02:00:00Z');
    await t.services.credentials.changeStatus(
      SYSTEM,
      course.id,
      'revoked',
      '成绩更正 Grade corrected',
    );
    const { bytes } = await download(course.id, w.tokens.learner1);
    const text = (await pdfText(bytes)).pages[0]!;
    expect(text).toContain('已撤销（2026年7月3日）：成绩更正 Grade corrected');
    expect(text).toContain('REVOKED on 3 July 2026: 成绩更正 Grade corrected');
    const [code] = await qrCodes(bytes);
    const link = new URL(code!);
    const body = (await (
      await fetch(`${base}${link.pathname}${link.search}`, {
        headers: { accept: 'application/json' },
      })
    ).json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      revoked: true,
      history: [
        { action: 'revoked', reason: '成绩更正 Grade corrected', at: '2026-07-03T02:00:00.000Z' },
      ],
      verification: { verified: false },
    });
  });

  it('is for the learner and the issuing institution only', async () => {
    expect((await download(degree.id, w.tokens.staffA)).res.status).toBe(200);
    for (const [token, status] of [
      [w.tokens.learner2, 403],
      [w.tokens.staffB, 403],
      [w.tokens.operator, 403],
      [undefined, 401],
      ['not-a-token', 401],
    ] as const) {
      const { res, bytes } = await download(degree.id, token);
      expect(res.status).toBe(status);
      const body = JSON.parse(new TextDecoder().decode(bytes)) as { title: string; detail: string };
      expect(body.detail).not.toMatch(/\.ts:\d|at [A-Za-z]+ \(/);
    }
    const unknown = await download(
      'urn:uuid:00000000-0000-4000-8000-000000000000',
      w.tokens.learner1,
    );
    expect(unknown.res.status).toBe(404);
  });

  it('tells a PDF without a credential, and one that is not a PDF, apart', async () => {
    const plain = await PDFDocument.create();
    plain.addPage();
    expect(await credentialFromPdf(await plain.save())).toEqual({
      ok: false,
      reason: 'pdfNoCredential',
    });
    expect(await credentialFromPdf(new TextEncoder().encode('%PDF-1.7 garbage'))).toEqual({
      ok: false,
      reason: 'pdfUnreadable',
    });
  });

  it('embeds a tampered credential as it is, and verifying it fails', async () => {
    const { bytes } = await download(degree.id, w.tokens.learner1);
    const doc = await PDFDocument.load(bytes);
    const tampered = degree.serialized.replace('工学学士学位', '工学硕士学位');
    expect(tampered).not.toBe(degree.serialized);
    // Swap the embedded file's bytes for the altered credential, as a forger would.
    for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
      if (
        obj instanceof PDFRawStream &&
        obj.dict.get(PDFName.of('Type'))?.toString() === '/EmbeddedFile'
      )
        doc.context.assign(
          ref,
          doc.context.flateStream(new TextEncoder().encode(tampered), { Type: 'EmbeddedFile' }),
        );
    }
    const found = await credentialFromPdf(await doc.save());
    expect(found).toMatchObject({ ok: true, text: tampered });
    const report = await t.services.credentials.verifyCredential(
      JSON.parse((found as { text: string }).text),
    );
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.id === 'proof')?.status).toBe('failed');
  });
});
