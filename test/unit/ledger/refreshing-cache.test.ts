// The refreshing cache: fresh values answered without loading, refreshed in the background once half
// as old as allowed, expired ones waited for; loads shared; deletions immediate, even mid-load.
import { describe, expect, it } from 'vitest';
import { RefreshingCache } from '../../../domain/shared/refreshing-cache.ts';

/** A load whose answers the test releases one at a time. */
function controlledLoad() {
  const calls: Array<{ key: string; resolve: (v: string) => void; reject: (e: Error) => void }> =
    [];
  const load = (key: string) =>
    new Promise<string>((resolve, reject) => calls.push({ key, resolve, reject }));
  return { calls, load };
}

function setUp(ttlMs = 1000) {
  let clock = 0;
  const cache = new RefreshingCache<string, string>({ ttlMs, now: () => clock });
  return { cache, tick: (ms: number) => (clock += ms) };
}

const settle = () => new Promise((r) => setImmediate(r));

/** A cache holding "v1" for "k", loaded at time 0, and the load it was loaded with. */
async function holdingV1() {
  const { cache, tick } = setUp();
  const { calls, load } = controlledLoad();
  const first = cache.get('k', load);
  calls[0]!.resolve('v1');
  await first;
  return { cache, tick, calls, load };
}

describe('RefreshingCache', () => {
  it('loads a missing value once for every concurrent reader, then answers from memory', async () => {
    const { cache, tick } = setUp();
    const { calls, load } = controlledLoad();
    const a = cache.get('k', load);
    const b = cache.get('k', load);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve('v1');
    expect(await a).toBe('v1');
    expect(await b).toBe('v1');
    tick(499);
    expect(await cache.get('k', load)).toBe('v1');
    expect(calls).toHaveLength(1);
  });

  it('once a value is half as old as allowed, answers it and refreshes it in the background', async () => {
    const { cache, tick, calls, load } = await holdingV1();
    tick(600);
    // Answered at once with what is in hand; one refresh started, not one per reader.
    expect(await cache.get('k', load)).toBe('v1');
    expect(await cache.get('k', load)).toBe('v1');
    expect(calls).toHaveLength(2);
    calls[1]!.resolve('v2');
    await settle();
    expect(await cache.get('k', load)).toBe('v2');
    // The refreshed value is as old as its load: fresh again for the full time.
    tick(499);
    expect(await cache.get('k', load)).toBe('v2');
    expect(calls).toHaveLength(2);
  });

  it('never answers a value older than allowed: an expired one is waited for', async () => {
    const { cache, tick, calls, load } = await holdingV1();
    tick(1000);
    let answered: string | undefined;
    const read = cache.get('k', load).then((v) => (answered = v));
    await settle();
    expect(answered).toBeUndefined();
    calls[1]!.resolve('v2');
    await read;
    expect(answered).toBe('v2');
  });

  it('keeps the value in use when a background refresh fails, and does not cache a failed load', async () => {
    const { cache, tick, calls, load } = await holdingV1();
    tick(600);
    expect(await cache.get('k', load)).toBe('v1');
    calls[1]!.reject(new Error('database away'));
    await settle();
    expect(await cache.get('k', load)).toBe('v1'); // and a new refresh is under way
    expect(calls).toHaveLength(3);
    tick(400); // expired: the reader waits, and sees the failure
    calls[2]!.reject(new Error('still away'));
    await settle();
    const failing = cache.get('k', load);
    calls[3]!.reject(new Error('away again'));
    await expect(failing).rejects.toThrow('away again');
    const next = cache.get('k', load);
    expect(calls).toHaveLength(5);
    calls[4]!.resolve('v3');
    expect(await next).toBe('v3');
  });

  it('forgets at once what is deleted, and does not store or share a load begun before', async () => {
    const { cache, calls, load } = await holdingV1();

    cache.delete('k');
    const before = cache.get('k', load); // begins a load...
    cache.deleteWhere((key) => key === 'k'); // ...that a change makes stale
    const after = cache.get('k', load); // a new reader does not join it
    expect(calls).toHaveLength(3);
    calls[2]!.resolve('new');
    expect(await after).toBe('new');
    calls[1]!.resolve('stale'); // finishing last, it must not overwrite
    expect(await before).toBe('stale');
    expect(cache.peek('k')).toBe('new');

    cache.clear();
    expect(cache.peek('k')).toBeUndefined();
    const again = cache.get('k', load);
    expect(calls).toHaveLength(4);
    calls[3]!.resolve('newer');
    expect(await again).toBe('newer');
  });

  it('keeps at most `max` entries', async () => {
    const cache = new RefreshingCache<number, number>({ ttlMs: 1000, max: 3 });
    for (let i = 0; i < 5; i++) await cache.get(i, (k) => Promise.resolve(k * 10));
    const kept = [0, 1, 2, 3, 4].filter((k) => cache.peek(k) !== undefined);
    expect(kept.length).toBeLessThanOrEqual(3);
    expect(cache.peek(4)).toBe(40);
  });
});
