import { algorithmSpec } from '../../src/meta/algorithms.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALGORITHMS, type AlgorithmName, ConfigError, DEFAULT_CONFIG, type MetaConfig, applyOverrides, resolveConfig } from '../../src/meta/config.js';
import { type IterationLog, MetaTrainer } from '../../src/meta/trainer.js';
import { checkpointWithoutTimes, logWithoutTimes, readJsonFile, runCli } from '../helpers/cli-run.js';
import { thrownAs } from '../helpers/thrown.js';

/** A clock that advances 0.25 ms per reading: deterministic durations. */
function fakeClock(): () => number {
  let t = 1000;
  return () => (t += 0.25);
}

function tiny(algo: AlgorithmName, extra: Record<string, unknown> = {}): MetaConfig {
  return resolveConfig({ algo, seed: 3, metaBatchSize: 2, episodesPerTask: 3, numEnvs: 2, innerSteps: 1, innerLr: 0.5, outerOptimizer: 'trpo', hidden: [8], evalTasks: 2, evalEpisodes: 2, ...extra });
}

function run(config: MetaConfig, steps: number, compile: 'auto' | 'never' = 'auto'): { trainer: MetaTrainer; logs: IterationLog[] } {
  const trainer = new MetaTrainer(config, { clock: fakeClock(), compile });
  return { trainer, logs: Array.from({ length: steps }, () => trainer.step()) };
}

const configError = (fn: () => unknown): ConfigError => thrownAs(fn, ConfigError);

describe('outerOptimizer trpo: config', () => {
  it("has pytorch-maml-rl's defaults, and names every bad key and value", () => {
    expect(DEFAULT_CONFIG.trpo).toEqual({ maxKl: 1e-2, cgIters: 10, cgDamping: 1e-5, lsMaxSteps: 15, lsBacktrackRatio: 0.8 });
    expect(resolveConfig({ outerOptimizer: 'trpo', trpo: { maxKl: 0.05 } }).trpo).toEqual({ ...DEFAULT_CONFIG.trpo, maxKl: 0.05 });
    expect(applyOverrides(DEFAULT_CONFIG, ['outerOptimizer=trpo', 'trpo.cgIters=20']).trpo.cgIters).toBe(20);
    const cases: [Record<string, unknown>, string][] = [
      [{ outerOptimizer: 'lbfgs' }, 'outerOptimizer is "lbfgs", expected one of "adam", "sgd", "trpo"'],
      [{ trpo: { maxKl: 0 } }, 'trpo.maxKl is 0, expected a positive finite number'],
      [{ trpo: { cgIters: 2.5 } }, 'trpo.cgIters is 2.5, expected a positive integer'],
      [{ trpo: { cgDamping: -1e-5 } }, 'trpo.cgDamping is -0.00001, expected a non-negative finite number'],
      [{ trpo: { lsMaxSteps: 0 } }, 'trpo.lsMaxSteps is 0, expected a positive integer'],
      [{ trpo: { lsBacktrackRatio: 1 } }, 'trpo.lsBacktrackRatio is 1, expected a number in (0, 1)'],
      [{ trpo: { maxKL: 1 } }, 'unknown key trpo.maxKL (expected one of maxKl, cgIters, cgDamping, lsMaxSteps, lsBacktrackRatio in trpo)'],
    ];
    for (const [partial, message] of cases) expect(configError(() => resolveConfig(partial)).message).toBe(message);
  });
});

