import type { DecisionsOnDay } from '../types';

export interface BarGroup {
  day: string;
  x: number;
  width: number;
  approved: { y: number; height: number };
  rejected: { y: number; height: number };
}

/** A y-axis top that reads well: 1, 2, 5 or 10 times a power of ten, at least the largest day. */
export const niceMax = (value: number): number => {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= value) ?? 10 * power;
};

/** Stacked bars, approved at the foot and rejected above, one group per day across the plot's width. */
export const stackBars = (days: readonly DecisionsOnDay[], plot: { width: number; height: number }, top: number): BarGroup[] => {
  const slot = days.length === 0 ? 0 : plot.width / days.length;
  const width = Math.max(1, slot * 0.7);
  const scale = (count: number) => (count / top) * plot.height;
  return days.map((entry, index) => {
    const approvedHeight = scale(entry.approved);
    const rejectedHeight = scale(entry.rejected);
    return {
      day: entry.day,
      x: index * slot + (slot - width) / 2,
      width,
      approved: { y: plot.height - approvedHeight, height: approvedHeight },
      rejected: { y: plot.height - approvedHeight - rejectedHeight, height: rejectedHeight },
    };
  });
};
