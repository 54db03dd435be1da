// Issuing and verifying: every format, independent checks with the libraries, and every failure mode.
import { describe, expect, it } from 'vitest';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { CompactSign, compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import type { JWK } from 'jose';
import {
  CredentialInputError,
  deriveCredential,
  encodeStatusList,
  failureKind,
  generateKey,
  hashCredential,
  issueCredential,
  loadSigner,
  localizedText,
  UnsupportedFormatError,
} from '../../../credentials/index.ts';
import type {
  CredentialFormat,
  StoredKey,
  VerificationReport,
} from '../../../credentials/index.ts';
import {
  createWorld,
  degreeCredential,
  HOLDER_DID,
  ISSUER_DID,
  LIST_URL,
  SUSPENSION_LIST_URL,
  transcriptCredential,
} from '../../fixtures/credentials.ts';

type World = Awaited<ReturnType<typeof createWorld>>;
// Tampering reaches into credentials by path; their shape is the point here, not their type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const FORMATS: Array<[CredentialFormat, 'ed' | 'p256']> = [
  ['eddsa-rdfc-2022', 'ed'],
  ['ecdsa-rdfc-2019', 'p256'],
  ['ecdsa-sd-2023', 'p256'],
  ['vc+jwt', 'ed'],
  ['vc+jwt', 'p256'],
];

async function issue(
  world: World,
  credential: Record<string, unknown>,
  format: CredentialFormat,
  key: StoredKey,
  now?: Date,
) {
  return issueCredential({
    credential,
    key,
    kek: world.kek,
    format,
    documentLoader: world.documentLoader,
    ...(now ? { now } : {}),
  });
}

/** What a verifier receives: the JWT, the credential, or for ecdsa-sd-2023 a credential the holder derived. */
async function presented(
  world: World,
  credential: Record<string, unknown>,
  format: CredentialFormat,
  key: StoredKey,
  now?: Date,
) {
  const issued = await issue(world, credential, format, key, now);
  if (issued.jwt) return issued.jwt;
  if (format === 'ecdsa-sd-2023') {
    return deriveCredential({
      credential: issued.credential!,
      selectivePointers: ['/name'],
      documentLoader: world.documentLoader,
    });
  }
  return issued.credential!;
}

function codes(report: VerificationReport): string[] {
  return report.checks.filter((c) => c.status === 'failed').map((c) => c.code);
}

