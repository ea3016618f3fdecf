import { describe, expect, it } from 'vitest';
import { arrangeMacros } from '../../admin-ui/console/macros/macroFit';
import type { Finding, MaterialSlot } from '../../admin-ui/console/types';

const macro = (name: string) => ({ name });
const macros = [
  'materials.colour_scan',
  'materials.rear_camera',
  'review.three_days',
  'departure.after_leaving',
  'custom.made_by_admin',
].map(macro);
const finding = (code: string, severity: Finding['severity']): Finding => ({ code, severity, message: { 'zh-CN': code, en: code } });
const slot = (findings: Finding[]): Pick<MaterialSlot, 'findings'> => ({ findings });
const names = (list: { name: string }[]) => list.map((entry) => entry.name);

describe('macros offered by action and by findings', () => {
  it('puts the colour-scan macro first when a file failed the colour check', () => {
    const { suggested, others } = arrangeMacros(
      macros,
      { slots: [slot([finding('colour.greyscale', 'fail'), finding('image.sharp', 'pass')])] } as never,
      'request',
    );
    expect(names(suggested)).toEqual(['materials.colour_scan']);
    expect(names(others)).toEqual(['materials.rear_camera', 'custom.made_by_admin']);
  });

  it('suggests nothing for findings that passed', () => {
    const { suggested } = arrangeMacros(macros, { slots: [slot([finding('colour.ok', 'pass')])] } as never, 'request');
    expect(suggested).toEqual([]);
  });

  it('offers a reply macro in the reply composer but not when asking for materials, and a macro nobody classed everywhere', () => {
    const reply = arrangeMacros(macros, { slots: [] } as never, 'public_reply');
    expect(names(reply.others)).toEqual(names(macros));
    const approve = arrangeMacros(macros, { slots: [] } as never, 'approve');
    expect(names(approve.others)).toEqual(['custom.made_by_admin']);
    const reject = arrangeMacros(macros, { slots: [] } as never, 'reject');
    expect(names(reject.others)).toEqual([
      'materials.colour_scan',
      'materials.rear_camera',
      'departure.after_leaving',
      'custom.made_by_admin',
    ]);
  });
});
