// A worker thread that builds and signs credentials on its own, handed nothing but a count: two of
// them at once show how far this machine's two cores scale this work with no coordination at all.
import { parentPort, workerData } from 'node:worker_threads';
import { createDocumentLoader, issueCredential } from '../credentials/index.ts';
import type { StoredKey } from '../credentials/index.ts';
import { benchCredential } from './credential-fixture.ts';

const port = parentPort;
if (!port) throw new Error('lone-signer.ts must run as a worker thread.');
const { key, kek } = workerData as { key: StoredKey; kek: Uint8Array };
const documentLoader = createDocumentLoader();

// Each message is a count; the reply is the rate (credentials a second) at which they were signed.
port.on('message', (count: number) => {
  void (async () => {
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      await issueCredential({
        credential: benchCredential(i),
        key,
        kek,
        format: 'eddsa-rdfc-2022',
        documentLoader,
      });
    }
    port.postMessage(count / ((performance.now() - started) / 1000));
  })();
});
