// A load client in its own process (so it does not share the server's event loop): POSTs each
// body once to URL with CONCURRENCY requests in flight over kept-alive connections, and prints
// the latencies (ms) as JSON. Usage: node bench/load-client.mjs URL CONCURRENCY BODIES.json
/* global process, fetch, URL */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [url, concurrencyArg, file] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
const bodies = JSON.parse(readFileSync(file, 'utf8'));
const origin = new URL(url).origin;

// Open the connections first, as long-lived clients have them.
await Promise.all(
  Array.from({ length: concurrency }, () =>
    fetch(`${origin}/healthz`).then((r) => r.arrayBuffer()),
  ),
);

const latencies = [];
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const t0 = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      latencies.push(performance.now() - t0);
    }
  }),
);
process.stdout.write(JSON.stringify({ latencies, totalMs: performance.now() - started }));
