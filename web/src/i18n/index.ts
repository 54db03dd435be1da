// i18next with the app's two languages; the choice is remembered in localStorage.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { credentials } from './credentials.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';
import { portal } from './portal.ts';
import { consoleMessages } from './console.ts';
import { operatorMessages } from './operator.ts';

export type Lang = 'zh' | 'en';
const KEY = 'creditbank.lang';

function initialLang(): Lang {
  const stored = localStorage.getItem(KEY);
  if (stored === 'zh' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function setLang(lang: Lang): void {
  localStorage.setItem(KEY, lang);
  void i18n.changeLanguage(lang);
}

export function applyDocumentLang(lang: string): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: {
    zh: {
      translation: {
        ...zh,
        credentials: credentials.zh,
        portal: portal.zh,
        console: consoleMessages.zh,
        operator: operatorMessages.zh,
      },
    },
    en: {
      translation: {
        ...en,
        credentials: credentials.en,
        portal: portal.en,
        console: consoleMessages.en,
        operator: operatorMessages.en,
      },
    },
  },
  lng: initialLang(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyDocumentLang(i18n.language);
i18n.on('languageChanged', applyDocumentLang);

export default i18n;
