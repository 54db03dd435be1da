// DIDs: did:web naming and paths, DID documents with retired and revoked keys, did:key resolution.
import { describe, expect, it } from 'vitest';
import {
  buildDidDocument,
  createDocumentLoader,
  didWeb,
  didWebPath,
  DocumentNotAllowedError,
  generateKey,
  platformDid,
  resolveDidKey,
} from '../../../credentials/index.ts';
import { kek } from '../../fixtures/credentials.ts';

describe('did', () => {
  it('names institutions under did:web with an encoded port', () => {
    expect(didWeb('localhost:3000', 'zju')).toBe('did:web:localhost%3A3000:institutions:zju');
    expect(didWeb('credit.example.cn', 'zju')).toBe('did:web:credit.example.cn:institutions:zju');
    expect(() => didWeb('example.cn', '../x')).toThrow();
  });

  it('maps a did:web to the path did:web prescribes', () => {
    expect(didWebPath('did:web:localhost%3A3000:institutions:zju')).toBe(
      '/institutions/zju/did.json',
    );
    expect(didWebPath(platformDid('credit.example.cn'))).toBe('/.well-known/did.json');
  });

  it('keeps retired keys for assertions and revoked keys out of every relationship', async () => {
    const did = didWeb('example.cn', 'zju');
    const [current, retired, revoked] = await Promise.all(
      [1, 2, 3].map(() => generateKey({ type: 'Ed25519', controller: did, kek: kek() })),
    );
    const doc = buildDidDocument({
      did,
      keys: [
        current!,
        { ...retired!, retiredAt: '2025-01-01T00:00:00Z' },
        { ...revoked!, revokedAt: '2025-01-01T00:00:00Z' },
      ],
    });
    expect(doc['@context']).toEqual([
      'https://www.w3.org/ns/did/v1',
      'https://w3id.org/security/multikey/v1',
    ]);
    expect(doc.verificationMethod.map((vm) => vm.id)).toEqual([
      current!.id,
      retired!.id,
      revoked!.id,
    ]);
    expect(doc.verificationMethod.every((vm) => vm.type === 'Multikey')).toBe(true);
    expect(doc.assertionMethod).toEqual([current!.id, retired!.id]);
    expect(doc.authentication).toEqual([current!.id]);
  });

  it.each(['Ed25519', 'P-256'] as const)(
    'resolves a %s did:key and its key URL locally',
    async (type) => {
      const key = await generateKey({ type, controller: 'did:key', kek: kek() });
      const doc = await resolveDidKey(key.controller);
      expect(doc['assertionMethod']).toContain(key.id);
      const vm = await resolveDidKey(key.id);
      expect(vm['publicKeyMultibase']).toBe(key.publicKeyMultibase);
    },
  );

  it('loads bundled contexts, resolves DIDs and refuses every other URL', async () => {
    const loader = createDocumentLoader();
    const v2 = await loader('https://www.w3.org/ns/credentials/v2');
    expect(v2.tag).toBe('static');
    const clr = await loader('https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json');
    expect(JSON.stringify(clr.document)).toContain('ClrSubject');
    await expect(loader('https://evil.example/context.json')).rejects.toThrow(
      DocumentNotAllowedError,
    );
    await expect(loader('did:web:example.cn')).rejects.toThrow(DocumentNotAllowedError);
    const key = await generateKey({ type: 'Ed25519', controller: 'did:key', kek: kek() });
    expect((await loader(key.id)).document).toMatchObject({ id: key.id, type: 'Multikey' });
  });
});
