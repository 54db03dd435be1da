// validateProgramme: schema and semantic checks of a programme definition, with precise messages.
import { z } from 'zod';
import { InputValidationError } from '../shared/index.ts';
import { CREDIT_SYSTEMS, QUALIFICATION_TYPES } from '../shared/index.ts';
import { isRealIsoDate } from '../shared/index.ts';
import { GROUP_KINDS, isGroup } from './types.ts';
import type { Programme, RequirementGroup, RequirementNode } from './types.ts';

/** A programme definition that cannot be audited against: the message names the node and field. */
export class ProgrammeInvalid extends InputValidationError {
  override name = 'ProgrammeInvalid';
}

const id = z.string().trim().min(1).max(200);
const label = z
  .object({ en: z.string().min(1), zh: z.string().min(1) })
  .strict()
  .optional();
const credits = (what: string) =>
  z
    .int(`${what} must be an integer number of hundredths of a credit`)
    .min(0, `${what} must not be negative`);
const common = { id, label };

const requirementSchemas = {
  totalCredits: z
    .object({ ...common, kind: z.literal('totalCredits'), min: credits('min') })
    .strict(),
  categoryCredits: z
    .object({
      ...common,
      kind: z.literal('categoryCredits'),
      categories: z.array(id).min(1, 'categories must name at least one category'),
      min: credits('min'),
      minLevel: z.int().min(1).optional(),
      overlay: z.boolean().optional(),
    })
    .strict(),
  courses: z
    .object({
      ...common,
      kind: z.literal('courses'),
      mode: z.enum(['allOf', 'anyOf']),
      courses: z.array(id).min(1, 'courses must list at least one course ref'),
    })
    .strict(),
  maxPerInstitution: z
    .object({ ...common, kind: z.literal('maxPerInstitution'), max: credits('max') })
    .strict(),
  maxPerPeriod: z
    .object({
      ...common,
      kind: z.literal('maxPerPeriod'),
      period: z.enum(['calendarYear', 'semester']),
      max: credits('max'),
    })
    .strict(),
  residency: z.object({ ...common, kind: z.literal('residency'), min: credits('min') }).strict(),
  minGrade: z
    .object({
      ...common,
      kind: z.literal('minGrade'),
      score: z.number().min(0).max(100).optional(),
      points: z.number().min(0).optional(),
    })
    .strict()
    .refine(
      (g) => g.score !== undefined || g.points !== undefined,
      'a minimum grade needs a score or points',
    ),
  minGpa: z
    .object({
      ...common,
      kind: z.literal('minGpa'),
      min: z.number().min(0, 'min must not be negative'),
    })
    .strict(),
  timeLimit: z.object({ ...common, kind: z.literal('timeLimit'), years: z.int().min(1) }).strict(),
} as const;

const groupSchema = z
  .object({
    ...common,
    kind: z.enum(GROUP_KINDS as ['allOf', 'anyOf', 'atLeast']),
    n: z.int().min(1, 'n must be at least 1').optional(),
    children: z.array(z.unknown()),
  })
  .strict();

const programmeSchema = z
  .object({
    id,
    version: z.int().min(1, 'version starts at 1'),
    institutionId: id,
    partnerInstitutionIds: z.array(id),
    name: z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict(),
    qualificationType: z.enum(QUALIFICATION_TYPES),
    level: z.int().min(0),
    creditSystem: z.enum(CREDIT_SYSTEMS),
    allowDoubleCounting: z.boolean().optional(),
    timeLimitYears: z.int().min(1).optional(),
    effectiveFrom: z
      .string()
      .refine(isRealIsoDate, 'must be a real date like 2024-03-01')
      .optional(),
    requirements: z.unknown(),
  })
  .strict();

function fail(at: string, error: z.ZodError): never {
  const issue = error.issues[0];
  const path = issue?.path.length ? `.${issue.path.join('.')}` : '';
  throw new ProgrammeInvalid(`${at}${path}: ${issue?.message ?? 'invalid'}`, {
    field: `${at}${path}`,
  });
}

function parseNode(raw: unknown, at: string, ids: Set<string>): RequirementNode {
  const kind = (raw as { kind?: unknown } | null)?.kind;
  const rawId = (raw as { id?: unknown } | null)?.id;
  const where = `${at}${typeof rawId === 'string' ? ` (${rawId})` : ''}`;
  let node: RequirementNode;
  if (typeof kind === 'string' && (GROUP_KINDS as readonly string[]).includes(kind)) {
    const g = groupSchema.safeParse(raw);
    if (!g.success) fail(where, g.error);
    const { children, ...rest } = g.data;
    if (children.length === 0)
      throw new ProgrammeInvalid(`${where}: group has no children`, { field: where });
    if (rest.kind === 'atLeast') {
      if (rest.n === undefined)
        throw new ProgrammeInvalid(`${where}: an atLeast group needs n`, { field: where });
      if (rest.n > children.length) {
        throw new ProgrammeInvalid(
          `${where}: group needs ${rest.n} of its children but has only ${children.length}`,
          { field: where },
        );
      }
    } else if (rest.n !== undefined) {
      throw new ProgrammeInvalid(`${where}: n only applies to atLeast groups, not ${rest.kind}`, {
        field: where,
      });
    }
    const group: RequirementGroup = {
      ...rest,
      children: children.map((c, i) => parseNode(c, `${at}.children[${i}]`, ids)),
    };
    node = group;
  } else {
    const schema =
      typeof kind === 'string'
        ? requirementSchemas[kind as keyof typeof requirementSchemas]
        : undefined;
    if (!schema) {
      throw new ProgrammeInvalid(
        `${where}: unknown requirement kind ${JSON.stringify(kind)}; expected one of ${[...GROUP_KINDS, ...Object.keys(requirementSchemas)].join(', ')}`,
        { field: where },
      );
    }
    const r = schema.safeParse(raw);
    if (!r.success) fail(where, r.error);
    node = r.data;
    if (node.kind === 'courses' && new Set(node.courses).size !== node.courses.length) {
      throw new ProgrammeInvalid(`${where}: a course is listed twice`, { field: where });
    }
  }
  if (ids.has(node.id))
    throw new ProgrammeInvalid(`${where}: duplicate requirement id ${node.id}`, { field: where });
  ids.add(node.id);
  return node;
}

/**
 * Parses and checks a programme; returns a fresh, typed copy.
 * @throws ProgrammeInvalid (code INPUT_VALIDATION_ERROR): schema errors (negative credits, unknown
 *   kinds), empty groups, an atLeast group needing more children than it has, duplicate ids.
 */
export function validateProgramme(raw: unknown): Programme {
  const p = programmeSchema.safeParse(raw);
  const rawId = (raw as { id?: unknown } | null)?.id;
  const at = `programme${typeof rawId === 'string' ? ` ${rawId}` : ''}`;
  if (!p.success) fail(at, p.error);
  const requirements = parseNode(p.data.requirements, 'requirements', new Set());
  return { ...p.data, requirements };
}

/** Every node of the tree, depth first, parents before children. */
export function walkRequirements(
  node: RequirementNode,
  visit: (n: RequirementNode, parent: RequirementGroup | undefined) => void,
  parent?: RequirementGroup,
): void {
  visit(node, parent);
  if (isGroup(node)) node.children.forEach((c) => walkRequirements(c, visit, node));
}
