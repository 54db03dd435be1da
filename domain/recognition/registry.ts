// Recognition rules as versioned data: publishing (a change is a new version, never an edit), listing.
import {
  actingInstitution,
  actorRef,
  requireNotSuspended,
  requireOperator,
  type Actor,
} from '../identity/index.ts';
import { canonicalJson } from '../shared/index.ts';
import { Conflict, Forbidden, InputValidationError, NotFound } from '../shared/index.ts';
import type { RuleRepository, StoredRule } from './ports.ts';
import { validateRuleSet, RecognitionRuleInvalid, type RecognitionRule } from './rules.ts';

/** The publisher of operator-wide rules. */
export const OPERATOR_PUBLISHER = 'operator';

/** Parses a JSON definition (rule or programme) sent as text; bad JSON is bad input, not a crash. */
export function parseDefinition(json: string, field = 'definition'): unknown {
  if (json.length > 200_000) throw new InputValidationError(`${field} is too long`, { field });
  try {
    return JSON.parse(json) as unknown;
  } catch (err) {
    throw new InputValidationError(`${field} is not valid JSON: ${(err as Error).message}`, {
      field,
    });
  }
}

const comparable = (r: RecognitionRule) => canonicalJson({ ...r, version: undefined });

export class RuleRegistry {
  constructor(
    private readonly repo: RuleRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Publishes a rule: the operator any rule, an institution only rules that target itself. The
   * version is the next one (give it or leave it out); an unchanged definition returns the current
   * version. The rule is checked together with the rules in force (cycles, negative credits, …).
   */
  async publish(actor: Actor, raw: unknown): Promise<StoredRule> {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new RecognitionRuleInvalid('A rule is a JSON object');
    const own = actingInstitution(actor);
    if (!own) requireOperator(actor);
    if (actor.kind === 'apikey' && !actor.scopes.includes('records:write'))
      throw new Forbidden('This API key lacks the scope records:write');
    requireNotSuspended(actor);
    const draft = { ...(raw as Record<string, unknown>) };
    const publisher = own ?? OPERATOR_PUBLISHER;
    if (own) draft['publishedBy'] = own;
    else draft['publishedBy'] ??= OPERATOR_PUBLISHER;
    const ruleId = typeof draft['id'] === 'string' ? draft['id'].trim() : '';
    if (!ruleId) throw new RecognitionRuleInvalid('A rule needs an id', { field: 'id' });

    const all = await this.repo.list();
    const previous = all.filter((r) => r.ruleId === ruleId);
    const latest = previous.at(-1);
    if (latest && latest.publisher !== publisher)
      throw new Forbidden(`Rule ${ruleId} belongs to ${latest.publisher}`);
    const next = (latest?.version ?? 0) + 1;
    const given = draft['version'];
    draft['version'] ??= next;
    if (given !== undefined && given !== next && !(latest && given === latest.version)) {
      throw new Conflict(
        `Rule ${ruleId} is at version ${latest?.version ?? 0}; publish version ${next}`,
      );
    }
    // Checked with the latest version of every other rule: the set must stay consistent.
    const others = latestPerRule(all.filter((r) => r.ruleId !== ruleId)).map((r) => r.rule);
    const [rule] = validateRuleSet([{ ...draft, version: draft['version'] ?? next }, ...others]);
    if (!rule) throw new Error('unreachable');
    if (own) requireTargetsItself(rule, own);
    if (latest && latest.kind !== rule.kind)
      throw new RecognitionRuleInvalid(
        `Rule ${ruleId} is a ${latest.kind} rule; a new kind needs a new id`,
      );
    if (latest && comparable(latest.rule) === comparable(rule)) return latest;
    if (rule.version !== next)
      throw new Conflict(
        `Rule ${ruleId} is at version ${latest?.version ?? 0}; publish version ${next}`,
      );
    const stored: StoredRule = {
      ruleId,
      version: next,
      kind: rule.kind,
      publisher,
      publishedAt: this.now().toISOString(),
      publishedBy: actorRef(actor),
      rule,
    };
    if (!(await this.repo.insert(stored)))
      throw new Conflict(
        `Version ${next} of rule ${ruleId} was published concurrently; look again`,
      );
    return stored;
  }

  /** The latest version of every rule (public: rules are published so that anyone can read them). */
  async list(filter: { publisher?: string | null | undefined } = {}): Promise<StoredRule[]> {
    return latestPerRule(await this.repo.list()).filter(
      (r) => !filter.publisher || r.publisher === filter.publisher,
    );
  }

  async versions(ruleId: string): Promise<StoredRule[]> {
    const v = await this.repo.versions(ruleId);
    if (v.length === 0) throw new NotFound('Recognition rule', ruleId);
    return v;
  }

  /** Every version of every rule, for evaluation (rulesInForce picks the version by date). */
  async allRules(): Promise<RecognitionRule[]> {
    return (await this.repo.list()).map((r) => r.rule);
  }
}

function latestPerRule(list: StoredRule[]): StoredRule[] {
  const best = new Map<string, StoredRule>();
  for (const r of list) {
    const cur = best.get(r.ruleId);
    if (!cur || r.version > cur.version) best.set(r.ruleId, r);
  }
  return [...best.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId));
}

/** An institution publishes only rules about credit counted at itself. */
function requireTargetsItself(rule: RecognitionRule, own: string): void {
  if (rule.kind === 'course_equivalence') {
    if (rule.target.institutionId !== own)
      throw new Forbidden('An institution publishes equivalences only toward its own courses');
    return;
  }
  const targets = rule.appliesTo?.targetInstitutionIds;
  if (!targets || targets.some((t) => t !== own))
    throw new Forbidden(
      'An institution publishes rules only for itself: set appliesTo.targetInstitutionIds to [its id]',
    );
}
