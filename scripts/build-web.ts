// Builds the browser app into web/dist when it is missing or its sources changed (npm start, tests).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');
const STAMP = path.join(WEB, 'dist', '.source-hash');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

/** A hash of everything the build reads: the app's sources, its config and the locked dependencies. */
export function webSourceHash(): string {
  const h = createHash('sha256');
  const inputs = [
    ...files(path.join(WEB, 'src')),
    path.join(WEB, 'index.html'),
    path.join(WEB, 'vite.config.ts'),
    path.join(ROOT, 'package-lock.json'),
  ];
  for (const f of inputs) {
    h.update(path.relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return h.digest('hex');
}

export function ensureWebBuilt(log: (line: string) => void = console.log): boolean {
  const hash = webSourceHash();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) return false;
  log('Building the web app (web/dist)…');
  const started = Date.now();
  // In a child process with NODE_ENV=production: Vite would otherwise honour the caller's (vitest
  // sets `test`) and bundle React's development build.
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(
    process.execPath,
    [vite, 'build', '--config', path.join(WEB, 'vite.config.ts'), '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  writeFileSync(STAMP, hash);
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureWebBuilt();
}
