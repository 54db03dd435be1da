// Shared active contexts (credentials/jsonld-shared-contexts.ts) change how fast jsonld.js runs,
// never what it produces: the same expansion, compaction, canonical N-Quads and errors as published.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createDocumentLoader } from '../../../credentials/index.ts';
import { sharedActiveContextsInUse } from '../../../credentials/jsonld-shared-contexts.ts';

const run = async (mode: 'published' | 'shared') => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('../../fixtures/jsonld-corpus-run.ts', import.meta.url)),
      mode,
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as Record<string, string>;
};

describe('shared active contexts in jsonld.js', () => {
  it('are in use wherever the document loader is', () => {
    createDocumentLoader();
    expect(sharedActiveContextsInUse()).toBe(true);
  });

  it('give the same results as jsonld.js as published, on every document we sign or verify and on scoped-context edge cases', async () => {
    const [published, shared] = await Promise.all([run('published'), run('shared')]);
    expect(Object.keys(shared).length).toBeGreaterThan(70);
    // The corpus exercises both outcomes: documents that process and documents that fail.
    expect(Object.values(published).filter((r) => r.startsWith('error')).length).toBeGreaterThan(3);
    expect(Object.values(published).filter((r) => r.includes('_:c14n')).length).toBeGreaterThan(3);
    expect(shared).toEqual(published);
  }, 60_000);
});
