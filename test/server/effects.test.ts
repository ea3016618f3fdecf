import { describe, expect, it } from 'vitest';
import { catalog, kindKeys } from '../../server/src/catalog';
import { effects } from '../../server/src/effects/registry';

describe('approval effects and the catalog', () => {
  it.each(kindKeys)('%s declares every field its effect reads', (key) => {
    const kind = catalog.kinds[key];
    const effect = effects[kind.effect];
    const declared = new Set(kind.fields.map((f) => f.key));
    // A field an effect reads may belong to one variant only; it must exist somewhere on the kind.
    for (const field of effect.reads) expect(declared.has(field), `${key} lacks ${field}`).toBe(true);
    if (effect.phoneField) expect(declared.has(effect.phoneField)).toBe(true);
  });

  it('every effect code of the catalog has an implementation', () => {
    for (const key of kindKeys) expect(effects[catalog.kinds[key].effect]).toBeDefined();
  });
});
