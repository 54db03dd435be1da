// RFC 9162 Merkle trees (section 2.1): tree heads, inclusion and consistency proofs, and their checks.
import { createHash } from 'node:crypto';

export type Hash = Buffer;

const sha256 = (...parts: Uint8Array[]): Hash => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

/** The hash of a leaf: H(0x00 || data). */
export const leafHash = (data: Uint8Array): Hash => sha256(LEAF, data);
/** The hash of an interior node: H(0x01 || left || right). */
export const nodeHash = (left: Hash, right: Hash): Hash => sha256(NODE, left, right);

/** The largest power of two smaller than n (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * Leaf hashes with the heads of their complete subtrees remembered, so that a tree head or a proof
 * over a log of n leaves costs O(log n) hashes once the subtrees are known.
 */
export class MerkleTree {
  readonly #leaves: Hash[] = [];
  // Heads of complete, aligned subtrees by `${start}:${size}` (size a power of two).
  readonly #cache = new Map<string, Hash>();

  get size(): number {
    return this.#leaves.length;
  }

  append(leaf: Hash): void {
    this.#leaves.push(leaf);
  }

  leaf(index: number): Hash {
    const l = this.#leaves[index];
    if (!l) throw new RangeError(`no leaf ${index}`);
    return l;
  }

  /** MTH(D[start:start+n]). */
  #mth(start: number, n: number): Hash {
    if (n === 0) return sha256();
    if (n === 1) return this.#leaves[start]!;
    const complete = (n & (n - 1)) === 0;
    const key = `${start}:${n}`;
    if (complete) {
      const hit = this.#cache.get(key);
      if (hit) return hit;
    }
    const k = split(n);
    const h = nodeHash(this.#mth(start, k), this.#mth(start + k, n - k));
    if (complete) this.#cache.set(key, h);
    return h;
  }

  /** The root of the tree of the first `size` leaves. */
  root(size = this.size): Hash {
    this.#check(size);
    return this.#mth(0, size);
  }

  /** PATH(m, D[size]): the audit path of leaf m in the tree of the first `size` leaves. */
  inclusionProof(m: number, size = this.size): Hash[] {
    this.#check(size);
    if (!Number.isInteger(m) || m < 0 || m >= size) throw new RangeError('leaf outside the tree');
    const path = (m: number, start: number, n: number): Hash[] => {
      if (n <= 1) return [];
      const k = split(n);
      return m < k
        ? [...path(m, start, k), this.#mth(start + k, n - k)]
        : [...path(m - k, start + k, n - k), this.#mth(start, k)];
    };
    return path(m, 0, size);
  }

  /** PROOF(m, D[n]): that the tree of the first m leaves is a prefix of the tree of the first n. */
  consistencyProof(m: number, n = this.size): Hash[] {
    this.#check(n);
    if (!Number.isInteger(m) || m < 0 || m > n) throw new RangeError('older tree is larger');
    if (m === 0 || m === n) return [];
    const sub = (m: number, start: number, n: number, whole: boolean): Hash[] => {
      if (m === n) return whole ? [] : [this.#mth(start, n)];
      const k = split(n);
      return m <= k
        ? [...sub(m, start, k, whole), this.#mth(start + k, n - k)]
        : [...sub(m - k, start + k, n - k, false), this.#mth(start, k)];
    };
    return sub(m, 0, n, true);
  }

  #check(size: number): void {
    if (!Number.isInteger(size) || size < 0 || size > this.size)
      throw new RangeError(`no tree of size ${size}`);
  }
}

/** RFC 9162 section 2.1.3.2: does `proof` place `leaf` at `index` in the tree with `root`? */
export function verifyInclusion(
  leaf: Hash,
  index: number,
  size: number,
  proof: Hash[],
  root: Hash,
): boolean {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size)
    return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 section 2.1.4.2: is the tree (size1, root1) a prefix of the tree (size2, root2)? */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: Hash[],
  root1: Hash,
  root2: Hash,
): boolean {
  if (!Number.isInteger(size1) || !Number.isInteger(size2) || size1 < 0 || size1 > size2)
    return false;
  if (size1 === size2) return proof.length === 0 && root1.equals(root2);
  // Every tree extends the empty one.
  if (size1 === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = (size1 & (size1 - 1)) === 0 ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return fr.equals(root1) && sr.equals(root2) && sn === 0;
}
