/** Median wall time of `fn` in microseconds, after warm-up, over at least `minRuns` runs and `minMs` milliseconds. */
export function medianMicros(fn: () => void, minRuns = 20, minMs = 500, clock: () => number = () => performance.now()): number {
  const warmEnd = clock() + minMs / 5;
  while (clock() < warmEnd) fn();
  const samples: number[] = [];
  const end = clock() + minMs;
  while (samples.length < minRuns || clock() < end) {
    const t0 = clock();
    fn();
    samples.push((clock() - t0) * 1000);
  }
  samples.sort((a, b) => a - b);
  const mid = samples.length >> 1;
  return samples.length % 2 === 1 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
}
