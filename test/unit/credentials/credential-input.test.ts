// A caller's credential to issue, in our own words: what is refused (by property), what is kept and what is filled in.
import { describe, expect, it } from 'vitest';
import {
  completeCredential,
  credentialProblems,
  CredentialInputError,
  inputErrorOf,
  isUrl,
  STATUS_LIST_V1_CONTEXT,
  VC_V1_CONTEXT,
  VC_V2_CONTEXT,
  vcVersionOf,
} from '../../../credentials/index.ts';

const ISSUER = 'did:web:cb.example:institutions:uni-a';
const v2 = (extra: Record<string, unknown> = {}) => ({
  '@context': [VC_V2_CONTEXT],
  type: ['VerifiableCredential'],
  issuer: ISSUER,
  credentialSubject: { id: 'did:example:s' },
  ...extra,
});
/** v2() without the named properties. */
const v2Without = (...names: string[]) =>
  Object.fromEntries(Object.entries(v2()).filter(([k]) => !names.includes(k)));
const properties = (credential: Record<string, unknown>) =>
  credentialProblems(credential).map((p) => p.property);

const completion = {
  id: 'urn:uuid:0b8e5a36-8a4b-4d0e-9f5c-6f7a2b1c0d9e',
  issuer: { id: ISSUER, name: 'University A' },
  issuedAt: new Date('2026-12-05T08:00:00.123Z'),
  credentialStatus: [{ id: 'https://cb.example/s/1#7', type: 'BitstringStatusListEntry' }],
};

describe('what a credential to issue must be', () => {
  it('takes a URL to be one absolute URL without spaces', () => {
    for (const ok of ['https://a.example/x', 'did:example:1', 'urn:uuid:1', 'mailto:a@b.example'])
      expect(isUrl(ok), ok).toBe(true);
    for (const bad of [
      'https ://a.example',
      'not a url',
      '',
      null,
      4,
      ['https://a.example'],
      '/relative',
    ])
      expect(isUrl(bad), String(bad)).toBe(false);
  });

  it('reads the data model from the first context', () => {
    expect(vcVersionOf(v2())).toBe('2.0');
    expect(vcVersionOf({ '@context': VC_V1_CONTEXT })).toBe('1.1');
    expect(vcVersionOf({ '@context': ['https://example.org/ctx', VC_V2_CONTEXT] })).toBeNull();
  });

  it('finds nothing wrong with a minimal credential', () => {
    expect(credentialProblems(v2())).toEqual([]);
  });

  it('wants the issuer named by the caller, as a URL or an object with an id', () => {
    // VC Data Model 2.0 §4.7: a credential MUST have an issuer; we never sign one we made up.
    expect(properties(v2Without('issuer'))).toEqual(['issuer']);
    expect(credentialProblems(v2Without('issuer'))[0]?.message).toMatch(/required/);
    expect(properties(v2({ issuer: { name: 'Registry' } }))).toEqual(['issuer.id']);
    expect(properties(v2({ issuer: { id: ISSUER, name: 'Registry' } }))).toEqual([]);
  });

  it('checks dates against the calendar and the data model version', () => {
    for (const ok of [
      '2026-02-28T23:59:59Z',
      '2028-02-29T00:00:00+08:00',
      '2026-01-01T24:00:00Z',
      '0001-01-01T00:00:00Z',
    ])
      expect(properties(v2({ validFrom: ok })), ok).toEqual([]);
    for (const bad of [
      '2026-02-30T00:00:00Z',
      '2027-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-01-01T00:60:00Z',
      '2026-01-01',
      '2026-01-01T00:00:00',
      20260101,
    ])
      expect(properties(v2({ validFrom: bad })), String(bad)).toEqual(['validFrom']);
    // VC 1.1's dateTime may leave out the zone; its dates have other names.
    const v1 = { ...v2(), '@context': [VC_V1_CONTEXT] };
    expect(properties({ ...v1, issuanceDate: '2026-01-01T00:00:00' })).toEqual([]);
    expect(properties({ ...v1, expirationDate: '2026-02-30T00:00:00Z' })).toEqual([
      'expirationDate',
    ]);
  });

  it('lists every problem, each by its property', () => {
    expect(
      properties({
        '@context': [VC_V2_CONTEXT, 7],
        id: null,
        type: 'OpenBadgeCredential',
        issuer: { id: 'not a url' },
        credentialSubject: [{ id: 'did:example:a' }, {}],
        evidence: [],
        termsOfUse: [{ id: 'https://a.example/t' }],
        credentialSchema: { type: 'JsonSchema', id: 'https ://x' },
        relatedResource: [{ id: 'https://a.example/r', digestMultibase: 'not-multibase' }],
        proof: {},
      }),
    ).toEqual([
      '@context[1]',
      'type',
      'id',
      'issuer.id',
      'credentialSubject[1]',
      'evidence',
      'termsOfUse[0].type',
      'credentialSchema.id',
      'relatedResource[0].digestMultibase',
      'proof',
    ]);
  });

  it('checks the form of related-resource digests (SRI base64 of the right length, multibase SHA-2)', () => {
    const related = (digest: Record<string, string>) =>
      properties(v2({ relatedResource: { id: 'https://a.example/r', ...digest } }));
    const sha256 = Buffer.alloc(32, 7);
    expect(related({ digestSRI: `sha256-${sha256.toString('base64')}` })).toEqual([]);
    expect(related({ digestSRI: `sha384-${sha256.toString('base64')}` })).toEqual([
      'relatedResource.digestSRI',
    ]);
    expect(
      related({ digestSRI: `sha256-${sha256.toString('base64url').replace(/./, '_')}` }),
    ).toEqual(['relatedResource.digestSRI']);
    expect(related({ digestMultibase: `u${sha256.toString('base64url')}` })).toEqual([]);
    expect(
      related({
        digestMultibase: `u${Buffer.concat([Buffer.from([0x12, 0x20]), sha256]).toString('base64url')}`,
      }),
    ).toEqual([]);
    expect(related({ digestMultibase: `u${Buffer.alloc(20).toString('base64url')}` })).toEqual([
      'relatedResource.digestMultibase',
    ]);
    expect(related({ digestMultibase: 'z0OIl' })).toEqual(['relatedResource.digestMultibase']);
  });
});

