import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { englishHelpdeskMessages } from './en';
import { chineseHelpdeskMessages } from './zhCN';

export type AppLocale = 'zh-CN' | 'en';

export const DEFAULT_LOCALE: AppLocale = 'zh-CN';

const messagesByLocale: Record<AppLocale, TranslationMessages> = {
  'zh-CN': chineseHelpdeskMessages,
  en: englishHelpdeskMessages,
};

export const isAppLocale = (locale: string): locale is AppLocale => locale in messagesByLocale;

/** A fresh provider per call, so tests never share the current locale. */
export const createI18nProvider = (initialLocale: AppLocale = DEFAULT_LOCALE): I18nProvider =>
  polyglotI18nProvider((locale) => messagesByLocale[isAppLocale(locale) ? locale : DEFAULT_LOCALE], initialLocale, [
    { locale: 'zh-CN', name: '中文' },
    { locale: 'en', name: 'English' },
  ]);
