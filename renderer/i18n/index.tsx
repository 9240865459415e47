import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

/**
 * Chinese first, English available. Strings sit where they are used as pairs,
 * `t('幼儿与家长', 'Children & families')`, so a screen reads naturally in
 * the source and no key can go missing in one language.
 */
export type Lang = 'zh' | 'en';

const LangContext = createContext<{ lang: Lang; setLang(lang: Lang): void }>({ lang: 'zh', setLang: () => {} });

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('kd.lang') === 'en' ? 'en' : 'zh'));
  const value = useMemo(
    () => ({
      lang,
      setLang(next: Lang) {
        localStorage.setItem('kd.lang', next);
        document.documentElement.lang = next === 'en' ? 'en' : 'zh-CN';
        setLangState(next);
      },
    }),
    [lang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang() {
  return useContext(LangContext);
}

export function useT() {
  const { lang } = useLang();
  return useMemo(() => (zh: string, en: string) => (lang === 'en' ? en : zh), [lang]);
}
