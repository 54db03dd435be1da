// The docs cannot drift from the code: links resolve inside the repository, and the reference pages name
// exactly the configuration variables, CLI commands and GraphQL schema the code has.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../../api/config.ts';
import { renderSchemaReference, SCHEMA_REFERENCE } from '../../../scripts/graphql-reference.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function markdownFiles(): string[] {
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((d) =>
        d.isDirectory()
          ? walk(path.join(dir, d.name))
          : d.name.endsWith('.md')
            ? [path.join(dir, d.name)]
            : [],
      );
  return [
    path.join(ROOT, 'README.md'),
    path.join(ROOT, 'examples/README.md'),
    ...walk(path.join(ROOT, 'docs')),
  ];
}

/** The text outside fenced code blocks (links in examples are not links). */
function prose(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```\s*$/gm, '');
}

/** GitHub's anchors for a page's headings (lower case, punctuation dropped, spaces to hyphens, repeats numbered). */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, heading] of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = heading!
      .replace(/`/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

function links(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map(
    (m) => m[1]!,
  );
}

describe('links in README.md and docs/', () => {
  for (const file of markdownFiles()) {
    const rel = path.relative(ROOT, file);
    it(`${rel}: every relative link resolves inside the repository`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const broken: string[] = [];
      // Paths in prose are links too, to a reader: nothing may point outside the repository.
      for (const m of prose(text).matchAll(/(\.\.\/shared\/|\/work\/|\/home\/|\/root\/)[\w./-]*/g))
        broken.push(`${m[0]}: outside the repository`);
      for (const target of links(text)) {
        if (/^(https?|mailto):/.test(target)) continue;
        if (/^(file:|\/)/.test(target) || /^[A-Za-z]:\\/.test(target)) {
          broken.push(`${target}: an absolute path works on one machine only`);
          continue;
        }
        const [where, anchor] = target.split('#') as [string, string | undefined];
        const resolved = where ? path.resolve(path.dirname(file), where) : file;
        if (path.relative(ROOT, resolved).startsWith('..')) {
          broken.push(`${target}: outside the repository`);
          continue;
        }
        if (!fs.existsSync(resolved)) {
          broken.push(`${target}: no such file`);
          continue;
        }
        if (anchor && resolved.endsWith('.md')) {
          if (!anchors(fs.readFileSync(resolved, 'utf8')).has(anchor))
            broken.push(`${target}: no heading with that anchor`);
        }
      }
      expect(broken).toEqual([]);
    });
  }

  it('names only files of the repository that exist (`api/config.ts`, `domain/…`, `test/…`)', () => {
    const tops =
      'api|bench|credentials|deploy|domain|embedded-db|examples|ledger|schema|scripts|storage|test|web';
    const path_ = new RegExp(`\`((?:${tops})/[\\w./-]+\\.[a-z]+)\``, 'g');
    const missing: string[] = [];
    for (const file of markdownFiles()) {
      for (const [, named] of fs.readFileSync(file, 'utf8').matchAll(path_))
        if (!fs.existsSync(path.join(ROOT, named!)))
          missing.push(`${path.relative(ROOT, file)}: ${named}`);
    }
    expect(missing).toEqual([]);
  });

  it('knows GitHub anchors', () => {
    expect([
      ...anchors('# How an employer verifies a credential\n## `me` (again)\n## A\n## A'),
    ]).toEqual(['how-an-employer-verifies-a-credential', 'me-again', 'a', 'a-1']);
  });
});

describe('reference pages', () => {
  it('documents every configuration variable, and no other', () => {
    const page = fs.readFileSync(path.join(ROOT, 'docs/reference/configuration.md'), 'utf8');
    const documented = new Set(
      [...page.matchAll(/^\|\s*(`[A-Z_]+`(?:\s*\/\s*`[A-Z_]+`)*)\s*\|/gm)].flatMap((m) =>
        [...m[1]!.matchAll(/`([A-Z_]+)`/g)].map((v) => v[1]!),
      ),
    );
    expect([...CONFIG_VARIABLES].filter((v) => !documented.has(v))).toEqual([]);
    expect([...documented].filter((v) => !CONFIG_VARIABLES.includes(v))).toEqual([]);
  });

  it('documents every command of the CLI, and no other', () => {
    const source = fs.readFileSync(path.join(ROOT, 'scripts/cli.ts'), 'utf8');
    const commands = new Set([
      ...[...source.matchAll(/^\s*case '([a-z-]+)':/gm)].map((m) => m[1]!),
      ...[...source.matchAll(/command === '([a-z-]+)'/g)].map((m) => m[1]!),
    ]);
    expect(commands.size).toBeGreaterThan(5);
    const page = fs.readFileSync(path.join(ROOT, 'docs/reference/cli.md'), 'utf8');
    const documented = new Set([...page.matchAll(/^#{2,3} `([a-z-]+)`/gm)].map((m) => m[1]!));
    expect([...commands].filter((c) => !documented.has(c)).sort()).toEqual([]);
    expect([...documented].filter((c) => !commands.has(c)).sort()).toEqual([]);
  });

  it('names only npm scripts and CLI commands that exist, anywhere in the docs', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const source = fs.readFileSync(path.join(ROOT, 'scripts/cli.ts'), 'utf8');
    const commands = new Set(
      [...source.matchAll(/^\s*case '([a-z-]+)':|command === '([a-z-]+)'/gm)].map(
        (m) => m[1] ?? m[2]!,
      ),
    );
    const unknown: string[] = [];
    for (const file of markdownFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      const where = path.relative(ROOT, file);
      for (const [, script] of text.matchAll(/npm run ([a-z][\w:-]*)/g))
        if (!(script! in pkg.scripts)) unknown.push(`${where}: npm run ${script}`);
      for (const [, command] of text.matchAll(/npm run cli -- ([a-z][\w-]*)/g))
        if (!commands.has(command!)) unknown.push(`${where}: npm run cli -- ${command}`);
    }
    expect(unknown).toEqual([]);
  });

  it("architecture's diagram of the domain modules is domain/modules.json", () => {
    const allowed = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'domain/modules.json'), 'utf8'),
    ) as Record<string, string[]>;
    const expected = Object.entries(allowed)
      .flatMap(([from, to]) => to.filter((m) => m !== 'shared').map((m) => `${from} --> ${m}`))
      .sort();
    const page = fs.readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
    const section = page.slice(page.indexOf('## The domain modules'));
    const diagram = /```mermaid\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const drawn = [...diagram.matchAll(/^\s*(\w+) --> (\w+)\s*$/gm)].map(
      (m) => `${m[1]} --> ${m[2]}`,
    );
    expect(drawn.sort()).toEqual(expected);
  });

  it(`${SCHEMA_REFERENCE} is what npm run docs:schema writes from schema/*.graphql`, async () => {
    const page = fs.readFileSync(path.join(ROOT, SCHEMA_REFERENCE), 'utf8');
    expect(page === (await renderSchemaReference()), 'run `npm run docs:schema`').toBe(true);
  });
});
