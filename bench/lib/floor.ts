/**
 * Each figure is printed next to its floor: the least work that could give
 * the same answer, measured in the same run on the same data (the bare SQL
 * reading the same rows, a plain array scan, a file copy). The ratio says how
 * much the app adds on top; milliseconds alone depend on the machine.
 */

/** Median of `runs` timings of `work`, in ms (the machine is shared; the median is steadier than the mean). */
export async function median(work: () => unknown, runs = 9): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(runs / 2)]!;
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

/** One line: the figure, its floor and the ratio between them. */
export function report(label: string, ms: number, floorLabel: string, floorMs: number, note = ''): void {
  const ratio = floorMs > 0 ? `${(ms / floorMs).toFixed(1)}×` : 'n/a';
  console.log(`${label.padEnd(44)} ${fmt(ms).padStart(8)} ms   floor ${fmt(floorMs).padStart(8)} ms (${floorLabel})   ${ratio.padStart(7)}${note ? `   ${note}` : ''}`);
}

/** Times a figure and its floor with the same number of runs and prints them side by side. */
export async function compare(label: string, work: () => unknown, floorLabel: string, floor: () => unknown, runs = 9, note = ''): Promise<void> {
  // Interleaved warm-up, so neither side pays for caches the other filled.
  await work();
  await floor();
  const ms = await median(work, runs);
  const floorMs = await median(floor, runs);
  report(label, ms, floorLabel, floorMs, note);
}
