// What the CLI measures of a run beside its wall time, for the cost claims of the results page:
// the CPU time of the thread running it, and the memory its isolate holds.
//
// CPU: Linux's per-thread scheduler account (/proc/thread-self/schedstat, first field:
// nanoseconds on a CPU), read on the calling thread, so a run in a worker thread counts its own
// work only, whatever else the process or the machine runs. Node 20 has no per-thread CPU call,
// and process.cpuUsage sums every thread of the process. V8's background threads (concurrent
// GC marking, compilation) are not counted. The kernel brings the figure up to date at its
// scheduler ticks, so one reading may lag by a tick: an iteration's figure is that coarse, a
// run's sum of them is not biased. Where the file cannot be read, no CPU clock: the log then
// carries no CPU time.
//
// Memory: heapUsed + arrayBuffers of process.memoryUsage(), which are the calling isolate's own
// (a worker thread's are its own). Sampled at the end of each iteration's training work, so it
// includes garbage not yet collected and misses what was freed within the iteration.
import { readFileSync } from 'node:fs';
import type { Clock } from '../meta/costs.js';
import type { MetaTrainerOptions } from '../meta/trainer.js';

const SCHEDSTAT = '/proc/thread-self/schedstat';

const threadCpuMs = (): number => Number(readFileSync(SCHEDSTAT, 'latin1').split(' ')[0]) / 1e6;

/** This thread's CPU milliseconds, or null where the OS does not give them per thread. */
export function threadCpuClock(): Clock | null {
  try {
    return Number.isFinite(threadCpuMs()) ? threadCpuMs : null;
  } catch {
    return null;
  }
}

/** Bytes the calling isolate holds: its JS heap in use and its ArrayBuffers (the Float64Arrays of batches and parameters). */
export function isolateMemoryBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** The trainer options every CLI run is measured with. */
export function runMeasures(): Pick<MetaTrainerOptions, 'cpuClock' | 'memoryProbe'> {
  return { cpuClock: threadCpuClock(), memoryProbe: isolateMemoryBytes };
}