describe('MetaTrainer with outerOptimizer trpo', () => {
  it('runs every algorithm: deterministic, every accepted step inside the trust region, its work counted', () => {
    const B = 2;
    const cgIters = DEFAULT_CONFIG.trpo.cgIters;
    for (const algo of ALGORITHMS) {
      const a = run(tiny(algo), 2);
      expect(run(tiny(algo), 2).logs, algo).toEqual(a.logs);
      for (const log of a.logs) {
        const t = log.trpo;
        if (t === undefined) throw new Error(`${algo}: no trpo log`);
        if (t.stepFraction > 0) {
          expect(t.kl).toBeLessThan(DEFAULT_CONFIG.trpo.maxKl);
          expect(t.kl).toBeGreaterThan(0);
          expect(t.improvement).toBeLessThan(0);
          expect(t.stepFraction).toBeCloseTo(0.8 ** (t.lineSearchSteps - 1), 15);
        }
        expect(t.cgIterations).toBe(cgIters);
        const spec = algorithmSpec(algo);
        const firstOrder = spec.firstOrder;
        const directed = spec.directed ? 1 : 0;
        const batches = spec.innerLoop ? 2 : 1;
        // The meta-gradients (K = 1: one HVP per task unless first-order), then cgIters + 1 KL
        // products of 2K inner HVPs (none without an inner loop) and one Fisher product per task.
        expect(log.counts.hvps, algo).toBe((firstOrder ? 0 : B) + (cgIters + 1) * B * (firstOrder ? 1 : 3));
        // Two per task (inner and validation; one without an inner loop), the directed step's, then
        // per task with an inner loop one per line-search candidate and, unless first-order, the
        // linearization at the old point its HVPs run on (the inner gradient itself comes with the
        // task's outcome).
        expect(log.counts.gradientEvaluations, algo).toBe(batches * B + directed + (batches - 1) * B * ((firstOrder ? 0 : 1) + t.lineSearchSteps));
        expect(log.seconds.trpo).toBeGreaterThan(0);
        expect(log.seconds.sampling + log.seconds.gradients + log.seconds.hvp + log.seconds.directed + log.seconds.trpo).toBeLessThanOrEqual(log.seconds.total);
      }
      // Meta-SGD's trust region moves alpha_vec too.
      expect(a.trainer.alphaVec === null ? null : a.trainer.alphaVec.some((x) => x !== 0.5)).toBe(algo.endsWith('metasgd') ? true : null);
    }
  });

  it('gives the same bits with its products compiled or eager', () => {
    for (const algo of ['maml', 'directed-metasgd'] as const) {
      const eager = run(tiny(algo), 2, 'never');
      const compiled = run(tiny(algo), 2, 'auto');
      expect(compiled.logs).toEqual(eager.logs);
      expect(Array.from(compiled.trainer.params)).toEqual(Array.from(eager.trainer.params));
    }
  });

  it('leaves theta bit-identical when the line search accepts no candidate', () => {
    // Seed 1 of this config rejects all 15 candidates at its first iteration.
    const config = resolveConfig({ seed: 1, metaBatchSize: 5, episodesPerTask: 5, numEnvs: 5, innerLr: 1, outerOptimizer: 'trpo', hidden: [16] });
    const trainer = new MetaTrainer(config, { clock: fakeClock() });
    const before = Array.from(trainer.params);
    const log = trainer.step();
    expect(log.trpo).toMatchObject({ lineSearchSteps: 15, stepFraction: 0, kl: 0, improvement: 0 });
    expect(Array.from(trainer.params)).toEqual(before);
    expect(trainer.step().trpo?.stepFraction).toBe(0);
    expect(Array.from(trainer.params)).toEqual(before);
    expect(trainer.step().trpo?.stepFraction).toBeGreaterThan(0);
    expect(Array.from(trainer.params)).not.toEqual(before);
  });

  it('resumes bit for bit from a JSON snapshot that holds no optimiser state', () => {
    for (const config of [tiny('maml'), tiny('directed-metasgd', { directed: { mode: 'lookahead' } })]) {
      const full = run(config, 3);
      const part = run(config, 2);
      const snapshot = JSON.parse(JSON.stringify(part.trainer.snapshot()));
      expect(snapshot.optimizer).toEqual({ theta: null, alpha: null });
      const restored = MetaTrainer.restore(snapshot, { clock: fakeClock() });
      expect(restored.step()).toEqual(full.logs[2]);
      expect(Array.from(restored.params)).toEqual(Array.from(full.trainer.params));
      expect(restored.snapshot()).toEqual(full.trainer.snapshot());
    }
    const adam = run(tiny('maml', { outerOptimizer: 'adam' }), 1).trainer.snapshot();
    expect(() => MetaTrainer.restore({ ...adam, config: { ...adam.config, outerOptimizer: 'trpo' } })).toThrow(
      /^snapshot\.optimizer\.theta is \{"kind":"adam",.*, expected null \(outerOptimizer "trpo" keeps no state\)$/,
    );
  });

  it('leaves Adam and SGD logs without a trpo entry and with no trpo seconds', () => {
    for (const outerOptimizer of ['adam', 'sgd']) {
      const log = run(tiny('maml', { outerOptimizer }), 1).logs[0];
      expect(log.trpo).toBeUndefined();
      expect('trpo' in log).toBe(false);
      expect(log.seconds.trpo).toBe(0);
    }
  });
});

describe('metarl train --set outerOptimizer=trpo on CartPole', () => {
  const root = mkdtempSync(join(tmpdir(), 'metarl-trpo-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const config = ['--seed', '0', '--set', 'outerOptimizer=trpo', '--set', 'metaBatchSize=5', '--set', 'episodesPerTask=5', '--set', 'numEnvs=5', '--set', 'innerLr=1', '--set', 'hidden=[16]', '--set', 'evalTasks=4', '--set', 'evalEpisodes=4', '--set', 'iterations=10'];

  it('improves the return after adaptation on held-out tasks (the seeded run), and --resume continues bit for bit', async () => {
    const untrained = join(root, 'untrained');
    const whole = join(root, 'whole');
    const split = join(root, 'split');
    expect((await runCli(['train', ...config, '--iterations', '0', '--out', untrained])).code).toBe(0);
    expect((await runCli(['train', ...config, '--out', whole])).code).toBe(0);
    const before = readJsonFile(untrained, 'eval.json') as { returns: number[] };
    const after = readJsonFile(whole, 'eval.json') as { returns: number[] };
    // Held-out returns before adaptation and after one inner step: 28.4 -> 55.1 after adaptation.
    expect(before.returns).toEqual([24.375, 28.4375]);
    expect(after.returns).toEqual([66.625, 55.0625]);
    const log = logWithoutTimes(whole) as { returnAfter: number; trpo: { stepFraction: number; kl: number } }[];
    expect(log).toHaveLength(10);
    expect(log.map((l) => l.returnAfter.toFixed(2))).toEqual(['23.16', '23.24', '34.84', '20.12', '20.56', '24.56', '22.56', '47.24', '30.08', '41.36']);
    expect(log.map((l) => l.trpo.stepFraction.toFixed(4))).toEqual(['0.1074', '0.2621', '0.3277', '0.5120', '0.8000', '0.2621', '0.5120', '0.6400', '0.6400', '0.6400']);
    for (const l of log) if (l.trpo.stepFraction > 0) expect(l.trpo.kl).toBeLessThan(0.01);

    expect((await runCli(['train', ...config, '--iterations', '6', '--out', split])).code).toBe(0);
    expect((await runCli(['train', '--resume', '--out', split])).code).toBe(0);
    expect(logWithoutTimes(split)).toEqual(logWithoutTimes(whole));
    expect(checkpointWithoutTimes(split)).toEqual(checkpointWithoutTimes(whole));
    expect(readJsonFile(split, 'eval.json')).toEqual(after);
  });
});
