// The pane's language: a context with the strings table, switchable at run time.
import { createContext, useContext } from "react";
import { ru, type Language, type Strings } from "./strings";

export interface I18n {
  language: Language;
  strings: Strings;
  setLanguage: (language: Language) => void;
}

export const I18nContext = createContext<I18n>({ language: "ru", strings: ru, setLanguage: () => undefined });

export const useI18n = (): I18n => useContext(I18nContext);
export const useStrings = (): Strings => useContext(I18nContext).strings;
