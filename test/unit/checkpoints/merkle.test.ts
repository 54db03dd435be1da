// RFC 9162 Merkle trees: known tree heads, and every proof of small trees against the RFC's definitions.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  MerkleTree,
  leafHash,
  nodeHash,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from '../../../domain/checkpoints/merkle.ts';

// The RFC 6962 test leaves used across Certificate Transparency implementations.
const LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((h) => Buffer.from(h, 'hex'));

/** MTH straight from the RFC's recursive definition, as the reference. */
function mth(d: Buffer[]): Hash {
  if (d.length === 0) return createHash('sha256').digest();
  if (d.length === 1) return leafHash(d[0]!);
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return nodeHash(mth(d.slice(0, k)), mth(d.slice(k)));
}

const tree = (data: Buffer[]) => {
  const t = new MerkleTree();
  for (const d of data) t.append(leafHash(d));
  return t;
};

const data = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`leaf ${i}`));

describe('Merkle tree heads', () => {
  it('matches the published RFC 6962 roots', () => {
    expect(tree(LEAVES.slice(0, 1)).root().toString('hex')).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    expect(tree(LEAVES).root().toString('hex')).toBe(
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    );
    expect(new MerkleTree().root().toString('hex')).toBe(createHash('sha256').digest('hex'));
  });

  it('agrees with the recursive definition at every size, for every prefix', () => {
    const all = data(70);
    const t = tree(all);
    for (let n = 0; n <= all.length; n++) expect(t.root(n).equals(mth(all.slice(0, n)))).toBe(true);
  });
});

describe('inclusion proofs', () => {
  it('verify for every leaf of every tree up to 33 leaves, and fail when anything is changed', () => {
    const all = data(33);
    const t = tree(all);
    for (let n = 1; n <= all.length; n++) {
      const root = t.root(n);
      for (let m = 0; m < n; m++) {
        const proof = t.inclusionProof(m, n);
        expect(verifyInclusion(t.leaf(m), m, n, proof, root)).toBe(true);
        expect(verifyInclusion(leafHash(Buffer.from('other')), m, n, proof, root)).toBe(false);
        if (n > 1) {
          expect(verifyInclusion(t.leaf(m), (m + 1) % n, n, proof, root)).toBe(false);
          const bent = proof.map((p, i) => (i === 0 ? leafHash(p) : p));
          expect(verifyInclusion(t.leaf(m), m, n, bent, root)).toBe(false);
        }
        expect(verifyInclusion(t.leaf(m), n, n, proof, root)).toBe(false);
      }
    }
  });
});

describe('consistency proofs', () => {
  it('verify between every pair of sizes up to 33, and fail for another history', () => {
    const all = data(33);
    const t = tree(all);
    const forked = tree([...all.slice(0, 20), Buffer.from('rewritten'), ...all.slice(21)]);
    for (let n = 1; n <= all.length; n++) {
      for (let m = 0; m <= n; m++) {
        const proof = t.consistencyProof(m, n);
        expect(verifyConsistency(m, n, proof, t.root(m), t.root(n))).toBe(true);
        if (m > 0 && m < n) {
          expect(verifyConsistency(m, n, proof, t.root(m), t.root(n - 1))).toBe(false);
          expect(verifyConsistency(m, n, proof.slice(1), t.root(m), t.root(n))).toBe(false);
        }
        // A log that rewrote leaf 20 cannot prove it extends a tree that held the original.
        if (m > 20 && m < n) {
          expect(
            verifyConsistency(m, n, forked.consistencyProof(m, n), t.root(m), forked.root(n)),
          ).toBe(false);
        }
      }
    }
  });
});
