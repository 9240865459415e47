/**
 * Axis ticks people read at a glance: steps of 1, 2 or 5 times a power of
 * ten (0, 5, 10, 15 — not 0, 4, 8, 16), whole numbers for counts, and the
 * last tick at or above the largest value.
 */
export function niceTicks(max: number, most = 6): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / Math.max(1, most - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough && Number.isInteger(s)) ?? Math.ceil(rough);
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

/** Percentages, every twenty labelled. */
export const PERCENT_TICKS = [0, 20, 40, 60, 80, 100];
