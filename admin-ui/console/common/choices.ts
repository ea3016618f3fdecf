/** Select choices for a closed set of values, labelled by i18n keys under `prefix` (translated by the inputs). */
export const enumChoices = <T extends string>(values: readonly T[], prefix: string) =>
  values.map((value) => ({ id: value, name: `${prefix}.${value}` }));

export type ChipColor = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';
