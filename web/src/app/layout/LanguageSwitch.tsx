import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES } from '../../lib/i18n/languages';
import { useLanguage } from '../../lib/i18n/useLanguage';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  const id = useId();

  return (
    <div className="language-switch">
      <label htmlFor={id} className="language-switch__label">
        <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M10 1.667a8.333 8.333 0 1 0 0 16.666 8.333 8.333 0 0 0 0-16.666Zm5.742 5h-2.459a13 13 0 0 0-1.15-2.967 6.69 6.69 0 0 1 3.609 2.967ZM10 3.367c.692 1 1.233 2.1 1.592 3.3H8.408c.359-1.2.9-2.3 1.592-3.3ZM3.433 11.667A6.9 6.9 0 0 1 3.333 10c0-.575.075-1.133.1-1.667h2.817A13.8 13.8 0 0 0 6.167 10c0 .567.05 1.117.083 1.667H3.433Zm.825 1.666h2.459c.266 1.042.65 2.042 1.15 2.967a6.65 6.65 0 0 1-3.609-2.967Zm2.459-6.666H4.258a6.65 6.65 0 0 1 3.609-2.967c-.5.925-.884 1.925-1.15 2.967ZM10 16.633a11.7 11.7 0 0 1-1.592-3.3h3.184A11.7 11.7 0 0 1 10 16.633Zm1.95-4.966H8.05A12.3 12.3 0 0 1 7.917 10c0-.567.05-1.125.133-1.667h3.9c.083.542.133 1.1.133 1.667s-.05 1.117-.133 1.667Zm.208 4.633c.5-.925.884-1.925 1.15-2.967h2.459a6.69 6.69 0 0 1-3.609 2.967Zm1.475-4.633c.034-.55.084-1.1.084-1.667s-.05-1.117-.084-1.667h2.817c.067.534.1 1.092.1 1.667s-.033 1.125-.1 1.667h-2.817Z"
          />
        </svg>
        <span className="ui-visually-hidden">{t('language.label')}</span>
      </label>
      <select
        id={id}
        className="language-switch__select"
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
