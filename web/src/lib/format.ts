// Dates, numbers and bilingual text in the chosen language, through Intl.
import { useTranslation } from 'react-i18next';

export interface Localized {
  zh: string;
  en: string;
}

export function locale(lang: string): string {
  return lang === 'zh' ? 'zh-CN' : 'en-GB';
}

export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'zh' ? 'zh' : 'en';
  const loc = locale(lang);
  // A calendar date is the same day everywhere: format it in UTC, where it was parsed.
  const dayFmt = new Intl.DateTimeFormat(loc, { dateStyle: 'long', timeZone: 'UTC' });
  const dateFmt = new Intl.DateTimeFormat(loc, { dateStyle: 'long' });
  const dateTimeFmt = new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeStyle: 'short' });
  const numFmt = new Intl.NumberFormat(loc, { maximumFractionDigits: 2 });
  return {
    lang,
    /** A calendar date (YYYY-MM-DD) or a timestamp, as a date. */
    date: (iso: string | null | undefined) =>
      !iso
        ? ''
        : iso.length === 10
          ? dayFmt.format(new Date(`${iso}T00:00:00Z`))
          : dateFmt.format(new Date(iso)),
    dateTime: (iso: string | null | undefined) => (iso ? dateTimeFmt.format(new Date(iso)) : ''),
    num: (n: number) => numFmt.format(n),
    text: (t: Localized | null | undefined) =>
      t ? (lang === 'zh' ? t.zh || t.en : t.en || t.zh) : '',
  };
}
