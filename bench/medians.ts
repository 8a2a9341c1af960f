import { Bench } from 'tinybench';

/** Median milliseconds per call of each task, measured by tinybench. */
export async function medians(tasks: Record<string, () => void>, time = 200, warmupTime = 50): Promise<Record<string, number>> {
  const bench = new Bench({ time, warmupTime });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  const out: Record<string, number> = {};
  for (const task of bench.tasks) {
    const r = task.result;
    if (r.state !== 'completed') throw new Error(`benchmark ${task.name} ended ${r.state}`);
    out[task.name] = r.latency.p50;
  }
  return out;
}
