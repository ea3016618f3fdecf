type RequiredSlot = { key: string; required: boolean; alternative?: string | null };

/** The required slots still unfilled: a slot is fulfilled by its own file or by its alternative's (docs/rules.md). */
export function unfilledRequired<T extends RequiredSlot>(slots: readonly T[], filled: (key: string) => boolean): T[] {
  return slots.filter((s) => s.required && !filled(s.key) && !(s.alternative && filled(s.alternative)));
}