describe('issue and verify', () => {
  describe.each(FORMATS)('%s with the %s key', (format, keyName) => {
    it.each([
      ['AchievementCredential', degreeCredential],
      ['ClrCredential', transcriptCredential],
    ])('round-trips an %s', async (_name, build) => {
      const world = await createWorld();
      const report = await world.verifier.verifyCredential(
        await presented(world, build(), format, world[keyName]),
      );
      expect(report.errors).toBeUndefined();
      expect(report.verified).toBe(true);
      expect(report.format).toBe(format);
      expect(report.checks.find((c) => c.id === 'issuerAccredited')?.status).toBe('passed');
    });

    it('leaves the credential it signs as it was, even one with a proof already', async () => {
      const world = await createWorld();
      for (const credential of [
        degreeCredential(),
        {
          ...transcriptCredential(),
          proof: [{ type: 'DataIntegrityProof', created: '2024-01-01T00:00:00Z' }],
        },
      ]) {
        const before = structuredClone(credential);
        await issue(world, credential, format, world[keyName]);
        expect(credential).toEqual(before);
      }
    });

    it('fails when any field is tampered with', async () => {
      const world = await createWorld();
      const input = await presented(world, degreeCredential(), format, world[keyName]);
      const tampers: Array<(c: Loose) => void> = [
        (c) => (c.credentialSubject.creditsEarned = 200),
        (c) => (c.credentialSubject.achievement.achievementType = 'DoctoralDegree'),
        (c) => (c.validFrom = '2023-07-01T00:00:00Z'),
        (c) => (c.issuer.name[1]['@value'] = 'Another University'),
        (c) => (c.id = 'urn:uuid:00000000-0000-4000-8000-000000000000'),
      ];
      for (const tamper of tampers) {
        let forged: unknown;
        if (typeof input === 'string') {
          const [header, payload, signature] = input.split('.');
          const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
          tamper(claims);
          forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
        } else {
          forged = structuredClone(input);
          tamper(forged as Loose);
        }
        const report = await world.verifier.verifyCredential(forged);
        expect(report.verified).toBe(false);
        expect(codes(report)).toContain('PROOF_INVALID');
        expect(failureKind(report)).toBe('unverified');
      }
    });
  });

  it('is accepted by @digitalbazaar/vc verifyCredential called directly', async () => {
    const world = await createWorld();
    for (const [format, key, cryptosuite] of [
      ['eddsa-rdfc-2022', world.ed, eddsaRdfc2022],
      ['ecdsa-rdfc-2019', world.p256, ecdsaRdfc2019],
    ] as const) {
      const issued = await issue(world, degreeCredential(), format, key);
      expect(JSON.parse(issued.serialized)).toEqual(issued.credential);
      const result = await vc.verifyCredential({
        credential: JSON.parse(issued.serialized),
        suite: new DataIntegrityProof({ cryptosuite }),
        documentLoader: world.documentLoader,
      });
      expect(result.error).toBeUndefined();
      expect(result.verified).toBe(true);
    }
  });

  it('issues JWTs that jose verifies with the DID key, per VC-JOSE-COSE', async () => {
    const world = await createWorld();
    for (const [key, alg, lib] of [
      [world.ed, 'EdDSA', Ed25519Multikey],
      [world.p256, 'ES256', EcdsaMultikey],
    ] as const) {
      const { jwt, serialized } = await issue(
        world,
        degreeCredential(),
        'vc+jwt',
        key,
        new Date('2025-02-03T04:05:06Z'),
      );
      expect(serialized).toBe(jwt);
      expect(decodeProtectedHeader(jwt!)).toEqual({ alg, typ: 'vc+jwt', cty: 'vc', kid: key.id });
      const { document } = await world.documentLoader(key.id);
      const jwk = (await lib.toJwk({ keyPair: await lib.from(document) })) as JWK;
      const { payload } = await compactVerify(jwt!, await importJWK(jwk, alg), {
        algorithms: [alg],
      });
      const claims = JSON.parse(new TextDecoder().decode(payload));
      expect(claims).toMatchObject({ ...degreeCredential(), iss: ISSUER_DID, iat: 1738555506 });
      expect(claims.vc).toBeUndefined();
    }
  });

  it('refuses a key type that does not fit the format, and a key of another issuer', async () => {
    const world = await createWorld();
    await expect(issue(world, degreeCredential(), 'eddsa-rdfc-2022', world.p256)).rejects.toThrow(
      UnsupportedFormatError,
    );
    await expect(issue(world, degreeCredential(), 'ecdsa-sd-2023', world.ed)).rejects.toThrow(
      UnsupportedFormatError,
    );
    const other = await generateKey({
      type: 'Ed25519',
      controller: 'did:web:other.example',
      kek: world.kek,
    });
    await expect(issue(world, degreeCredential(), 'eddsa-rdfc-2022', other)).rejects.toThrow(
      /controller/,
    );
  });

  it('refuses to sign a term no context defines', async () => {
    const world = await createWorld();
    const credential = degreeCredential();
    (credential['credentialSubject'] as Record<string, unknown>)['nickname'] = '小张';
    for (const format of ['eddsa-rdfc-2022', 'vc+jwt'] as const) {
      const refused = await issue(world, credential, format, world.ed).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(CredentialInputError);
      expect((refused as CredentialInputError).property).toBe('nickname');
    }
  });

  it('writes both languages as value objects that read back', () => {
    const credential = degreeCredential();
    expect(localizedText(credential['name'], 'zh')).toBe('工学学士');
    expect(localizedText((credential['issuer'] as Record<string, unknown>)['name'], 'en')).toBe(
      'Zhejiang University',
    );
  });

  it('hashes the stored bytes', async () => {
    const world = await createWorld();
    const issued = await issue(world, degreeCredential(), 'eddsa-rdfc-2022', world.ed);
    expect(hashCredential(issued.serialized)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to verify an ecdsa-sd-2023 base proof that was not derived', async () => {
    const world = await createWorld();
    const issued = await issue(world, degreeCredential(), 'ecdsa-sd-2023', world.p256);
    const report = await world.verifier.verifyCredential(issued.credential);
    expect(report.verified).toBe(false);
    expect(codes(report)).toContain('PROOF_NOT_DERIVED');
  });

  it('verifies a legacy Ed25519Signature2020 proof', async () => {
    const world = await createWorld();
    const signer = await loadSigner(world.ed, world.kek);
    const credential = {
      ...degreeCredential(),
      '@context': [
        ...(degreeCredential()['@context'] as string[]),
        'https://w3id.org/security/suites/ed25519-2020/v1',
      ],
    };
    const signed = await vc.issue({
      credential,
      suite: new Ed25519Signature2020({ signer }),
      documentLoader: world.documentLoader,
    });
    const report = await world.verifier.verifyCredential(signed);
    expect(report.errors).toBeUndefined();
    expect(report.format).toBe('Ed25519Signature2020');
  });
});

describe('the report of a Data Integrity credential', () => {
  // (A JWT's report carries its decoded payload.)
  it.each(FORMATS.filter(([format]) => format !== 'vc+jwt'))(
    'names the %s credential as given, and leaves it as it was',
    async (format, keyName) => {
      const world = await createWorld();
      const input = await presented(world, degreeCredential(), format, world[keyName]);
      const before = structuredClone(input);
      const report = await world.verifier.verifyCredential(input);
      expect(report.verified).toBe(true);
      expect(report.credential).toBe(input);
      expect(input).toEqual(before);
    },
  );
});

describe('status, keys, registry and dates', () => {
  it.each(FORMATS)('reports revoked and suspended credentials (%s)', async (format, keyName) => {
    const world = await createWorld();
    await world.publishStatusList(LIST_URL, 'revocation', [3]);
    await world.publishStatusList(SUSPENSION_LIST_URL, 'suspension', [4]);
    const verify = async (entries: object[]) =>
      world.verifier.verifyCredential(
        await presented(
          world,
          degreeCredential({ credentialStatus: entries }),
          format,
          world[keyName],
        ),
      );
    const good = await verify([world.revocationEntry(5), world.suspensionEntry(5)]);
    expect(good.verified).toBe(true);
    expect(good.checks.find((c) => c.id === 'status')?.status).toBe('passed');
    expect(codes(await verify([world.revocationEntry(3)]))).toEqual(['STATUS_REVOKED']);
    expect(codes(await verify([world.revocationEntry(5), world.suspensionEntry(4)]))).toEqual([
      'STATUS_SUSPENDED',
    ]);
  });

  it('fails status when the list is missing or tampered with', async () => {
    const world = await createWorld();
    const input = await presented(
      world,
      degreeCredential({ credentialStatus: [world.revocationEntry(3)] }),
      'eddsa-rdfc-2022',
      world.ed,
    );
    expect(codes(await world.verifier.verifyCredential(input))).toEqual(['STATUS_UNAVAILABLE']);
    const list = await world.publishStatusList(LIST_URL, 'revocation', [3]);
    const forged = structuredClone(list.credential!) as Loose;
    forged.credentialSubject.encodedList = await encodeStatusList(new Set());
    world.statusLists.set(LIST_URL, forged);
    expect(codes(await world.verifier.verifyCredential(input))).toEqual(['STATUS_LIST_INVALID']);
  });

  it.each(FORMATS)(
    'fails a signature by a key revoked before signing, passes one revoked after (%s)',
    async (format, keyName) => {
      const world = await createWorld();
      const key = world[keyName];
      const signedAt = new Date('2024-06-01T00:00:00Z');
      const input = await presented(world, degreeCredential(), format, key, signedAt);
      const record = world.keys.find((k) => k.id === key.id)!;
      record.revokedAt = '2024-12-01T00:00:00Z';
      const after = await world.verifier.verifyCredential(input);
      expect(after.errors).toBeUndefined();
      expect(after.checks.find((c) => c.id === 'keyNotRevoked')?.code).toBe(
        'KEY_REVOKED_AFTER_SIGNING',
      );
      record.revokedAt = '2024-05-01T00:00:00Z';
      const before = await world.verifier.verifyCredential(input);
      expect(before.verified).toBe(false);
      expect(codes(before)).toContain('KEY_REVOKED');
    },
  );

  it('still verifies what a retired key signed', async () => {
    const world = await createWorld();
    const input = await presented(world, degreeCredential(), 'eddsa-rdfc-2022', world.ed);
    world.keys.find((k) => k.id === world.ed.id)!.retiredAt = '2024-12-01T00:00:00Z';
    expect((await world.verifier.verifyCredential(input)).verified).toBe(true);
  });

  it('flags unregistered, suspended and unaccredited issuers', async () => {
    const unknown = await createWorld({ registry: {} });
    const input = await presented(unknown, degreeCredential(), 'eddsa-rdfc-2022', unknown.ed);
    // Authentic, from an issuer this credit bank does not know: a warning, not a failure.
    const report = await unknown.verifier.verifyCredential(input);
    expect(codes(report)).toEqual([]);
    expect(report).toMatchObject({ verified: true, authentic: true, issuerRegistered: false });
    expect(report.checks.filter((c) => c.status === 'warning').map((c) => c.code)).toEqual([
      'ISSUER_UNKNOWN',
    ]);

    const suspended = await createWorld({
      registry: { [ISSUER_DID]: { status: 'suspended', accreditedTypes: ['Degree'] } },
    });
    expect(
      codes(
        await suspended.verifier.verifyCredential(
          await presented(suspended, degreeCredential(), 'vc+jwt', suspended.ed),
        ),
      ),
    ).toEqual(['ISSUER_SUSPENDED']);
    expect(
      await suspended.verifier.verifyCredential(
        await presented(suspended, degreeCredential(), 'eddsa-rdfc-2022', suspended.ed),
      ),
    ).toMatchObject({ verified: false, authentic: true, issuerRegistered: false });

    const coursesOnly = await createWorld({
      registry: { [ISSUER_DID]: { status: 'active', accreditedTypes: ['Course'] } },
    });
    const degree = await coursesOnly.verifier.verifyCredential(
      await presented(coursesOnly, degreeCredential(), 'eddsa-rdfc-2022', coursesOnly.ed),
    );
    expect(codes(degree)).toEqual(['ISSUER_NOT_ACCREDITED']);
    const transcript = await coursesOnly.verifier.verifyCredential(
      await presented(coursesOnly, transcriptCredential(), 'eddsa-rdfc-2022', coursesOnly.ed),
    );
    expect(codes(transcript)).toEqual(['ISSUER_NOT_ACCREDITED']);
  });

  it.each(FORMATS)('fails expired and not-yet-valid credentials (%s)', async (format, keyName) => {
    const world = await createWorld();
    const input = await presented(
      world,
      degreeCredential({ validFrom: '2024-07-01T00:00:00Z', validUntil: '2026-07-01T00:00:00Z' }),
      format,
      world[keyName],
    );
    world.setClock(new Date('2027-01-01T00:00:00Z'));
    expect(codes(await world.verifier.verifyCredential(input))).toEqual(['EXPIRED']);
    world.setClock(new Date('2024-01-01T00:00:00Z'));
    expect(codes(await world.verifier.verifyCredential(input))).toEqual(['NOT_YET_VALID']);
  });
});

describe('malformed input never throws', () => {
  const v2 = 'https://www.w3.org/ns/credentials/v2';
  const base = () => ({
    '@context': [v2],
    type: ['VerifiableCredential'],
    issuer: ISSUER_DID,
    credentialSubject: { id: HOLDER_DID },
    proof: {
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofValue: 'z1',
      verificationMethod: `${ISSUER_DID}#x`,
      proofPurpose: 'assertionMethod',
    },
  });
  const cases: Array<[string, unknown, string]> = [
    ['a string', 'hello', 'MALFORMED'],
    ['broken JSON', '{"a":', 'MALFORMED'],
    ['a number', 42, 'MALFORMED'],
    ['null', null, 'MALFORMED'],
    ['an array', [1, 2], 'MALFORMED'],
    ['a JWT-shaped string of garbage', 'aaa.bbb.ccc', 'MALFORMED'],
    ['a JWT without typ', 'eyJhbGciOiJub25lIn0.eyJhIjoxfQ.sig', 'MALFORMED'],
    ['no @context', { ...base(), '@context': undefined }, 'MALFORMED'],
    ['a wrong first @context', { ...base(), '@context': ['https://schema.org/'] }, 'MALFORMED'],
    [
      'an unknown context',
      { ...base(), '@context': [v2, 'https://evil.example/ctx.jsonld'] },
      'CONTEXT_UNKNOWN',
    ],
    ['no issuer', { ...base(), issuer: undefined }, 'MALFORMED'],
    ['a bad date', { ...base(), validFrom: 'yesterday' }, 'MALFORMED'],
    ['no proof', { ...base(), proof: undefined }, 'MALFORMED'],
    [
      'an unknown proof type',
      { ...base(), proof: { type: 'RsaSignature2018' } },
      'UNSUPPORTED_FORMAT',
    ],
    [
      'an undefined term',
      { ...base(), credentialSubject: { id: HOLDER_DID, favouriteColour: 'red' } },
      'TERM_UNDEFINED',
    ],
  ];
  it.each(cases)('reports %s', async (_name, input, code) => {
    const world = await createWorld();
    const report = await world.verifier.verifyCredential(input);
    expect(report.verified).toBe(false);
    expect(codes(report)).toContain(code);
    expect(failureKind(report)).toBe('malformed');
    expect(report.checks.every((c) => c.message.en && c.message.zh)).toBe(true);
  });

  it('reports an undefined term in a signed credential and in a JWT as malformed', async () => {
    const world = await createWorld();
    const issued = await issue(world, degreeCredential(), 'eddsa-rdfc-2022', world.ed);
    const forged = structuredClone(issued.credential!) as Loose;
    forged.credentialSubject.nickname = '小张';
    expect(codes(await world.verifier.verifyCredential(forged))).toEqual(['TERM_UNDEFINED']);
    // A JWT's signature needs no JSON-LD, yet what it signs is read as the same terms: an undefined
    // term, or an identifier that is not an absolute IRI, fails it as it fails a Data Integrity proof.
    // Our issuer refuses to sign such a payload, so these JWTs are signed by hand.
    const signer = await loadSigner(world.ed, world.kek);
    const jwtOf = (credential: Record<string, unknown>) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
        .setProtectedHeader({ alg: signer.jwsAlgorithm, typ: 'vc+jwt', kid: signer.id })
        .sign(signer.privateKey);
    const nickname = degreeCredential();
    (nickname as Loose).credentialSubject.nickname = '小张';
    expect(codes(await world.verifier.verifyCredential(await jwtOf(nickname)))).toEqual([
      'TERM_UNDEFINED',
    ]);
    const relative = degreeCredential({ subject: { id: 'students/42' } });
    const relativeJwt = await world.verifier.verifyCredential(await jwtOf(relative));
    expect(codes(relativeJwt)).toEqual(['TERM_UNDEFINED']);
    expect(failureKind(relativeJwt)).toBe('malformed');
    // As a Data Integrity proof it could not even be signed.
    await expect(issue(world, relative, 'eddsa-rdfc-2022', world.ed)).rejects.toThrow();
  });
});

describe('presentations', () => {
  async function holderWorld() {
    const world = await createWorld();
    const holderKey = await generateKey({ type: 'Ed25519', controller: 'did:key', kek: world.kek });
    const holderSigner = await loadSigner(holderKey, world.kek);
    const credential = (
      await issue(
        world,
        degreeCredential({ subject: { id: holderKey.controller } }),
        'eddsa-rdfc-2022',
        world.ed,
      )
    ).credential!;
    const present = (options: { challenge: string; domain?: string; holder?: string }) =>
      vc.signPresentation({
        presentation: vc.createPresentation({
          verifiableCredential: [credential],
          holder: options.holder ?? holderKey.controller,
        }),
        suite: new DataIntegrityProof({ signer: holderSigner, cryptosuite: eddsaRdfc2022 }),
        challenge: options.challenge,
        domain: options.domain,
        documentLoader: world.documentLoader,
      });
    return { world, holderKey, present };
  }

  it('verifies a did:key holder proof with its challenge and domain', async () => {
    const { world, present } = await holderWorld();
    const vp = await present({ challenge: 'c-123', domain: 'employer.example' });
    const report = await world.verifier.verifyPresentation(vp, {
      challenge: 'c-123',
      domain: 'employer.example',
    });
    expect(report.errors).toBeUndefined();
    expect(report.verified).toBe(true);
    expect(report.credentials).toHaveLength(1);
    expect(report.credentials[0]!.verified).toBe(true);
  });

  it('fails a wrong challenge or domain, a tampered presentation, and a stranger presenting', async () => {
    const { world, present } = await holderWorld();
    const vp = await present({ challenge: 'c-123', domain: 'employer.example' });
    expect(codes(await world.verifier.verifyPresentation(vp, { challenge: 'other' }))).toEqual([
      'CHALLENGE_MISMATCH',
    ]);
    expect(
      codes(
        await world.verifier.verifyPresentation(vp, { challenge: 'c-123', domain: 'evil.example' }),
      ),
    ).toEqual(['DOMAIN_MISMATCH']);
    const tampered = structuredClone(vp) as Loose;
    tampered.proof.challenge = 'other';
    expect(
      codes(await world.verifier.verifyPresentation(tampered, { challenge: 'other' })),
    ).toContain('PROOF_INVALID');
    const stranger = await generateKey({ type: 'Ed25519', controller: 'did:key', kek: world.kek });
    const strangerVp = await vc.signPresentation({
      presentation: vc.createPresentation({
        verifiableCredential: vp.verifiableCredential,
        holder: stranger.controller,
      }),
      suite: new DataIntegrityProof({
        signer: await loadSigner(stranger, world.kek),
        cryptosuite: eddsaRdfc2022,
      }),
      challenge: 'c-123',
      documentLoader: world.documentLoader,
    });
    expect(
      codes(await world.verifier.verifyPresentation(strangerVp, { challenge: 'c-123' })),
    ).toEqual(['HOLDER_MISMATCH']);
  });

  it('reports garbage presentations without throwing', async () => {
    const { world } = await holderWorld();
    for (const input of [undefined, 'x', { type: 'VerifiablePresentation' }]) {
      const report = await world.verifier.verifyPresentation(input, { challenge: 'c' });
      expect(report.verified).toBe(false);
      expect(failureKind(report)).toBe('malformed');
    }
  });
});
