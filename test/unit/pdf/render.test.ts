// The PDF renderer on credentials it did not build: odd or missing fields print, they never fail.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { readPrintedCredential } from '../../../api/pdf/credential-view.ts';
import { bilingualDate, renderCredentialPdf } from '../../../api/pdf/render.ts';

async function render(serialized: string) {
  const pdf = await renderCredentialPdf({
    view: readPrintedCredential(serialized),
    serialized,
    format: 'eddsa-rdfc-2022',
    verificationUrl: 'https://creditbank.test/verify/credentials/x?d=0',
    verifyPageUrl: 'https://creditbank.test/verify',
    revoked: false,
    suspended: false,
    history: [],
  });
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const text = (await (await doc.getPage(1)).getTextContent()).items
    .map((i) => ('str' in i ? i.str : ''))
    .join('');
  const attachments = (await doc.getAttachments()) as Record<string, { content: Uint8Array }>;
  await doc.destroy();
  return { size: pdf.length, text, attachments };
}

describe('renderCredentialPdf', () => {
  it('prints a credential written by hand through the VC API, with a rare name and no dates it can read', async () => {
    const serialized = JSON.stringify({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      issuer: { id: 'did:web:x', name: 'Some Academy' },
      credentialSubject: { name: '王喆 김민준 Zoë' },
      validFrom: 'not a date',
    });
    const { text, attachments, size } = await render(serialized);
    expect(text).toContain('王喆 김민준 Zoë');
    expect(text).toContain('Some Academy');
    expect(text).toContain('not a date');
    expect(new TextDecoder().decode(attachments['credential.json']!.content)).toBe(serialized);
    // Fonts are embedded as subsets: a few glyphs of CJK, not whole faces of megabytes.
    expect(size).toBeLessThan(150_000);
  });

  it('prints the rest of a name when one character is in none of the bundled fonts', async () => {
    // 䶮 (CJK Extension A) and 𠮷 (Extension B) are outside Noto Sans SC's subsets: they print blank.
    const { text } = await render(
      JSON.stringify({ issuer: 'did:web:x', credentialSubject: { name: '刘䶮 𠮷田 Kim' } }),
    );
    expect(text).toContain('刘');
    expect(text).toContain('田 Kim');
  });

  it('prints an empty credential without failing', async () => {
    expect((await render('{}')).text).toContain('Certificate of Achievement');
  });

  it('writes dates as both languages do, a timestamp in China time', () => {
    expect(bilingualDate('2026-06-30')).toEqual({ zh: '2026年6月30日', en: '30 June 2026' });
    expect(bilingualDate('2026-06-30T17:00:00Z')).toEqual({
      zh: '2026年7月1日',
      en: '1 July 2026',
    });
  });
});
