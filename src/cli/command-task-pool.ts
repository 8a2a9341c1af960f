import type { MetaConfig } from '../meta/config.js';
import type { TaskPool } from '../meta/task-runner.js';
import type { CommandContext } from './command.js';
import { WorkerTaskPool } from './task-pool.js';

/**
 * Where a command's tasks run (when the CLI runs from its bundle): on `workers` threads, the main
 * thread one of them. TRPO's step shares its tasks among worker threads only, so there every one
 * of the threads is a worker.
 */
function taskPool(script: URL, workers: number, config: MetaConfig): WorkerTaskPool {
  return config.outerOptimizer === 'trpo' ? new WorkerTaskPool(script, workers) : new WorkerTaskPool(script, workers - 1, true);
}

/**
 * Runs `work` on the task pool a command's --workers N asks for, closed after it whatever it does;
 * without the bundle or with N = 1, on none (every task in this thread).
 */
export async function withTaskPool<T>(context: CommandContext, workers: number, config: MetaConfig, work: (pool: TaskPool | undefined) => Promise<T>): Promise<T> {
  const pool = context.script !== undefined && workers > 1 ? taskPool(context.script, workers, config) : undefined;
  try {
    return await work(pool);
  } finally {
    await pool?.close();
  }
}
