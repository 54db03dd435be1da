// Switches between Chinese and English; the choice is remembered.
import { useTranslation } from 'react-i18next';
import { setLang } from '../../../i18n/index.ts';

export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const other = i18n.language === 'zh' ? 'en' : 'zh';
  return (
    <button
      type="button"
      className="btn btn-quiet lang-switch"
      lang={other === 'zh' ? 'zh-CN' : 'en'}
      onClick={() => setLang(other)}
      data-testid="lang-switch"
    >
      {other === 'zh' ? '中文' : 'English'}
    </button>
  );
}
