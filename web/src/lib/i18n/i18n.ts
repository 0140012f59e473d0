import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { ja } from './ja.ts';

export const languages = ['ja', 'en'] as const;
export type Language = (typeof languages)[number];

/** Only the language choice is stored; never anything about a person. */
const storageKey = 'kasane.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(storageKey);
    return isLanguage(value) ? value : 'ja';
  } catch {
    // Storage can be blocked by browser policy; Japanese is the default anyway.
    return 'ja';
  }
}

/** Keeps `<html lang>` and zod's built-in messages in step with the UI language. */
function applyLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  z.config(language === 'en' ? z.locales.en() : z.locales.ja());
}

/**
 * Japanese, the default, ships with the first chunk; English is fetched the first time it is chosen
 * (`changeLanguage('en')` resolves once it has arrived), so the first load does not carry it.
 */
const laterLanguages: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    if (language !== 'en') return callback(null, {});
    import('./en.ts').then(
      (module) => callback(null, module.en),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export const i18n = i18next.createInstance();

void i18n
  .use(initReactI18next)
  .use(laterLanguages)
  .init({
    resources: { ja: { translation: ja } },
    partialBundledLanguages: true,
    lng: storedLanguage(),
    fallbackLng: 'ja',
    supportedLngs: languages,
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
    initAsync: false,
  });
applyLanguage(isLanguage(i18n.language) ? i18n.language : 'ja');

i18n.on('languageChanged', (language) => {
  if (!isLanguage(language)) return;
  applyLanguage(language);
  try {
    globalThis.localStorage?.setItem(storageKey, language);
  } catch {
    // Not being able to remember the choice is harmless.
  }
});

/** The current UI language, narrowed to the languages Kasane ships. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'ja';
}
