// Several proofs on one credential, as VC Data Integrity 1.0 has them: a set (unordered) and a
// chain (previousProof), signed here with the published libraries. Every proof must verify, a chained
// one over the proofs it names, and one of them must be the issuer's; the others are co-signers.
import { describe, expect, it } from 'vitest';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {
  createDocumentLoader,
  createVerifier,
  VC_V2_CONTEXT,
  type VerificationReport,
} from '../../../credentials/index.ts';

type Json = Record<string, unknown>;
interface DidKey {
  id: string;
  controller: string;
  signer(): unknown;
}

const documentLoader = createDocumentLoader();
const verifier = createVerifier({
  documentLoader,
  registry: { lookupIssuer: () => Promise.resolve(null) },
  keyStatus: () => Promise.resolve(null),
  fetchStatusList: () => Promise.resolve(null),
  now: () => new Date('2026-12-05T00:00:00Z'),
});

async function didKey(): Promise<DidKey> {
  const key = (await Ed25519Multikey.generate()) as DidKey & { publicKeyMultibase: string };
  const fingerprint = key.publicKeyMultibase;
  key.controller = `did:key:${fingerprint}`;
  key.id = `did:key:${fingerprint}#${fingerprint}`;
  return key;
}

const unsigned = (issuer: string): Json => ({
  '@context': [VC_V2_CONTEXT],
  id: `urn:uuid:${crypto.randomUUID()}`,
  type: ['VerifiableCredential'],
  issuer,
  validFrom: '2026-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:learner', name: 'Li Ming' },
});

/**
 * A Data Integrity proof by `key` over `document` as the Add Proof algorithm has it: with
 * `previousProof`, the document's `proof` holds the proofs it names while signing.
 */
async function proofBy(key: DidKey, document: Json, previous: Json[] = []): Promise<Json> {
  const suite = new DataIntegrityProof({ signer: key.signer(), cryptosuite: eddsaRdfc2022 });
  const ids = previous.map((p) => p['id'] as string);
  (suite as unknown as { proof: Json }).proof = {
    id: `urn:uuid:${crypto.randomUUID()}`,
    ...(ids.length === 1
      ? { previousProof: ids[0] }
      : ids.length > 1
        ? { previousProof: ids }
        : {}),
  };
  const secured = previous.length > 0 ? { ...document, proof: previous } : document;
  return (await suite.createProof({
    document: secured,
    purpose: new vc.CredentialIssuancePurpose(),
    proofSet: [],
    documentLoader,
  })) as Json;
}

const proofCheck = (report: VerificationReport) => report.checks.find((c) => c.id === 'proof');

describe('a proof chain (previousProof)', () => {
  it('verifies an issuer’s proof counter-signed by a notary, and the notary’s first proof then the issuer’s', async () => {
    const issuer = await didKey();
    const notary = await didKey();
    const document = unsigned(issuer.controller);
    const first = await proofBy(issuer, document);
    const counter = await proofBy(notary, document, [first]);
    const countersigned = await verifier.verifyCredential({ ...document, proof: [first, counter] });
    expect(proofCheck(countersigned)?.status).toBe('passed');
    expect(countersigned).toMatchObject({ verified: true, authentic: true });

    // The order of the W3C suite's vector: another party signs first, the issuer chains onto it.
    const witnessed = await proofBy(notary, document);
    const issued = await proofBy(issuer, document, [witnessed]);
    const report = await verifier.verifyCredential({ ...document, proof: [witnessed, issued] });
    expect(report).toMatchObject({ verified: true, authentic: true });
  });

  it('verifies a chained proof over the proofs it names: dropping or altering one breaks it', async () => {
    const issuer = await didKey();
    const notary = await didKey();
    const document = unsigned(issuer.controller);
    const first = await proofBy(issuer, document);
    const counter = await proofBy(notary, document, [first]);
    // The issuer's own proof is fine, but the counter-signature secured another first proof.
    const other = await proofBy(issuer, { ...document, validFrom: '2026-02-01T00:00:00Z' });
    const swapped = await verifier.verifyCredential({
      ...document,
      proof: [{ ...other, id: first['id'] }, counter],
    });
    expect(swapped.verified).toBe(false);
    expect(proofCheck(swapped)).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
  });

  it('refuses a previousProof that names no proof of the credential, or is not a string', async () => {
    const issuer = await didKey();
    const notary = await didKey();
    const document = unsigned(issuer.controller);
    const first = await proofBy(issuer, document);
    const counter = await proofBy(notary, document, [first]);
    const missing = await verifier.verifyCredential({
      ...document,
      proof: [{ ...first, id: 'urn:uuid:not-the-one' }, counter],
    });
    expect(missing.verified).toBe(false);
    expect(proofCheck(missing)).toMatchObject({ status: 'failed', code: 'PROOF_CHAIN_BROKEN' });
    const notAString = await verifier.verifyCredential({
      ...document,
      proof: [first, { ...counter, previousProof: 7 }],
    });
    expect(notAString.verified).toBe(false);
    expect(proofCheck(notAString)?.status).toBe('failed');
  });
});

describe('a proof set', () => {
  it('wants every proof to verify, not just one', async () => {
    const issuer = await didKey();
    const notary = await didKey();
    const document = unsigned(issuer.controller);
    const a = await proofBy(issuer, document);
    const b = await proofBy(notary, document);
    expect((await verifier.verifyCredential({ ...document, proof: [a, b] })).verified).toBe(true);
    // jsonld-signatures alone accepts a document when any one proof verifies; Data Integrity does not.
    const forged = { ...b, proofValue: a['proofValue'] };
    const report = await verifier.verifyCredential({ ...document, proof: [a, forged] });
    expect(report.verified).toBe(false);
    expect(proofCheck(report)).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
  });

  it('wants one proof to be the issuer’s: co-signers alone do not make a credential', async () => {
    const issuer = await didKey();
    const notary = await didKey();
    const witness = await didKey();
    const document = unsigned(issuer.controller);
    const first = await proofBy(notary, document);
    const second = await proofBy(witness, document, [first]);
    const report = await verifier.verifyCredential({ ...document, proof: [first, second] });
    expect(report.verified).toBe(false);
    expect(proofCheck(report)).toMatchObject({ status: 'failed', code: 'ISSUER_MISMATCH' });
    // One proof by someone else is still refused, as before.
    const single = await verifier.verifyCredential({ ...document, proof: first });
    expect(proofCheck(single)).toMatchObject({ status: 'failed', code: 'ISSUER_MISMATCH' });
  });
});
