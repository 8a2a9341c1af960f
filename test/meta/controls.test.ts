import { describe, expect, it } from 'vitest';
import { Sgd, sgdStepInto } from '../../src/nn/optimizers.js';
import type { PolicyBatch } from '../../src/nn/reinforce.js';
import { type MetaConfig, resolveConfig, taskFamily } from '../../src/meta/config.js';
import { CostMeter } from '../../src/meta/costs.js';
import { directedPhase } from '../../src/meta/directed.js';
import { lossAndGrad } from '../../src/meta/inner-loop.js';
import { STREAM, TaskStreams, seedSequence, streamRng } from '../../src/meta/sampling.js';
import { TaskRunner } from '../../src/meta/task-runner.js';
import { MetaTrainer } from '../../src/meta/trainer.js';

const SMALL = { env: 'cartpole-goal', seed: 3, metaBatchSize: 3, episodesPerTask: 2, numEnvs: 2, innerSteps: 1, innerLr: 0.5, hidden: [8], outerOptimizer: 'sgd' as const, outerLr: 0.05 };

/** The mean over the meta-batch of the task runner's meta-gradients from `start` (the trainer's own job code, run by hand). */
function meanMetaGradient(config: MetaConfig, trainer: MetaTrainer, start: Float64Array): Float64Array {
  const tasks = taskFamily(config).sampleTasks(streamRng(config.seed, STREAM.tasks), config.metaBatchSize);
  const grad = new Float64Array(start.length);
  tasks.forEach((task, j) => {
    const g = runner(config, trainer).run({ iterationIndex: 0, taskIndex: j, task, start, alpha: null }).grad;
    for (let i = 0; i < grad.length; i++) grad[i] += g[i];
  });
  for (let i = 0; i < grad.length; i++) grad[i] /= tasks.length;
  return grad;
}

/**
 * The mean over the meta-batch of the surrogate gradient at `theta`, each task's batch sampled by
 * hand on `episodes` episodes of stream [stream, 0, j]; with the batches' env steps and mean return.
 */
function pooledGradient(config: MetaConfig, trainer: MetaTrainer, theta: Float64Array, stream: number, episodes: number) {
  const tasks = taskFamily(config).sampleTasks(streamRng(config.seed, STREAM.tasks), config.metaBatchSize);
  const grad = new Float64Array(theta.length);
  let envSteps = 0;
  let meanReturn = 0;
  tasks.forEach((task, j) => {
    const sampled = runner(config, trainer).sampler(task, new TaskStreams(seedSequence(config.seed, stream, 0, j))).sample(theta, episodes, null);
    envSteps += sampled.envSteps;
    meanReturn += sampled.meanReturn;
    const g = lossAndGrad(trainer.layout, theta, sampled.batch as PolicyBatch, new CostMeter()).grad;
    for (let i = 0; i < grad.length; i++) grad[i] += g[i];
  });
  for (let i = 0; i < grad.length; i++) grad[i] /= tasks.length;
  return { tasks, grad, envSteps, meanReturn };
}

function runner(config: MetaConfig, trainer: MetaTrainer): TaskRunner {
  return new TaskRunner(config, trainer.layout, () => 0, 'never');
}

/** theta after one SGD step of `grad` from `start`, as the trainer's optimiser takes it. */
function sgdStep(config: MetaConfig, start: Float64Array, grad: Float64Array): Float64Array {
  const out = Float64Array.from(start);
  new Sgd(out.length, { lr: config.outerLr }).step(out, grad);
  return out;
}

