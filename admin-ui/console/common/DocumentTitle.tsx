import { useEffect } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

/** Keeps the browser tab's title and the page language in step with the console's language. */
export const DocumentTitle = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const title = translate('app.title');
  useEffect(() => {
    document.title = title;
    document.documentElement.lang = locale;
  }, [title, locale]);
  return null;
};
