// Benchmark of credentials/: issuing, verifying, JWTs and batch issuance, each against a baseline run alongside.
import { pathToFileURL } from 'node:url';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { SignJWT, importJWK } from 'jose';
import type { Worker } from 'node:worker_threads';
import {
  buildCredential,
  buildDidDocument,
  createBatchIssuer,
  createDocumentLoader,
  createVerifier,
  generateKey,
  issueCredential,
} from '../credentials/index.ts';
import { bundledContexts } from '../credentials/contexts/index.ts';
import { useSharedActiveContexts } from '../credentials/jsonld-shared-contexts.ts';
import type { StoredKey } from '../credentials/index.ts';
import { startTsWorker, WORKER_YOUNG_GENERATION_MB } from '../credentials/worker-thread.ts';
import {
  BENCH_DID as DID,
  benchCredential as credential,
  benchDegreeRecipe,
  benchDiplomaRecipe,
  benchRecipe,
  benchTranscriptRecipe,
} from './credential-fixture.ts';

async function rate(count: number, run: (i: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) await run(i);
  return count / ((performance.now() - started) / 1000);
}

/** The baseline runs @digitalbazaar/vc on jsonld.js as published, without our shared active contexts. */
async function published<T>(run: () => Promise<T>): Promise<T> {
  useSharedActiveContexts(false);
  try {
    return await run();
  } finally {
    useSharedActiveContexts(true);
  }
}

// What a caller gets without our caches: a loader that returns plain results (jsonld re-processes each
// context every call) and a signer rebuilt from the key pair for every credential. With `tag: 'static'`
// (as @digitalbazaar's own loaders return their bundled contexts), jsonld.js as published keeps each
// processed context for the process: the best stock set-up.
function naiveLoader(resolve: (did: string) => object | null, tagStatic = false) {
  return (url: string) => {
    const context = bundledContexts.get(url);
    if (context) {
      return Promise.resolve({
        contextUrl: null,
        documentUrl: url,
        document: context,
        ...(tagStatic ? { tag: 'static' as const } : {}),
      });
    }
    const [did, fragment] = url.split('#');
    const document = resolve(did ?? '') as {
      verificationMethod?: Array<Record<string, unknown>>;
    } | null;
    if (!document) return Promise.reject(new Error(`Not found: ${url}`));
    if (!fragment) return Promise.resolve({ contextUrl: null, documentUrl: url, document });
    const method = document.verificationMethod?.find((vm) => vm['id'] === url);
    return Promise.resolve({
      contextUrl: null,
      documentUrl: url,
      document: { '@context': 'https://w3id.org/security/multikey/v1', ...method },
    });
  };
}

function against(what: string, ours: number, stock: number): void {
  console.log(
    `  ${`    … ${what} against stock at its best (the line above it)`.padEnd(64)} ${''.padStart(7)}                 ×${(ours / stock).toFixed(2)}`,
  );
}

function line(label: string, value: number, baseline: number, unit = 'credentials/s'): void {
  console.log(
    `  ${label.padEnd(64)} ${value.toFixed(value < 10 ? 1 : 0).padStart(7)} ${unit}   ×${(value / baseline).toFixed(2)}`,
  );
}

