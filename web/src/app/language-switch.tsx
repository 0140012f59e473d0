import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language, languages } from '../lib/i18n/i18n.ts';

/** 日本語 / English toggle. Each name is written in its own language and marked with `lang`. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage();
  const labels: Record<Language, string> = { ja: t('language.ja'), en: t('language.en') };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a small toggle group, not a form; a fieldset would add a visible legend
    <div role="group" aria-label={t('language.label')} className="flex items-center gap-1">
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={active === language}
          onClick={() => void i18n.changeLanguage(language)}
          className="min-h-9 rounded-6 px-2 text-oln-16N-100 text-blue-1000 underline-offset-[3px] hover:bg-blue-50 hover:underline aria-pressed:bg-blue-900 aria-pressed:text-white aria-pressed:no-underline"
        >
          {labels[language]}
        </button>
      ))}
    </div>
  );
}
