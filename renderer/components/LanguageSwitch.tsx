import { useId } from 'react';
import { useLanguage, type Lang } from '../i18n/i18n';

/** "Tiếng Việt / English" selector; the choice is remembered on this computer. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useLanguage();
  const id = useId();
  return (
    <div className="lang-switch">
      <label htmlFor={id}>{t('lang.label')}</label>
      <select id={id} value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        <option value="vi" lang="vi">
          {t('lang.vi')}
        </option>
        <option value="en" lang="en">
          {t('lang.en')}
        </option>
      </select>
    </div>
  );
}
