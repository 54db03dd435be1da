// Serves the built browser app (web/dist): hashed assets cached for a year, the page itself never cached.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

export const WEB_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../web/dist',
);

/** Same-origin only: no inline script or style, no outside URL, no framing. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function setPageHeaders(res: express.Response): void {
  res.setHeader('Content-Security-Policy', APP_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (!res.hasHeader('Referrer-Policy')) res.setHeader('Referrer-Policy', 'same-origin');
}

/** The app's page (index.html), re-read when a rebuild replaced it; undefined without a build. */
export function appPage(
  dist = WEB_DIST,
): ((res: express.Response, cacheControl?: string) => void) | undefined {
  const indexFile = path.join(dist, 'index.html');
  if (!existsSync(indexFile)) return undefined;
  // Re-read when a rebuild replaced it (`npm run build:web` while the server runs).
  let index = { mtimeMs: 0, body: Buffer.alloc(0) };
  return (res, cacheControl = 'no-cache') => {
    const { mtimeMs } = statSync(indexFile);
    if (mtimeMs !== index.mtimeMs) index = { mtimeMs, body: readFileSync(indexFile) };
    setPageHeaders(res);
    res.setHeader('Cache-Control', cacheControl);
    res.type('html').send(index.body);
  };
}

/**
 * The app's routes: `/assets/*` as files, and index.html for any other GET a browser makes (the
 * client-side router takes it from there). Without a build (web/dist) it answers nothing, so the
 * API and its tests run without one.
 */
export function webAppRouter(dist = WEB_DIST): Router {
  const router = express.Router();
  const page = appPage(dist);
  if (!page) return router;
  router.use(
    '/assets',
    express.static(path.join(dist, 'assets'), {
      index: false,
      fallthrough: false,
      immutable: true,
      maxAge: '365d',
      setHeaders: (res) => res.setHeader('X-Content-Type-Options', 'nosniff'),
    }),
  );
  router.get('/{*path}', (req, res, next) => {
    // Browsers name text/html when they navigate; API clients (`*/*`, JSON) keep the JSON 404.
    if (!(req.headers.accept ?? '').includes('text/html')) return next();
    if (req.accepts(['text/html', 'application/json']) !== 'text/html') return next();
    page(res);
  });
  return router;
}
