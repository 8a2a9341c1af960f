// SIGINT, SIGTERM and SIGHUP stop a training command between two iterations instead of killing it:
// the signal's number goes into memory shared with every worker thread, and each training loop
// checks it after its last write, so the run folder is left whole and a resume continues it.
import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The number of the signal received, 0 while none was; shared with the worker threads. */
let flag = new Int32Array(new SharedArrayBuffer(4));

/** Stopped by a signal after its last write: the command exits 128 + the signal's number. */
export class InterruptedError extends Error {
  constructor(
    readonly iteration: number,
    readonly dir: string,
  ) {
    super(`interrupted at iteration ${iteration}: --resume continues`);
  }
}

/** The shared flag, handed to worker threads in their workerData. */
export function interruptFlag(): SharedArrayBuffer {
  return flag.buffer as SharedArrayBuffer;
}

/** In a worker thread: watch the main thread's flag. */
export function useInterruptFlag(buffer: SharedArrayBuffer): void {
  flag = new Int32Array(buffer);
}

/** The signal's number once one arrived, else 0. */
export function interruptSignal(): number {
  return Atomics.load(flag, 0);
}

/**
 * Catches the signals while `work` runs (a second one of them ends the process at once), then
 * restores their default.
 */
export async function withInterrupts<T>(work: () => Promise<T>): Promise<T> {
  Atomics.store(flag, 0, 0);
  const handlers = SIGNALS.map((name) => {
    const handler = (): void => {
      const number = constants.signals[name];
      if (Atomics.load(flag, 0) !== 0) process.exit(128 + number);
      Atomics.store(flag, 0, number);
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  try {
    return await work();
  } finally {
    for (const [name, handler] of handlers) process.off(name, handler);
  }
}
