/**
 * A string the database stores for one of the contract's values, as that value: the columns are plain text, so an
 * unknown value means a broken row and is refused rather than passed on under the union's name.
 */
export function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  const known = values.find((candidate) => candidate === value);
  if (known === undefined) throw new Error(`Unknown ${what} ${JSON.stringify(value)}: not one of ${values.join(', ')}`);
  return known;
}