describe('completing a credential', () => {
  it('fills in only what is missing, and adds our status entries after the caller’s', () => {
    const own = { id: 'https://a.example/status/3', type: 'https://a.example/#Status' };
    const done = completeCredential(v2({ credentialStatus: own }), completion);
    expect(done).toMatchObject({
      '@context': [VC_V2_CONTEXT],
      id: completion.id,
      issuer: completion.issuer.id,
      validFrom: '2026-12-05T08:00:00Z',
      credentialStatus: [own, ...completion.credentialStatus],
    });
    const kept = completeCredential(
      v2({
        id: 'https://a.example/c/1',
        issuer: { id: ISSUER, name: 'Registry' },
        validFrom: '2026-01-01T00:00:00Z',
      }),
      completion,
    );
    expect(kept).toMatchObject({
      id: 'https://a.example/c/1',
      issuer: { id: completion.issuer.id, name: 'Registry' },
      validFrom: '2026-01-01T00:00:00Z',
    });
  });

  it('issues VC 1.1 as 1.1: issuanceDate, and the status list context its entries need', () => {
    const done = completeCredential({ ...v2(), '@context': VC_V1_CONTEXT }, completion);
    expect(done['@context']).toEqual([VC_V1_CONTEXT, STATUS_LIST_V1_CONTEXT]);
    expect(done['issuanceDate']).toBe('2026-12-05T08:00:00Z');
    expect(done['validFrom']).toBeUndefined();
  });

  it('never fills in the issuer: left out, the credential is refused', () => {
    const refusal = (input: Record<string, unknown>) => {
      try {
        completeCredential(input, completion);
      } catch (e) {
        return e instanceof CredentialInputError ? e.property : String(e);
      }
      return 'completed';
    };
    expect(refusal(v2Without('issuer'))).toBe('issuer');
    expect(refusal(v2({ issuer: { name: 'Registry' } }))).toBe('issuer.id');
  });

  it('never replaces a null, and leaves the input as it was', () => {
    const input = v2({ issuer: null });
    const before = structuredClone(input);
    expect(() => completeCredential(input, completion)).toThrow(CredentialInputError);
    expect(input).toEqual(before);
    const error = (() => {
      try {
        completeCredential(v2({ id: null, issuer: null }), completion);
      } catch (e) {
        return e as CredentialInputError;
      }
      return undefined;
    })();
    expect(error?.problems.map((p) => p.property)).toEqual(['id', 'issuer']);
    expect(error?.property).toBe('id');
  });
});

describe('JSON-LD errors as input errors', () => {
  const jsonldError = (details: Record<string, unknown>, name = 'jsonld.SyntaxError') =>
    Object.assign(new Error('jsonld says no'), { name, details });

  it('names the property an error is about', () => {
    const cases: Array<[unknown, string]> = [
      [
        jsonldError(
          { event: { code: 'invalid property', details: { property: 'nickname' } } },
          'jsonld.ValidationError',
        ),
        'nickname',
      ],
      [
        jsonldError(
          { event: { code: 'relative @type reference', details: { type: 'Thing' } } },
          'jsonld.ValidationError',
        ),
        'type',
      ],
      [
        jsonldError(
          { event: { code: 'relative @id reference', details: { id: 'x y' } } },
          'jsonld.ValidationError',
        ),
        'id',
      ],
      [
        jsonldError(
          { code: 'loading remote context failed', url: 'https://x.example/c' },
          'jsonld.InvalidUrl',
        ),
        '@context',
      ],
      [
        jsonldError({ code: 'protected term redefinition', term: 'VerifiableCredential' }),
        '@context',
      ],
      [jsonldError({ code: 'invalid IRI mapping' }), '@context'],
      [new TypeError('"credentialSubject.id" must be a URI: "x".'), 'credentialSubject.id'],
    ];
    for (const [error, property] of cases) expect(inputErrorOf(error)?.property).toBe(property);
  });

  it('leaves what is not the input’s fault alone', () => {
    expect(inputErrorOf(new Error('ECONNRESET'))).toBeNull();
    expect(inputErrorOf(new TypeError('Cannot read properties of undefined'))).toBeNull();
    expect(inputErrorOf('a string')).toBeNull();
  });
});
