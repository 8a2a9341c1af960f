/**
 * A task's job for MAML-TRPO: what TaskRunner.run does (K inner steps on fresh batches, the
 * validation batch, the meta-gradient, with the same streams, so the same bits), keeping the
 * sampled batches that the TRPO step re-adapts on. It runs in this realm: the batches stay here.
 */
import type { PolicyBatch } from '../nn/reinforce.js';
import { type Clock, CostMeter } from './costs.js';
import { baseAlgorithm } from './directed.js';
import { taskMetaGradient } from './inner-loop.js';
import type { SampledBatch } from './sampling.js';
import { STREAM, TaskStreams, seedSequence } from './sampling.js';
import type { TaskJob, TaskOutcome, TaskRunner } from './task-step.js';
import type { TrpoTaskData } from './trpo-task.js';

export function runTrpoJob(runner: TaskRunner, job: TaskJob, clock: Clock): { outcome: TaskOutcome; data: TrpoTaskData } {
  const c = runner.config;
  const meter = new CostMeter(clock);
  const sampler = runner.sampler(job.task, new TaskStreams(seedSequence(c.seed, STREAM.task, job.iterationIndex, job.taskIndex)));
  const kept: PolicyBatch[] = [];
  const sample = (params: Float64Array): SampledBatch => {
    const sampled = sampler.sample(params, c.episodesPerTask, meter);
    if (sampled.batch !== null) kept.push(sampled.batch);
    return sampled;
  };
  const r = taskMetaGradient({
    layout: runner.layout,
    theta: job.start,
    rate: job.alpha ?? c.innerLr,
    steps: c.innerSteps,
    mode: baseAlgorithm(c.algo) === 'fomaml' ? 'first-order' : 'exact',
    sample,
    meter,
    programs: runner.surrogatePrograms,
  });
  const outcome: TaskOutcome = {
    grad: r.grad,
    alphaGrad: r.alphaGrad,
    returnBefore: r.returnBefore,
    returnAfter: r.returnAfter,
    lossBefore: r.lossBefore,
    lossAfter: r.lossAfter,
    cost: { seconds: { ...meter.seconds }, envSteps: meter.envSteps, gradientEvaluations: meter.gradientEvaluations, hvps: meter.hvps, peakRetainedFloats: meter.peakRetainedFloats },
  };
  return { outcome, data: { train: kept.slice(0, c.innerSteps), validation: kept[c.innerSteps] } };
}
