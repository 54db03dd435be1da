// Renders the GraphQL schema reference (docs/reference/graphql-schema.md) from schema/*.graphql.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  Kind,
  parse,
  print,
  type DefinitionNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type StringValueNode,
  type TypeNode,
} from 'graphql';
import * as prettier from 'prettier';

const ROOT = path.resolve(import.meta.dirname, '..');
export const SCHEMA_REFERENCE = 'docs/reference/graphql-schema.md';

interface Area {
  file: string;
  /** The file's opening comment: what the area is about. */
  summary: string;
  definitions: readonly DefinitionNode[];
}

function areas(): Area[] {
  const dir = path.join(ROOT, 'schema');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const sdl = readFileSync(path.join(dir, file), 'utf8');
      const summary = /^#\s*(.+(?:\n#\s.+)*)/.exec(sdl)?.[1]?.replace(/\n#\s*/g, ' ') ?? '';
      return { file, summary, definitions: parse(sdl).definitions };
    });
}

const typeName = (t: TypeNode): string => print(t);

/** A type's name as a link to its section when the schema defines it (scalars of GraphQL itself stay plain). */
function typeLink(t: TypeNode, defined: Set<string>): string {
  const printed = typeName(t);
  const base = printed.replace(/[[\]!]/g, '');
  return defined.has(base) ? `[\`${printed}\`](#${base.toLowerCase()})` : `\`${printed}\``;
}

function oneLine(d: StringValueNode | undefined): string {
  return d ? d.value.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|') : '';
}

function args(list: readonly InputValueDefinitionNode[] | undefined): string {
  if (!list?.length) return '';
  return `(${list.map((a) => `${a.name.value}: ${typeName(a.type)}`).join(', ')})`;
}

function fieldRows(
  fields: readonly (FieldDefinitionNode | InputValueDefinitionNode)[],
  defined: Set<string>,
): string[] {
  const rows = ['| field | type | description |', '| --- | --- | --- |'];
  for (const f of fields) {
    const a = 'arguments' in f ? args(f.arguments) : '';
    rows.push(
      `| \`${f.name.value}${a}\` | ${typeLink(f.type, defined)} | ${oneLine(f.description)} |`,
    );
  }
  return rows;
}

/** The whole reference as markdown, formatted as prettier formats the repository. */
export async function renderSchemaReference(): Promise<string> {
  const all = areas();
  const defined = new Set(
    all.flatMap((a) =>
      a.definitions.flatMap((d) =>
        'name' in d && d.name && !d.kind.includes('Extension') ? [d.name.value] : [],
      ),
    ),
  );
  const out: string[] = [
    '# GraphQL schema reference',
    '',
    'Generated from `schema/*.graphql` by `npm run docs:schema`; `npm run docs:schema:check` (in CI, and a',
    'unit test) fails when this page is stale. Do not edit it by hand: change the SDL and regenerate.',
    '',
    'The API is served at `/graphql` (GraphiQL outside production). Expected failures are results, not',
    'GraphQL errors: most fields return a union of their answer and [`ResultError`](#resulterror).',
    '',
  ];
  for (const area of all) {
    out.push(`## ${area.file}`, '', area.summary, '');
    const roots = area.definitions.filter(
      (d) =>
        (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) &&
        (d.name.value === 'Query' || d.name.value === 'Mutation'),
    );
    for (const root of roots) {
      if (root.kind !== Kind.OBJECT_TYPE_DEFINITION && root.kind !== Kind.OBJECT_TYPE_EXTENSION)
        continue;
      if (!root.fields?.length) continue;
      out.push(`### ${root.name.value} (${area.file})`, '', ...fieldRows(root.fields, defined), '');
    }
    for (const d of area.definitions) {
      switch (d.kind) {
        case Kind.OBJECT_TYPE_DEFINITION:
        case Kind.INPUT_OBJECT_TYPE_DEFINITION: {
          if (d.name.value === 'Query' || d.name.value === 'Mutation') break;
          const what = d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ? 'input' : 'type';
          out.push(`### ${d.name.value}`, '', `${what}. ${oneLine(d.description)}`.trim(), '');
          if (d.fields?.length) out.push(...fieldRows(d.fields, defined), '');
          break;
        }
        case Kind.ENUM_TYPE_DEFINITION:
          out.push(`### ${d.name.value}`, '', `enum. ${oneLine(d.description)}`.trim(), '');
          for (const v of d.values ?? [])
            out.push(`- \`${v.name.value}\`${v.description ? `: ${oneLine(v.description)}` : ''}`);
          out.push('');
          break;
        case Kind.UNION_TYPE_DEFINITION:
          out.push(
            `### ${d.name.value}`,
            '',
            `union of ${(d.types ?? []).map((t) => typeLink(t, defined)).join(', ')}. ${oneLine(d.description)}`.trim(),
            '',
          );
          break;
        case Kind.SCALAR_TYPE_DEFINITION:
          out.push(`### ${d.name.value}`, '', `scalar. ${oneLine(d.description)}`.trim(), '');
          break;
        default:
          break;
      }
    }
  }
  const options = (await prettier.resolveConfig(path.join(ROOT, SCHEMA_REFERENCE))) ?? {};
  return prettier.format(out.join('\n'), { ...options, parser: 'markdown' });
}
