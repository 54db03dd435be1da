// Bilingual wording shared by recognition and audit explanations: credits, categories, names of things.
import type { LocalizedText } from './values.ts';

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

/** "1 credit", "2.5 credits" (English only: Chinese has no plural). */
export const creditsEn = (hundredths: number, adjective = ''): string =>
  `${formatCredits(hundredths)} ${adjective ? `${adjective} ` : ''}credit${hundredths === 100 ? '' : 's'}`;

const CATEGORY_ZH: Record<string, string> = {
  major: '专业',
  general: '通识',
  elective: '选修',
  core: '核心',
  practice: '实践',
  required: '必修',
  foundation: '基础',
  language: '语言',
  thesis: '论文',
  internship: '实习',
  research: '科研',
  vocational: '职业技能',
  physical_education: '体育',
  other: '其他',
};

/** A category in both languages; an unknown category keeps its own word in Chinese, marked as such. */
export const categoryText = (category: string): LocalizedText => ({
  en: category.replace(/_/g, ' '),
  zh: CATEGORY_ZH[category] ?? `“${category}”类`,
});

export const text = (en: string, zh: string): LocalizedText => ({ en, zh });

const CREDIT_SYSTEM_TEXT: Record<string, LocalizedText> = {
  CN: { en: 'Chinese credits', zh: '中国学分' },
  ECTS: { en: 'ECTS credits', zh: '欧洲学分（ECTS）' },
  US_SH: { en: 'US semester hours', zh: '美国学期学时' },
  KR_CB: { en: 'Korean Credit Bank credits', zh: '韩国学分银行学分' },
};

/** A credit system as a reader says it ("ECTS credits", "韩国学分银行学分"), never its code alone. */
export const creditSystemText = (system: string): LocalizedText =>
  CREDIT_SYSTEM_TEXT[system] ?? { en: `${system} credits`, zh: `${system} 学分` };

/** The course code of a ref (`inst:CODE` → `CODE`), for messages a learner reads. */
export const courseLabel = (ref: string): string => {
  const i = ref.indexOf(':');
  return i < 0 ? ref : ref.slice(i + 1);
};

/** Display names the audit may use instead of ids. */
export interface AuditNames {
  /** Institution id → its name in both languages. */
  institutions?: ReadonlyMap<string, LocalizedText>;
}

export const institutionText = (id: string, names: AuditNames | undefined): LocalizedText =>
  names?.institutions?.get(id) ?? { en: id, zh: id };

/**
 * A credit as a learner recognises it: "CS201 Data Structures (Zhejiang University)"; the course
 * code and title in the reader's language, then where it was earned.
 */
export function itemText(
  item: {
    entryId: string;
    courseCode?: string | undefined;
    titles?: LocalizedText | undefined;
    title?: string | undefined;
    institutionId: string;
  },
  names: AuditNames | undefined,
): LocalizedText {
  const inst = institutionText(item.institutionId, names);
  const en = item.titles?.en ?? item.title ?? '';
  const zh = item.titles?.zh || en;
  const code = item.courseCode ? `${item.courseCode} ` : '';
  const what = (t: string) => `${code}${t}`.trim() || item.entryId;
  return { en: `${what(en)} (${inst.en})`, zh: `${what(zh)}（${inst.zh}）` };
}
