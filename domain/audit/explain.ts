// The audit's words: a label for every requirement and, for each, what counts and what is missing.
import { isGroup } from '../programmes/index.ts';
import type { Programme, RequirementNode } from '../programmes/index.ts';
import type { LocalizedText } from '../shared/index.ts';
import { dateOnly, yearOf } from '../shared/index.ts';
import { needOf, type Evaluation } from './problem.ts';
import {
  categoryText,
  courseLabel,
  creditsEn,
  formatCredits,
  institutionText,
  text,
  type AuditNames,
} from '../shared/index.ts';
import type { RequirementResult } from '../recognition/index.ts';

const catsText = (cats: readonly string[]): LocalizedText => ({
  en: cats.map((c) => categoryText(c).en).join(' or '),
  zh: cats.map((c) => categoryText(c).zh).join('或'),
});

const NONE: LocalizedText = { en: '', zh: '' };

/** "Zhejiang University or its partners". */
function residentText(p: Programme, names: AuditNames | undefined): LocalizedText {
  const home = institutionText(p.institutionId, names);
  return p.partnerInstitutionIds.length > 0
    ? text(`${home.en} or its partners`, `${home.zh}或其合作机构`)
    : home;
}

export function defaultLabel(n: RequirementNode, p: Programme, names?: AuditNames): LocalizedText {
  if (n.label) return n.label;
  if (isGroup(n)) {
    const en = n.kind === 'allOf' ? 'All of' : n.kind === 'anyOf' ? 'One of' : `At least ${n.n} of`;
    const zh =
      n.kind === 'allOf' ? '全部满足' : n.kind === 'anyOf' ? '满足其一' : `至少满足 ${n.n} 项`;
    return text(en, zh);
  }
  switch (n.kind) {
    case 'totalCredits':
      return text(`${creditsEn(n.min)} in total`, `总学分不少于 ${formatCredits(n.min)}`);
    case 'categoryCredits': {
      const c = catsText(n.categories);
      return text(
        `${creditsEn(n.min, c.en)}${n.minLevel ? ` at level ${n.minLevel} or above` : ''}`,
        `${c.zh}学分不少于 ${formatCredits(n.min)}${n.minLevel ? `（${n.minLevel} 级及以上）` : ''}`,
      );
    }
    case 'courses': {
      const codes = n.courses.map(courseLabel);
      if (n.mode === 'anyOf')
        return text(`One of ${codes.join(', ')}`, `以下课程之一：${codes.join('、')}`);
      return codes.length === 1
        ? text(`Course ${codes[0]}`, `课程 ${codes[0]}`)
        : text(`Courses ${codes.join(', ')}`, `课程 ${codes.join('、')}`);
    }
    case 'maxPerInstitution':
      return text(
        `At most ${creditsEn(n.max)} from one institution`,
        `同一机构最多 ${formatCredits(n.max)} 学分`,
      );
    case 'maxPerPeriod':
      return n.period === 'calendarYear'
        ? text(
            `At most ${creditsEn(n.max)} a calendar year`,
            `每年最多 ${formatCredits(n.max)} 学分`,
          )
        : text(`At most ${creditsEn(n.max)} a semester`, `每学期最多 ${formatCredits(n.max)} 学分`);
    case 'residency': {
      const at = residentText(p, names);
      return text(
        `${creditsEn(n.min)} at ${at.en}`,
        `在${at.zh}取得不少于 ${formatCredits(n.min)} 学分`,
      );
    }
    case 'minGrade': {
      const g = n.score !== undefined ? `a score of ${n.score}` : `${n.points} grade points`;
      const gz = n.score !== undefined ? `${n.score} 分` : `${n.points} 绩点`;
      return text(`Only grades of at least ${g} count`, `成绩不低于 ${gz} 方可计入`);
    }
    case 'minGpa':
      return text(`GPA of at least ${n.min.toFixed(2)}`, `平均学分绩点不低于 ${n.min.toFixed(2)}`);
    case 'timeLimit':
      return text(
        `All credits earned within ${n.years} year${n.years === 1 ? '' : 's'}`,
        `所有学分须在 ${n.years} 年内取得`,
      );
  }
}

/** What the explanation needs besides the evaluation: the programme's shape and the kept credits. */
export interface ExplainContext {
  programme: Programme;
  names?: AuditNames | undefined;
  asOf: string;
  nodes: Array<{ node: RequirementNode; parentId?: string }>;
  evaluation: Evaluation;
  /** Kept credits as (entry id, credits, fields requirements look at), in the deterministic order. */
  kept: Array<{
    index: number;
    entryId: string;
    earnedAt: string;
    resident: boolean;
    graded: boolean;
    score?: number | undefined;
    points?: number | undefined;
    overlays: number[];
    mask: number;
  }>;
  entryOfUnit: (index: number) => string;
  bucketIndex: (id: string) => number;
  overlayIndex: (id: string) => number;
  capIndex: (id: string) => number;
  /** Per cap, the highest usage of any one key. */
  capPeak: number[];
  doubleCounting: boolean;
  bucketOf: number[];
}

