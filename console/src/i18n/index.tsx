/** The language: the browser's at first, then the person's choice (kept in localStorage). */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { labelOf, type Lang, type LabelTable } from './labels';
import { MESSAGES, type MessageKey } from './messages';

const STORAGE_KEY = 'switchboard.lang';

export function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'zh' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A console message, `{name}` filled from vars. */
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** A business word from a label table. */
  l(table: LabelTable, key: string | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const value = useMemo<I18n>(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    return {
      lang,
      setLang(next) {
        localStorage.setItem(STORAGE_KEY, next);
        setLangState(next);
      },
      t: (key, vars = {}) => MESSAGES[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)),
      l: (table, key) => labelOf(table, key, lang),
    };
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
