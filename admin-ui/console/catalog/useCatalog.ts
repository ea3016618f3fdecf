import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useLocaleState } from 'react-admin';
import { retryUnlessRefused } from '../common/retryPolicy';
import type { HelpdeskDataProvider } from '../dataProvider';
import type { SubjectType } from '../types';
import * as text from './catalogText';

/** The requirements catalog, fetched once per session: it only changes with a deployment. */
export const useCatalog = () => {
  const dataProvider = useDataProvider<HelpdeskDataProvider>();
  return useQuery({
    queryKey: ['catalog'],
    queryFn: () => dataProvider.getCatalog(),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: retryUnlessRefused,
  });
};

/** Catalog labels in the current locale; keys stand in until the catalog arrives. */
export const useCatalogText = () => {
  const { data: catalog } = useCatalog();
  const [locale] = useLocaleState();
  return useMemo(
    () => ({
      catalog,
      locale,
      kind: (kind: string) => text.kindLabel(catalog, kind, locale),
      variant: (kind: string, variant: string) => text.variantLabel(catalog, kind, variant, locale),
      field: (kind: string, fieldKey: string) => text.fieldLabel(catalog, kind, fieldKey, locale),
      fieldValue: (kind: string, fieldKey: string, value: string) => text.fieldValue(catalog, kind, fieldKey, value, locale),
      material: (kind: string, subjectType: SubjectType, slotKey: string) =>
        text.materialLabel(catalog, kind, subjectType, slotKey, locale),
      subjectType: (subjectType: string) => text.subjectTypeLabel(catalog, subjectType, locale),
      check: (code: string) => text.checkLabel(catalog, code, locale),
      kindChoices: () => (catalog?.kinds ?? []).map((kind) => ({ id: kind.key, name: text.localize(kind.label, locale) ?? kind.key })),
      subjectTypeChoices: () =>
        (catalog?.subjectTypes ?? []).map((entry) => ({ id: entry.key, name: text.localize(entry.label, locale) ?? entry.key })),
    }),
    [catalog, locale],
  );
};

export type CatalogText = ReturnType<typeof useCatalogText>;
