// A programme's requirement tree in words, nested as defined; a node the API named in an error is marked in place.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';

/** A requirement node as written in a programme definition (credits in hundredths). */
export interface RequirementJson {
  id?: unknown;
  kind?: unknown;
  label?: { zh?: string; en?: string };
  children?: unknown;
  [key: string]: unknown;
}

/**
 * The node path an API error names, e.g. "requirements.children[1] (major).min" → "requirements.children[1]".
 */
export function nodePathOf(field: string | null | undefined): string | null {
  const m = /^requirements(?:\.children\[\d+\])*/.exec(field ?? '');
  return m ? m[0] : null;
}

function Sentence({ node }: { node: RequirementJson }) {
  const { t } = useTranslation();
  const f = useFormat();
  const credits = (v: unknown) => (typeof v === 'number' ? f.num(v / 100) : '?');
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join(', ') : '?');
  const k = typeof node.kind === 'string' ? node.kind : '';
  switch (k) {
    case 'allOf':
      return <>{t('console.tree.allOf')}</>;
    case 'anyOf':
      return <>{t('console.tree.anyOf')}</>;
    case 'atLeast':
      return <>{t('console.tree.atLeast', { n: node['n'] ?? '?' })}</>;
    case 'totalCredits':
      return <>{t('console.tree.totalCredits', { credits: credits(node['min']) })}</>;
    case 'categoryCredits':
      return (
        <>
          {t('console.tree.categoryCredits', {
            credits: credits(node['min']),
            categories: list(node['categories']),
          })}
          {typeof node['minLevel'] === 'number' &&
            ` ${t('console.tree.minLevel', { level: node['minLevel'] })}`}
          {node['overlay'] === true && ` ${t('console.tree.overlay')}`}
        </>
      );
    case 'courses':
      return (
        <>
          {t(node['mode'] === 'anyOf' ? 'console.tree.coursesAny' : 'console.tree.coursesAll', {
            courses: list(node['courses']),
          })}
        </>
      );
    case 'maxPerInstitution':
      return <>{t('console.tree.maxPerInstitution', { credits: credits(node['max']) })}</>;
    case 'maxPerPeriod':
      return (
        <>
          {t(
            node['period'] === 'semester'
              ? 'console.tree.maxPerSemester'
              : 'console.tree.maxPerYear',
            { credits: credits(node['max']) },
          )}
        </>
      );
    case 'residency':
      return <>{t('console.tree.residency', { credits: credits(node['min']) })}</>;
    case 'minGrade':
      return (
        <>
          {t('console.tree.minGrade', {
            grade:
              typeof node['score'] === 'number'
                ? f.num(node['score'])
                : t('console.tree.points', { points: node['points'] ?? '?' }),
          })}
        </>
      );
    case 'minGpa':
      return <>{t('console.tree.minGpa', { min: node['min'] ?? '?' })}</>;
    case 'timeLimit':
      return <>{t('console.tree.timeLimit', { years: node['years'] ?? '?' })}</>;
    default:
      return <>{t('console.tree.unknown', { kind: JSON.stringify(node.kind) })}</>;
  }
}

function Node({
  node,
  path,
  errorPath,
  error,
}: {
  node: RequirementJson;
  path: string;
  errorPath: string | null;
  error: string | null;
}) {
  const f = useFormat();
  const children = Array.isArray(node.children) ? (node.children as RequirementJson[]) : [];
  const bad = errorPath === path;
  return (
    <li className={bad ? 'tree-node tree-node-error' : 'tree-node'} data-path={path}>
      {node.label && (node.label.en || node.label.zh) && (
        <strong>{f.text({ zh: node.label.zh ?? '', en: node.label.en ?? '' })}: </strong>
      )}
      <Sentence node={node} />
      {typeof node.id === 'string' && <span className="muted small"> ({node.id})</span>}
      {bad && error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {children.length > 0 && (
        <ul>
          {children.map((c, i) => (
            <Node
              key={i}
              node={c}
              path={`${path}.children[${i}]`}
              errorPath={errorPath}
              error={error}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The tree of `requirements`, read as sentences ("At least 140 credits in all", "Any one of: …"). */
export function RequirementTree({
  root,
  error = null,
  errorField = null,
  label,
}: {
  root: unknown;
  error?: string | null;
  errorField?: string | null;
  label: string;
}) {
  if (!root || typeof root !== 'object') return null;
  return (
    <ul className="tree" aria-label={label} data-testid="requirement-tree">
      <Node
        node={root as RequirementJson}
        path="requirements"
        errorPath={nodePathOf(errorField)}
        error={error}
      />
    </ul>
  );
}
