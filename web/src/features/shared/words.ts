// Domain values in words: grades, kinds, credit systems.
import type { TFunction } from 'i18next';

export interface GradeLike {
  score?: number | null;
  letter?: string | null;
  points?: number | null;
  passed: boolean;
}

export function gradeText(g: GradeLike, t: TFunction): string {
  const parts = [
    g.letter ?? null,
    g.score != null ? String(g.score) : null,
    g.points != null ? t('grade.points', { points: g.points }) : null,
  ].filter(Boolean);
  return `${parts.join(' · ')}${parts.length ? ' · ' : ''}${g.passed ? t('grade.passed') : t('grade.failed')}`;
}
