// Keys: generation, encryption at rest, cached signers that never show their secret.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  decryptKey,
  generateKey,
  KeyDecryptionError,
  loadSigner,
} from '../../../credentials/index.ts';
import { ISSUER_DID, kek } from '../../fixtures/credentials.ts';

describe('keys', () => {
  it.each(['Ed25519', 'P-256'] as const)(
    'stores a %s key with no private material in clear',
    async (type) => {
      const key = await generateKey({
        type,
        controller: ISSUER_DID,
        kek: kek(),
        now: new Date('2025-01-01T00:00:00Z'),
      });
      expect(key.id).toBe(`${ISSUER_DID}#${key.publicKeyMultibase}`);
      expect(key.createdAt).toBe('2025-01-01T00:00:00.000Z');
      const secret = decryptKey(key, kek());
      const json = JSON.stringify(key);
      expect(json).not.toContain(secret);
      expect(json).not.toMatch(/secretKey|privateKey"/);
      expect(key.encryptedPrivateKey).toMatch(/^[A-Za-z0-9_-]+$/);
    },
  );

  it('refuses a wrong key-encryption key, even after a signer was cached', async () => {
    const key = await generateKey({ type: 'Ed25519', controller: ISSUER_DID, kek: kek() });
    expect(() => decryptKey(key, kek(2))).toThrow(KeyDecryptionError);
    await loadSigner(key, kek());
    await expect(loadSigner(key, kek(2))).rejects.toThrow(KeyDecryptionError);
  });

  it('refuses a ciphertext moved to another key record', async () => {
    const a = await generateKey({ type: 'Ed25519', controller: ISSUER_DID, kek: kek() });
    const b = await generateKey({ type: 'Ed25519', controller: ISSUER_DID, kek: kek() });
    expect(() => decryptKey({ ...b, encryptedPrivateKey: a.encryptedPrivateKey }, kek())).toThrow(
      KeyDecryptionError,
    );
  });

  it('parses a private key once and hides it from JSON and inspect', async () => {
    const key = await generateKey({ type: 'P-256', controller: ISSUER_DID, kek: kek() });
    const signer = await loadSigner(key, kek());
    expect(await loadSigner(key, kek())).toBe(signer);
    expect(signer.jwsAlgorithm).toBe('ES256');
    const secret = decryptKey(key, kek());
    expect(JSON.stringify(signer)).not.toContain(secret);
    expect(inspect(signer, { depth: 5, showHidden: true })).not.toContain(secret);
    expect(Object.keys(signer)).not.toContain('privateKey');
    expect((await signer.sign({ data: new Uint8Array([1, 2, 3]) })).length).toBe(64);
  });

  it('derives a did:key controller for holder keys', async () => {
    const key = await generateKey({ type: 'Ed25519', controller: 'did:key', kek: kek() });
    expect(key.controller).toBe(`did:key:${key.publicKeyMultibase}`);
  });
});
