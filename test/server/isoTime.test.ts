import { describe, expect, it } from 'vitest';
import { isoTime, isoTimeOrNull } from '../../server/src/http/isoTime';

describe('isoTime', () => {
  it('writes every date as toISOString does: across centuries, at the edges of a day, before 1970 and past 9999', () => {
    const edges = [
      0,
      -1,
      1,
      86_399_999,
      86_400_000,
      -86_400_000,
      -86_400_001,
      Date.UTC(2026, 10, 24, 23, 59, 59, 999),
      Date.UTC(2024, 1, 29, 12, 0, 0, 5),
      Date.UTC(10_000, 0, 1),
      Date.UTC(1600, 0, 1, 0, 0, 0, 1),
      8.64e15,
      -8.64e15,
    ];
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const spread = Array.from({ length: 20_000 }, () => Math.round((random() - 0.3) * 8e12));
    for (const ms of [...edges, ...spread]) expect(isoTime(new Date(ms)), String(ms)).toBe(new Date(ms).toISOString());
  });

  it('refuses an invalid date as toISOString does, and keeps null', () => {
    expect(() => isoTime(new Date(Number.NaN))).toThrow(RangeError);
    expect(isoTimeOrNull(null)).toBeNull();
  });
});
