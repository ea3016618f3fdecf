import type { Macro } from '../types';

/** A macro without kinds fits every ticket. */
export const macroFitsKind = (macro: Pick<Macro, 'kinds'>, kind: string): boolean => macro.kinds.length === 0 || macro.kinds.includes(kind);

export const macroTitle = (macro: Pick<Macro, 'titleZh' | 'titleEn'>, locale: string): string =>
  locale === 'en' ? macro.titleEn : macro.titleZh;

/** What the server accepts on create and edit; the rest of the record (id, dates) stays behind. */
export const toMacroPayload = ({ name, titleZh, titleEn, bodyZh, bodyEn, kinds, active }: Macro) => ({
  name,
  titleZh,
  titleEn,
  bodyZh,
  bodyEn,
  kinds: kinds ?? [],
  active: active ?? true,
});
