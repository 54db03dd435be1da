// A cache of values loaded by key (DID documents, registry entries, status lists) that never makes a
// reader wait for a value it could still use. A value is used for `ttlMs` from when its load began;
// once it is half that old, the next read starts a new load in the background and is answered with
// the value in hand. Only a missing or expired value is waited for, and readers waiting for the same
// key share one load. So under steady traffic nobody waits on the database when a value goes stale
// (at 50 verifications in flight, each refresh had held every one of them for 20–40 ms), and no value
// older than `ttlMs` is ever answered.
//
// Invalidation is immediate: what is deleted is loaded again by the next reader, and a load begun
// before a deletion is neither shared with later readers nor stored.

export interface RefreshingCacheOptions {
  /** How long a value is used, from when its load began. */
  ttlMs: number;
  /** Entries kept at most; past that the cache starts afresh. */
  max?: number;
  /** Clock in milliseconds (tests). */
  now?: () => number;
}

interface Entry<V> {
  value: V;
  loadedFrom: number;
}

export class RefreshingCache<K, V> {
  readonly #entries = new Map<K, Entry<V>>();
  readonly #loading = new Map<K, Promise<V>>();
  // Bumped by every invalidation: a load that began under an older generation is not stored.
  #generation = 0;
  readonly #ttl: number;
  readonly #max: number;
  readonly #now: () => number;

  constructor(options: RefreshingCacheOptions) {
    this.#ttl = options.ttlMs;
    this.#max = options.max ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * The value for `key`: the cached one while it is fresh (refreshed in the background once it is
   * half as old as allowed), else the result of `load(key)`, shared with concurrent readers.
   * A failed load is not cached; a failed background refresh leaves the cached value in use.
   */
  get(key: K, load: (key: K) => Promise<V>): Promise<V> {
    const entry = this.#entries.get(key);
    if (entry) {
      const age = this.#now() - entry.loadedFrom;
      if (age < this.#ttl) {
        if (age >= this.#ttl / 2 && !this.#loading.has(key)) {
          this.#load(key, load).catch(() => undefined);
        }
        return Promise.resolve(entry.value);
      }
    }
    return this.#loading.get(key) ?? this.#load(key, load);
  }

  /** The cached value for `key`, fresh or not, without loading anything. */
  peek(key: K): V | undefined {
    return this.#entries.get(key)?.value;
  }

  delete(key: K): void {
    this.#generation++;
    this.#entries.delete(key);
    this.#loading.delete(key);
  }

  deleteWhere(test: (key: K) => boolean): void {
    this.#generation++;
    for (const key of [...this.#entries.keys()]) if (test(key)) this.#entries.delete(key);
    for (const key of [...this.#loading.keys()]) if (test(key)) this.#loading.delete(key);
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
    this.#loading.clear();
  }

  #load(key: K, load: (key: K) => Promise<V>): Promise<V> {
    const generation = this.#generation;
    const loadedFrom = this.#now();
    const loading = (async () => load(key))().then((value) => {
      if (generation === this.#generation) {
        if (this.#entries.size >= this.#max && !this.#entries.has(key)) this.#entries.clear();
        this.#entries.set(key, { value, loadedFrom });
      }
      return value;
    });
    const settled = () => {
      if (this.#loading.get(key) === loading) this.#loading.delete(key);
    };
    loading.then(settled, settled);
    this.#loading.set(key, loading);
    return loading;
  }
}