export function requirementResults(x: ExplainContext): RequirementResult[] {
  const { programme, evaluation: d } = x;
  const gpaValue =
    d.gpa.credits > 0 ? Math.round(d.gpa.milliPoints / d.gpa.credits / 10) / 100 : null;
  return x.nodes.map(({ node, parentId }) => {
    const label = defaultLabel(node, programme, x.names);
    const met = d.met.get(node.id) ?? false;
    const base = { id: node.id, kind: node.kind, ...(parentId ? { parentId } : {}), label, met };
    const credits = (
      required: number,
      counted: number,
      entries: string[],
      missing: (m: number) => LocalizedText,
    ): RequirementResult => ({
      ...base,
      unit: 'credits',
      required,
      counted,
      missing:
        counted >= required
          ? { text: NONE }
          : { amount: required - counted, text: missing(required - counted) },
      entries,
    });
    if (isGroup(node)) {
      const need = needOf(node);
      const unmet = node.children.filter((c) => !d.met.get(c.id));
      const count = node.children.length - unmet.length;
      const labels = unmet.map((c) => defaultLabel(c, programme, x.names));
      const more = need - count;
      return {
        ...base,
        unit: 'requirements',
        required: need,
        counted: count,
        missing: met
          ? { text: NONE }
          : {
              amount: more,
              text: text(
                `${more} more of: ${labels.map((l) => l.en).join('; ')}`,
                `还需满足 ${more} 项：${labels.map((l) => l.zh).join('；')}`,
              ),
            },
        entries: [],
      };
    }
    switch (node.kind) {
      case 'totalCredits':
        return credits(
          node.min,
          d.total,
          x.kept.map((c) => c.entryId),
          (m) => text(creditsEn(m, 'more'), `还差 ${formatCredits(m)} 学分`),
        );
      case 'categoryCredits': {
        const c = catsText(node.categories);
        const lvl = node.minLevel
          ? text(` at level ${node.minLevel} or above`, `（${node.minLevel} 级及以上）`)
          : NONE;
        const missing = (m: number) =>
          text(
            `${formatCredits(m)} more ${c.en} credit${m === 100 ? '' : 's'}${lvl.en}`,
            `还差 ${formatCredits(m)} ${c.zh}学分${lvl.zh}`,
          );
        if (node.overlay) {
          const k = x.overlayIndex(node.id);
          return credits(
            node.min,
            d.overlay[k]!,
            x.kept.filter((u) => u.overlays.includes(k)).map((u) => u.entryId),
            missing,
          );
        }
        const k = x.bucketIndex(node.id);
        const entries = x.doubleCounting
          ? x.kept.filter((u) => (u.mask >> k) & 1).map((u) => u.entryId)
          : x.kept.filter((u) => x.bucketOf[u.index] === k).map((u) => u.entryId);
        return credits(node.min, d.filled[k]!, entries, missing);
      }
      case 'courses': {
        const hits = d.courseHits.get(node.id) ?? new Map<string, number>();
        const lacking = node.courses.filter((r) => !hits.has(r)).map(courseLabel);
        const required = node.mode === 'allOf' ? node.courses.length : 1;
        const missing =
          met || lacking.length === 0
            ? { text: NONE }
            : node.mode === 'allOf'
              ? {
                  amount: lacking.length,
                  text: text(
                    `${lacking.join(' and ')} ${lacking.length > 1 ? '(or equivalents)' : 'or an equivalent'}`,
                    `${lacking.join('、')}（或同等课程）`,
                  ),
                }
              : {
                  amount: 1,
                  text: text(
                    `${lacking.join(' or ')} or an equivalent`,
                    `${lacking.join('或')}（或同等课程）`,
                  ),
                };
        return {
          ...base,
          unit: 'courses',
          required,
          counted: Math.min(hits.size, node.mode === 'allOf' ? hits.size : 1),
          missing,
          entries: [...new Set([...hits.values()].map(x.entryOfUnit))],
        };
      }
      case 'maxPerInstitution':
      case 'maxPerPeriod':
        return {
          ...base,
          unit: 'credits',
          required: node.max,
          counted: x.capPeak[x.capIndex(node.id)] ?? 0,
          missing: { text: NONE },
          entries: [],
        };
      case 'residency': {
        const at = residentText(programme, x.names);
        return credits(
          node.min,
          d.residency,
          x.kept.filter((c) => c.resident).map((c) => c.entryId),
          (m) =>
            text(
              `${creditsEn(m, 'more')} at ${at.en}`,
              `还需在${at.zh}取得 ${formatCredits(m)} 学分`,
            ),
        );
      }
      case 'minGpa':
        return {
          ...base,
          unit: 'gpa',
          required: node.min,
          counted: gpaValue ?? 0,
          missing: met
            ? { text: NONE }
            : gpaValue === null
              ? {
                  amount: node.min,
                  text: text('No graded credits count yet.', '尚无计入的有成绩学分。'),
                }
              : {
                  amount: Math.round((node.min - gpaValue) * 100) / 100,
                  text: text(
                    `GPA ${gpaValue.toFixed(2)} is below ${node.min.toFixed(2)}`,
                    `平均学分绩点 ${gpaValue.toFixed(2)} 低于 ${node.min.toFixed(2)}`,
                  ),
                },
          entries: x.kept.filter((c) => c.points !== undefined).map((c) => c.entryId),
        };
      case 'minGrade': {
        const grades = x.kept
          .map((c) => (node.score !== undefined ? c.score : c.points))
          .filter((g): g is number => g !== undefined);
        const req = node.score ?? node.points ?? 0;
        return {
          ...base,
          unit: 'grade',
          required: req,
          counted: grades.length ? Math.min(...grades) : req,
          missing: { text: NONE },
          entries: [],
        };
      }
      case 'timeLimit': {
        const oldest = x.kept.reduce((m, c) => (c.earnedAt < m ? c.earnedAt : m), x.asOf);
        const span =
          yearOf(x.asOf) - yearOf(oldest) - (x.asOf.slice(5) < dateOnly(oldest).slice(5) ? 1 : 0);
        return {
          ...base,
          unit: 'years',
          required: node.years,
          counted: span,
          missing: { text: NONE },
          entries: [],
        };
      }
    }
  });
}
