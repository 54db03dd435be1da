// Bilingual wording shared by recognition and audit explanations, and credit formatting.
import type { LocalizedText } from '../values.ts';

/** Hundredths to a short decimal: 1250 → "12.5", 300 → "3". */
export function formatCredits(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  if (frac === 0) return `${sign}${whole}`;
  const f = String(frac).padStart(2, '0').replace(/0$/, '');
  return `${sign}${whole}.${f}`;
}

const CATEGORY_ZH: Record<string, string> = {
  major: '专业',
  general: '通识',
  elective: '选修',
  core: '核心',
  practice: '实践',
};

export const categoryText = (category: string): LocalizedText => ({
  en: category,
  zh: CATEGORY_ZH[category] ?? category,
});

export const text = (en: string, zh: string): LocalizedText => ({ en, zh });

/** The course code of a ref (`inst:CODE` → `CODE`), for messages a learner reads. */
export const courseLabel = (ref: string): string => {
  const i = ref.indexOf(':');
  return i < 0 ? ref : ref.slice(i + 1);
};