export async function benchCredentials(): Promise<void> {
  const kek = new Uint8Array(32).fill(7);
  const edKey: StoredKey = await generateKey({ type: 'Ed25519', controller: DID, kek });
  const p256Key: StoredKey = await generateKey({ type: 'P-256', controller: DID, kek });
  const didDocument = buildDidDocument({ did: DID, keys: [edKey, p256Key] });
  const resolve = (did: string) => (did === DID ? structuredClone(didDocument) : null);
  const documentLoader = createDocumentLoader({
    resolveDid: (did) => Promise.resolve(resolve(did)),
  });
  const verifier = createVerifier({
    documentLoader,
    registry: {
      lookupIssuer: (did) =>
        Promise.resolve(
          did === DID
            ? {
                status: 'active' as const,
                accreditedTypes: ['Course', 'BachelorDegree', 'Diploma', 'Transcript'],
              }
            : null,
        ),
    },
    keyStatus: () => Promise.resolve(null),
    fetchStatusList: () => Promise.resolve(null),
  });
  // The baseline signs with the same Ed25519 key, held the way the library holds it.
  const keyPair = await Ed25519Multikey.generate({ controller: DID });
  const exported = await keyPair.export({ publicKey: true, secretKey: true });
  const baselineDoc = buildDidDocument({
    did: DID,
    keys: [
      {
        id: keyPair.id as string,
        controller: DID,
        publicKeyMultibase: exported.publicKeyMultibase as string,
      },
    ],
  });
  const baselineResolve = (did: string) => (did === DID ? structuredClone(baselineDoc) : null);

  // Stock at its best: the same libraries, unpatched, a static-tagged loader and one signer.
  const stockKey = await Ed25519Multikey.from(exported);
  const stockSuite = new DataIntegrityProof({
    signer: stockKey.signer(),
    cryptosuite: eddsaRdfc2022,
  });
  const stockLoader = naiveLoader(baselineResolve, true);

  /**
   * Issuing and verifying one kind of credential, ours against stock (naive and at its best).
   * `scale` shrinks the counts for the big transcript, whose credentials each take ~20× as long.
   */
  const compare = async (make: (i: number) => Record<string, unknown>, scale: number) => {
    const n = (count: number) => Math.max(5, Math.round(count * scale));
    const naiveIssue = async (i: number) => {
      const key = await Ed25519Multikey.from(exported);
      const suite = new DataIntegrityProof({ signer: key.signer(), cryptosuite: eddsaRdfc2022 });
      return vc.issue({ credential: make(i), suite, documentLoader: naiveLoader(baselineResolve) });
    };
    const stockIssue = (i: number) =>
      vc.issue({ credential: make(i), suite: stockSuite, documentLoader: stockLoader });
    const ourIssue = (i: number) =>
      issueCredential({
        credential: make(i),
        key: edKey,
        kek,
        format: 'eddsa-rdfc-2022',
        documentLoader,
      });
    // Warm up both paths (JIT, module loading, our caches) before measuring: our caches (and V8)
    // take a few hundred credentials to warm up; stock's too.
    await published(() => rate(n(50), naiveIssue));
    await published(() => rate(n(300), stockIssue));
    await rate(n(1000), ourIssue);
    const naiveIssueRate = await published(() => rate(n(150), naiveIssue));
    const stockIssueRate = await published(() => rate(n(300), stockIssue));
    const ourIssueRate = await rate(n(1500), ourIssue);

    const naiveSigned = await published(() =>
      Promise.all(Array.from({ length: 20 }, (_, i) => naiveIssue(i))),
    );
    const ourSigned = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => (await ourIssue(i)).credential),
    );
    const stockVerifyWith = (loader: ReturnType<typeof naiveLoader>) => async (i: number) => {
      const result = await vc.verifyCredential({
        credential: naiveSigned[i % naiveSigned.length],
        suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
        documentLoader: loader,
      });
      if (!result.verified) throw new Error('stock verification failed');
    };
    const naiveVerify = (i: number) => stockVerifyWith(naiveLoader(baselineResolve))(i);
    const stockVerify = stockVerifyWith(stockLoader);
    const ourVerify = async (i: number) => {
      const report = await verifier.verifyCredential(ourSigned[i % ourSigned.length]);
      if (!report.verified)
        throw new Error(`verification failed: ${JSON.stringify(report.errors)}`);
    };
    await published(() => rate(n(50), naiveVerify));
    await published(() => rate(n(300), stockVerify));
    await rate(n(1000), ourVerify);
    const naiveVerifyRate = await published(() => rate(n(150), naiveVerify));
    const stockVerifyRate = await published(() => rate(n(300), stockVerify));
    const ourVerifyRate = await rate(n(1500), ourVerify);
    return {
      issue: { naive: naiveIssueRate, stock: stockIssueRate, ours: ourIssueRate },
      verify: { naive: naiveVerifyRate, stock: stockVerifyRate, ours: ourVerifyRate },
    };
  };
  const kinds: Array<[string, (i: number) => Record<string, unknown>, number]> = [
    ['course (Open Badge)', credential, 1],
    ['degree (BachelorDegree)', (i) => buildCredential(benchDegreeRecipe(i)), 0.5],
    ['diploma (Diploma)', (i) => buildCredential(benchDiplomaRecipe(i)), 0.5],
    ['transcript (CLR 2.0, 20 courses)', (i) => buildCredential(benchTranscriptRecipe(i)), 0.05],
  ];
  const compared: Array<[string, Awaited<ReturnType<typeof compare>>]> = [];
  for (const [label, make, scale] of kinds) compared.push([label, await compare(make, scale)]);
  const ourIssue = (i: number) =>
    issueCredential({
      credential: credential(i),
      key: edKey,
      kek,
      format: 'eddsa-rdfc-2022',
      documentLoader,
    });

  const rawJwk = await Ed25519Multikey.toJwk({ keyPair, secretKey: true });
  const seed = Buffer.from(rawJwk.d as string, 'base64url')
    .subarray(0, 32)
    .toString('base64url');
  const signingKey = await importJWK(
    { kty: 'OKP', crv: 'Ed25519', x: rawJwk.x as string, d: seed },
    'EdDSA',
  );
  const joseOnly = (i: number) =>
    new SignJWT(credential(i))
      .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', kid: keyPair.id as string })
      .setIssuedAt()
      .sign(signingKey);
  const ourJwt = (i: number) =>
    issueCredential({
      credential: credential(i),
      key: edKey,
      kek,
      format: 'vc+jwt',
      documentLoader,
    });
  await rate(200, joseOnly);
  await rate(200, ourJwt);
  const joseRate = await rate(2000, joseOnly);
  const ourJwtRate = await rate(2000, ourJwt);

  const batch = createBatchIssuer();
  // A batch job is the builder's recipe, built on the worker; the single thread builds each
  // credential inside its timed loop too.
  const jobs = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      recipe: benchRecipe(i),
      key: edKey,
      format: 'eddsa-rdfc-2022' as const,
    }));
  // Warm both sides alike: the workers compile and fill their caches as the main thread did above.
  // V8 optimises each thread's code on its own, and a worker keeps getting faster for its first
  // ~6,000 credentials (with 2,000 each, the batch's five rounds still rose from ~8,000/s to
  // ~10,500/s, while the single thread's were flat).
  const WARM_UP = 6000;
  await batch.issueMany(jobs(WARM_UP * batch.workers), kek);
  await rate(1000, ourIssue);
  // For reference, what this machine's cores allow: two threads like the batch's workers, each
  // building and signing credentials on its own, with nothing to hand out or collect.
  const loners = Array.from({ length: batch.workers }, () =>
    startTsWorker(new URL('./lone-signer.ts', import.meta.url), {
      workerData: { key: edKey, kek },
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    }),
  );
  const sign = (worker: Worker, count: number) =>
    new Promise<number>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(count);
    });
  await Promise.all(loners.map((w) => sign(w, WARM_UP)));
  // Five rounds of each, alternated, and the median of each: the machine is shared and noisy. Each
  // side signs the same number of credentials, enough that each round has its share of garbage
  // collection (a short single-thread round could fall between two major collections).
  const ROUND = 3000;
  const ROUNDS = 5;
  const singles: number[] = [];
  const batches: number[] = [];
  const ceilings: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    singles.push(await rate(ROUND, ourIssue));
    const work = jobs(ROUND);
    const started = performance.now();
    const results = await batch.issueMany(work, kek);
    batches.push(work.length / ((performance.now() - started) / 1000));
    if (!results.every((r) => r.ok)) throw new Error('batch issuance failed');
    const rates = await Promise.all(loners.map((w) => sign(w, ROUND / loners.length)));
    ceilings.push(rates.reduce((a, b) => a + b, 0));
  }
  await batch.close();
  await Promise.all(loners.map((w) => w.terminate()));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const singleRate = median(singles);
  const batchRate = median(batches);
  const ceilingRate = median(ceilings);

  console.log(
    'credentials/ (eddsa-rdfc-2022 unless noted; ratios against the baseline on the line above)',
  );
  for (const [label, { issue, verify }] of compared) {
    console.log(`  ${label}`);
    line('  baseline: stock vc issue, stock jsonld.js (naive)', issue.naive, issue.naive);
    line(
      '  stock vc issue, stock jsonld.js, static contexts, one signer',
      issue.stock,
      issue.naive,
    );
    line('  issueCredential (jsonld.js routed, fast path)', issue.ours, issue.naive);
    against('issuing', issue.ours, issue.stock);
    line('  baseline: stock vc verifyCredential, stock jsonld.js', verify.naive, verify.naive);
    line('  stock vc verifyCredential, static contexts', verify.stock, verify.naive);
    line('  verifier.verifyCredential (all checks)', verify.ours, verify.naive);
    against('verifying', verify.ours, verify.stock);
  }
  line('baseline: jose SignJWT alone (EdDSA)', joseRate, joseRate);
  line('issueCredential vc+jwt', ourJwtRate, joseRate);
  line(`baseline: issueCredential, one thread (median of ${ROUNDS})`, singleRate, singleRate);
  line(`createBatchIssuer, ${batch.workers} workers (median of ${ROUNDS})`, batchRate, singleRate);
  line(
    `for reference: ${loners.length} threads signing alone, no batch (median of ${ROUNDS})`,
    ceilingRate,
    singleRate,
  );
  console.log(
    `  (the batch reaches ${((batchRate / ceilingRate) * 100).toFixed(0)}% of what ${loners.length} threads signing alone do here; rounds: one thread ${singles.map((x) => x.toFixed(0)).join(', ')}; batch ${batches.map((x) => x.toFixed(0)).join(', ')}; alone ${ceilings.map((x) => x.toFixed(0)).join(', ')})`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchCredentials();
}
