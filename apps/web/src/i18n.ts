import { createI18n } from 'vue-i18n';
import zhCN from './locales/zh-CN';
import enUS from './locales/en-US';

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language is offered in its own name, whatever the current language is (a reader of only one must find it). */
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', 'en-US': 'English' };

const STORAGE_KEY = 'yuanqu.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return isLocale(saved) ? saved : 'zh-CN';
  } catch {
    // Storage can be unavailable (privacy mode); the default language still works.
    return 'zh-CN';
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, 'en-US': enUS },
});

/** The translate function, for code outside components (API error messages, router titles). */
export const t = i18n.global.t;
export const te = i18n.global.te;

export function currentLocale(): Locale {
  const value = i18n.global.locale.value;
  return isLocale(value) ? value : 'zh-CN';
}

/** Switches the language and remembers the choice in this browser. */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered across visits, but the switch itself still applies.
  }
}
