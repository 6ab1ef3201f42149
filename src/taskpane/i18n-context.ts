/** React access to the pane's strings (kept apart from i18n.ts so the ribbon commands do not pull in React). */
import { createContext, useContext } from 'react';
import { STRINGS, type Strings } from './i18n';

export const I18nContext = createContext<Strings>(STRINGS['zh-CN']);
export const useStrings = (): Strings => useContext(I18nContext);
