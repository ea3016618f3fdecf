import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

/** Dates and times in the console's current language rather than the browser's. */
export const LocalDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime locales={locale} {...props} />;
};

export const formatDateTime = (value: string | null | undefined, locale: string): string =>
  value ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)) : '';
