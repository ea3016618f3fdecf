import type { SubjectType } from '../types';

// The shape of GET /api/public/catalog, as far as the console reads it.

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface Labelled {
  label: LocalizedText;
}

export interface CatalogFieldOption extends Labelled {
  value: string;
}

export interface CatalogField extends Labelled {
  key: string;
  type: string;
  hint?: LocalizedText;
  required: boolean;
  subjectTypes?: SubjectType[];
  variants?: string[];
  options?: CatalogFieldOption[];
  matches?: string;
  sensitive?: boolean;
  /** The documents the number may be on, the default first. */
  documents?: string[];
}

export interface CatalogMaterial extends Labelled {
  key: string;
  hint: LocalizedText;
  required: boolean;
  variants?: string[];
  accept: string | string[];
  maxBytes: number;
  checks: string[];
}

export interface CatalogKind extends Labelled {
  key: string;
  summary: LocalizedText;
  source: string;
  subjectTypes: SubjectType[];
  variants: Array<Labelled & { key: string }>;
  slaBusinessDays: number;
  effect: Labelled & { code: string };
  preconditions: Array<Labelled & { code: string }>;
  fields: CatalogField[];
  materials: Partial<Record<SubjectType, CatalogMaterial[]>>;
}

export interface Catalog {
  subjectTypes: Array<Labelled & { key: SubjectType }>;
  checks: Array<Labelled & { code: string }>;
  /** The identity documents and codes numbers may be on. */
  documents?: Array<Labelled & { key: string; hint: LocalizedText }>;
  kinds: CatalogKind[];
}
