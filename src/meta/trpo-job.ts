/**
 * A task's job for MAML-TRPO: TaskRunner.run (the same streams, so the same bits), keeping the
 * sampled batches that the TRPO step re-adapts on. It runs in this realm: the batches stay here.
 */
import type { PolicyBatch } from '../nn/reinforce.js';
import type { TaskJob, TaskOutcome, TaskRunner } from './task-step.js';
import type { TrpoTaskData } from './trpo-task.js';

export function runTrpoJob(runner: TaskRunner, job: TaskJob): { outcome: TaskOutcome; data: TrpoTaskData } {
  const kept: PolicyBatch[] = [];
  const outcome = runner.run(job, (batch) => kept.push(batch));
  const K = runner.config.innerSteps;
  return { outcome, data: { train: kept.slice(0, K), validation: kept[K] } };
}
