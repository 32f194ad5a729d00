/** Language choice (saved in localStorage) and the t(key, params) lookup. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { vi, type MessageKey, type Messages } from './vi';
import { en } from './en';

export type Lang = 'vi' | 'en';
import type { Params, TFunction } from './message-types';
export type { Params, TFunction } from './message-types';

const LANG_KEY = 'par.lang';
const dictionaries: Record<Lang, Messages> = { vi, en };

export function translate(messages: Messages, key: MessageKey, params?: Params): string {
  const template = messages[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function readLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

interface LanguageContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

const LanguageContext = createContext<LanguageContextValue>({
  lang: 'vi',
  setLang: () => undefined,
  t: (key, params) => translate(vi, key, params),
});

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch {
      // Private mode or storage full: the choice lasts for this session only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(dictionaries[lang], 'app.title');
  }, [lang]);
  const value = useMemo<LanguageContextValue>(
    () => ({ lang, setLang, t: (key, params) => translate(dictionaries[lang], key, params) }),
    [lang, setLang],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useT(): TFunction {
  return useContext(LanguageContext).t;
}

export function useLanguage(): LanguageContextValue {
  return useContext(LanguageContext);
}