describe('multitask: the pooled meta-batch policy gradient, no inner loop', () => {
  it('steps theta by the mean over the tasks of the surrogate gradient at theta, one batch per task on its own streams', () => {
    const config = resolveConfig({ ...SMALL, algo: 'multitask', innerSteps: 2 });
    const trainer = new MetaTrainer(config, { compile: 'never' });
    const theta0 = Float64Array.from(trainer.params);
    const { grad, envSteps, meanReturn } = pooledGradient(config, trainer, theta0, STREAM.task, config.episodesPerTask);
    const log = trainer.step();
    expect(Array.from(trainer.params)).toEqual(Array.from(sgdStep(config, theta0, grad)));
    // One batch and one gradient per task, whatever innerSteps is; before and after are the same batch.
    expect(log.counts).toEqual({ envSteps, gradientEvaluations: 3, hvps: 0 });
    expect(log.returnBefore).toBe(meanReturn / 3);
    expect(log.returnAfter).toBe(log.returnBefore);
    expect(log.memory.retainedFloats).toBe(0);
  });

  it('is evaluated with the same K inner steps from theta as the others', () => {
    const base = { ...SMALL, innerSteps: 2, evalTasks: 2, evalEpisodes: 2 };
    const multitask = new MetaTrainer(resolveConfig({ ...base, algo: 'multitask' }));
    const maml = new MetaTrainer(resolveConfig({ ...base, algo: 'maml' }));
    // Same seed, same initial theta: the evaluations must be the same procedure, bit for bit.
    expect(Array.from(multitask.params)).toEqual(Array.from(maml.params));
    const a = multitask.evaluate({ adaptation: true });
    expect(a.returns).toHaveLength(3);
    expect(a).toEqual(maml.evaluate({ adaptation: true }));
  });
});

describe('directed controls', () => {
  it("'random': the directed step on a task drawn from the distribution on stream [6, i], sampled as the medium task would be", () => {
    const random = resolveConfig({ ...SMALL, algo: 'directed-fomaml', directed: { estimator: 'random' } });
    const drawn = taskFamily(random).sampleTasks(streamRng(random.seed, STREAM.directedTask, 0), 1)[0];
    expect(drawn.goal).not.toBe(0); // not the medium task
    // The same as the directed step on that task given as the fixed medium task.
    const fixed = resolveConfig({ ...SMALL, algo: 'directed-fomaml', directed: { estimator: 'fixed', fixedTask: drawn } });
    const a = new MetaTrainer(random, { clock: () => 0 });
    const b = new MetaTrainer(fixed, { clock: () => 0 });
    expect(a.step()).toEqual(b.step());
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
    // Another draw next iteration: the runs part.
    expect(taskFamily(random).sampleTasks(streamRng(random.seed, STREAM.directedTask, 1), 1)[0].goal).not.toBe(drawn.goal);
    a.step();
    b.step();
    expect(Array.from(a.params)).not.toEqual(Array.from(b.params));
  });

  it("'pooled': the plain step with the same eta on the mean gradient of the B tasks, each on M episodes of stream [7, i, j]", () => {
    const config = resolveConfig({ ...SMALL, algo: 'directed-fomaml', directed: { estimator: 'pooled', eta: 0.3, episodes: 3 } });
    const trainer = new MetaTrainer(config, { compile: 'never' });
    const theta0 = Float64Array.from(trainer.params);
    const family = taskFamily(config);
    const { tasks, grad, envSteps } = pooledGradient(config, trainer, theta0, STREAM.directedBatch, 3);
    const directed = sgdStepInto(new Float64Array(theta0.length), theta0, 0.3, grad);

    const phase = directedPhase({
      config: config.directed,
      iteration: 1,
      layout: trainer.layout,
      theta: theta0,
      rate: 0.3,
      tasks,
      family,
      samplerFor: () => {
        throw new Error('the pooled step samples no medium task');
      },
      batchSamplerFor: (task, j) => runner(config, trainer).sampler(task, new TaskStreams(seedSequence(config.seed, STREAM.directedBatch, 0, j))),
      episodes: 3,
      meter: new CostMeter(),
    });
    expect(phase.task).toBe(null);
    expect(Array.from(phase.step?.grad ?? [])).toEqual(Array.from(grad));
    expect(Array.from(phase.start)).toEqual(Array.from(directed));
    expect(phase.step?.envSteps).toBe(envSteps);

    // In the trainer ('permanent'): the base algorithm's step then runs from the pooled point.
    trainer.step();
    expect(Array.from(trainer.params)).toEqual(Array.from(sgdStep(config, directed, meanMetaGradient(config, trainer, directed))));
  });

  it('are options of every directed algorithm, validated by name', () => {
    for (const estimator of ['random', 'pooled'] as const) {
      for (const algo of ['directed-maml', 'directed-fomaml', 'directed-metasgd'] as const) {
        expect(resolveConfig({ algo, directed: { estimator } }).directed.estimator).toBe(estimator);
      }
    }
    expect(() => resolveConfig(JSON.parse('{ "directed": { "estimator": "median" } }'))).toThrow(
      'directed.estimator is "median", expected one of "center", "batch-mean", "fixed", "random", "pooled"',
    );
  });
});
