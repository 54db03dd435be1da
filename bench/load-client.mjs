// A load client in its own process (so it does not share the server's event loop): POSTs each
// body once to URL with CONCURRENCY requests in flight, one per kept-alive connection, and prints
// the latencies (ms), the total time and its own CPU time as JSON.
// Usage: node bench/load-client.mjs URL CONCURRENCY BODIES.json
//
// It speaks HTTP/1.1 over raw sockets with the requests built in advance, as wrk or autocannon do:
// the server under test shares the machine's two cores with it, so the client must cost little.
// (fetch cost about twice the CPU, and its connection pool held some requests back for a second.)
/* global process, Buffer, URL */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { performance } from 'node:perf_hooks';

const [url, concurrencyArg, file] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
const target = new URL(url);
const requests = JSON.parse(readFileSync(file, 'utf8')).map((body) => {
  const bytes = Buffer.from(body);
  const head =
    `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${bytes.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), bytes]);
});

function connect() {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(target.port), target.hostname, () => resolve(socket));
    socket.setNoDelay(true);
    socket.once('error', reject);
  });
}

/** Sends one request and reads its response (Content-Length framed); resolves with the status. */
function exchange(socket, request) {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const done = () => {
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    const onData = (chunk) => {
      received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = received.subarray(0, end).toString('latin1');
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      if (!length) {
        done();
        reject(new Error(`response without content-length: ${head}`));
        return;
      }
      if (received.length < end + 4 + Number(length[1])) return;
      done();
      resolve(Number(head.slice(9, 12)));
    };
    const onError = (error) => {
      done();
      reject(error);
    };
    const onClose = () => onError(new Error('connection closed'));
    socket.on('data', onData);
    socket.on('error', onError);
    socket.on('close', onClose);
    socket.write(request);
  });
}

const sockets = await Promise.all(Array.from({ length: concurrency }, connect));
const latencies = [];
let next = 0;
const started = performance.now();
const cpuAtStart = process.cpuUsage();
await Promise.all(
  sockets.map(async (socket) => {
    while (next < requests.length) {
      const request = requests[next++];
      const t0 = performance.now();
      const status = await exchange(socket, request);
      if (status !== 200) throw new Error(`status ${status}`);
      latencies.push(performance.now() - t0);
    }
  }),
);
const totalMs = performance.now() - started;
const cpu = process.cpuUsage(cpuAtStart);
for (const socket of sockets) socket.destroy();
// cpuMs: what the client itself spent, on the cores it shares with the server.
process.stdout.write(JSON.stringify({ latencies, totalMs, cpuMs: (cpu.user + cpu.system) / 1000 }));
