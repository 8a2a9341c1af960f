import { algorithmSpec } from '../../src/meta/algorithms.js';
import { describe, expect, it } from 'vitest';
import { initMlp } from '../../src/nn/init.js';
import { mlpLayout } from '../../src/nn/mlp.js';
import { PCG64 } from '../../src/rng/index.js';
import { policyLogits, sampledActor } from '../../src/rl/policy.js';
import { mlpInference } from '../../src/nn/mlp-inference.js';
import { sampleCategorical } from '../../src/nn/categorical.js';
import { ALGORITHMS, type AlgorithmName, type MetaConfig, resolveConfig } from '../../src/meta/config.js';
import { type IterationLog, MetaTrainer } from '../../src/meta/trainer.js';
import { contentChecksum } from '../../src/meta/checksum.js';

/** A clock that advances 0.25 ms per reading: deterministic durations. */
function fakeClock(): () => number {
  let t = 1000;
  return () => (t += 0.25);
}

function tiny(algo: AlgorithmName, extra: Record<string, unknown> = {}): MetaConfig {
  return resolveConfig({
    algo,
    seed: 3,
    metaBatchSize: 2,
    episodesPerTask: 3,
    numEnvs: 2,
    innerSteps: 2,
    innerLr: 0.5,
    outerLr: 0.01,
    hidden: [8],
    evalTasks: 2,
    evalEpisodes: 2,
    ...extra,
  });
}

function run(config: MetaConfig, steps: number): { trainer: MetaTrainer; logs: IterationLog[] } {
  const trainer = new MetaTrainer(config, { clock: fakeClock() });
  const logs = Array.from({ length: steps }, () => trainer.step());
  return { trainer, logs };
}

describe('mlpInference (the acting forward)', () => {
  it('gives the logits of policyLogits (the tensor forward) bit for bit, and sampledActor the actions of sampling them', () => {
    for (const activation of ['tanh', 'relu'] as const) {
      const layout = mlpLayout([4, 16, 8, 2], activation);
      const params = initMlp(layout, new PCG64(1));
      const rng = new PCG64(2);
      const obs = Float64Array.from({ length: 4 * 13 }, () => rng.normal());
      const f = mlpInference(layout, params);
      for (const rows of [13, 1, 5, 13]) expect(Array.from(f(obs, rows))).toEqual(Array.from(policyLogits(layout, params, obs, rows)));
      const viaActor = new Float64Array(13);
      sampledActor(layout, params, new PCG64(4))(obs, 13, viaActor);
      const viaTensors = new Float64Array(13);
      sampleCategorical(policyLogits(layout, params, obs, 13), 13, 2, new PCG64(4), viaTensors);
      expect(Array.from(viaActor)).toEqual(Array.from(viaTensors));
    }
  });
});

describe('MetaTrainer', () => {
  it('is deterministic: one seed, identical logs and parameters, for every algorithm', () => {
    for (const algo of ALGORITHMS) {
      const a = run(tiny(algo), 2);
      const b = run(tiny(algo), 2);
      expect(b.logs).toEqual(a.logs);
      expect(Array.from(b.trainer.params)).toEqual(Array.from(a.trainer.params));
      const log = a.logs[1];
      expect(log.iteration).toBe(2);
      expect(log.totals.envSteps).toBe(a.logs[0].counts.envSteps + log.counts.envSteps);
      // Two tasks, K = 2: three gradients per task (one without an inner loop), plus one for the directed step.
      const spec = algorithmSpec(algo);
      const directed = spec.directed ? 1 : 0;
      expect(log.counts.gradientEvaluations).toBe(2 * (spec.innerLoop ? 3 : 1) + directed);
      expect(log.counts.hvps).toBe(spec.firstOrder ? 0 : 2 * 2);
      expect(log.memory.retainedFloats > 0).toBe(!spec.firstOrder);
      expect(log.seconds.directed > 0).toBe(directed === 1);
      expect(log.seconds.hvp > 0).toBe(!spec.firstOrder);
      expect(log.seconds.sampling + log.seconds.gradients + log.seconds.hvp + log.seconds.directed).toBeLessThanOrEqual(log.seconds.total);
      expect(Number.isFinite(log.returnBefore) && Number.isFinite(log.returnAfter) && Number.isFinite(log.lossBefore) && Number.isFinite(log.lossAfter)).toBe(true);
    }
  });

  it('gives the same bits whether gradients and HVPs run eagerly or compiled', () => {
    for (const algo of ['maml', 'directed-metasgd'] as const) {
      const config = tiny(algo, { innerSteps: 1 });
      const run = (compile: 'never' | 'always' | 'auto') => {
        const t = new MetaTrainer(config, { clock: fakeClock(), compile });
        const logs = [t.step(), t.step()];
        return { logs, params: Array.from(t.params), alpha: t.alphaVec && Array.from(t.alphaVec), evaluation: t.evaluate() };
      };
      const eager = run('never');
      expect(run('always')).toEqual(eager);
      expect(run('auto')).toEqual(eager);
    }
  });

  it('differs across seeds and learns alpha_vec for Meta-SGD only', () => {
    const a = run(tiny('maml'), 1);
    const b = run(tiny('maml', { seed: 4 }), 1);
    expect(b.logs[0].returnBefore).not.toBe(a.logs[0].returnBefore);
    expect(a.trainer.alphaVec).toBeNull();
    const m = run(tiny('metasgd'), 1);
    const alpha = m.trainer.alphaVec as Float64Array;
    expect(alpha.length).toBe(m.trainer.params.length);
    expect(alpha.some((x) => x !== 0.5)).toBe(true);
  });

  it('resumes bit for bit from a JSON snapshot', () => {
    const cases: MetaConfig[] = [
      tiny('maml'),
      tiny('directed-metasgd', { directed: { metaSgdRate: 'learned', estimator: 'batch-mean' } }),
      tiny('directed-fomaml', { outerOptimizer: 'sgd', directed: { mode: 'lookahead', schedule: 'every-nth', scheduleN: 2 } }),
    ];
    for (const config of cases) {
      const full = run(config, 3);
      const part = run(config, 2);
      const json = JSON.stringify(part.trainer.snapshot());
      const restored = MetaTrainer.restore(JSON.parse(json), { clock: fakeClock() });
      expect(restored.iteration).toBe(2);
      expect(restored.config).toEqual(config);
      expect(Array.from(restored.params)).toEqual(Array.from(part.trainer.params));
      const next = restored.step();
      expect(next).toEqual(full.logs[2]);
      expect(Array.from(restored.params)).toEqual(Array.from(full.trainer.params));
      expect(restored.alphaVec === null ? null : Array.from(restored.alphaVec)).toEqual(
        full.trainer.alphaVec === null ? null : Array.from(full.trainer.alphaVec),
      );
      expect(restored.snapshot()).toEqual(full.trainer.snapshot());
    }
  });

  it('rejects a corrupt snapshot with an error naming the field', () => {
    const good = run(tiny('metasgd'), 1).trainer.snapshot();
    const corrupt = (mutate: (s: Record<string, any>) => void): string => {
      const s = JSON.parse(JSON.stringify(good)) as Record<string, any>;
      mutate(s);
      try {
        MetaTrainer.restore(s);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('expected restore to throw');
    };
    expect(() => MetaTrainer.restore(null)).toThrow(/^snapshot is null, expected an object/);
    expect(corrupt((s) => (s.version = 2))).toBe('snapshot.version is 2, expected 1');
    expect(corrupt((s) => (s.config.algo = 'reptile'))).toMatch(/^snapshot\.config\.algo: algo is "reptile"/);
    expect(corrupt((s) => delete s.config)).toMatch(/^snapshot\.config is undefined, expected an object/);
    expect(corrupt((s) => delete s.params)).toMatch(/^snapshot\.params is undefined, expected an array of \d+ finite numbers/);
    expect(corrupt((s) => (s.params[3] = 'x'))).toBe('snapshot.params[3] is "x", expected a finite number');
    expect(corrupt((s) => s.params.pop())).toMatch(/^snapshot\.params is \[.*expected an array of \d+ finite numbers/);
    expect(corrupt((s) => (s.alphaVec = null))).toMatch(/^snapshot\.alphaVec is null, expected an array/);
    expect(corrupt((s) => (s.iteration = -1))).toBe('snapshot.iteration is -1, expected a non-negative integer');
    expect(corrupt((s) => (s.optimizer.theta.m = [1]))).toMatch(/^snapshot\.optimizer\.theta: Adam\.setState: state\.m/);
    expect(corrupt((s) => (s.optimizer.alpha = { kind: 'sgd', buffer: null }))).toMatch(/^snapshot\.optimizer\.alpha\.kind is "sgd", expected "adam"/);
    expect(corrupt((s) => (s.rng.tasks.state.inc = '0x2'))).toMatch(/^snapshot\.rng\.tasks: PCG64\.setState: state\.inc must be odd/);
    expect(corrupt((s) => delete s.rng)).toMatch(/^snapshot\.rng is undefined/);
    expect(corrupt((s) => (s.totals.hvps = 1.5))).toBe('snapshot.totals.hvps is 1.5, expected a non-negative integer');
    const maml = JSON.parse(JSON.stringify(run(tiny('maml'), 1).trainer.snapshot())) as Record<string, any>;
    maml.alphaVec = [1];
    expect(() => MetaTrainer.restore(maml)).toThrow(/^snapshot\.alphaVec is \[1\], expected null \(maml learns no alpha_vec\)/);
  });

  it('carries a checksum of its content and refuses a snapshot edited since, whatever the field', () => {
    const good = JSON.parse(JSON.stringify(run(tiny('maml'), 1).trainer.snapshot())) as Record<string, any>;
    const { checksum, ...content } = good;
    expect(checksum).toBe(contentChecksum(content));
    const edited = (mutate: (s: Record<string, any>) => void): string => {
      const s = JSON.parse(JSON.stringify(good)) as Record<string, any>;
      mutate(s);
      const { checksum: _, ...rest } = s;
      return `snapshot.checksum: mismatch (the checkpoint was edited or corrupted): expected ${checksum}, got ${contentChecksum(rest)}`;
    };
    const cases: ((s: Record<string, any>) => void)[] = [
      (s) => (s.config.activation = 'relu'),
      (s) => (s.config.outerLr *= 2),
      (s) => (s.params[5] += 2 ** -40),
      (s) => (s.optimizer.theta.step += 1),
      (s) => (s.totals.envSteps += 1),
      (s) => (s.iteration = 0),
    ];
    for (const mutate of cases) {
      const s = JSON.parse(JSON.stringify(good)) as Record<string, any>;
      mutate(s);
      expect(() => MetaTrainer.restore(s)).toThrow(edited(mutate));
    }
    // The same content with its keys in another order is the same snapshot.
    const reordered = Object.fromEntries(Object.entries(good).reverse());
    expect(MetaTrainer.restore(reordered).snapshot()).toEqual(good);
    const { checksum: __, ...unsigned } = good;
    expect(() => MetaTrainer.restore(unsigned)).toThrow('snapshot.checksum is undefined, expected "fnv1a64:" and 16 hex digits (snapshots without a checksum are not accepted)');
  });

  it('with evalEvery = N logs a held-out evaluation on every N-th iteration, training bits unchanged', () => {
    const plain = run(tiny('directed-maml'), 4);
    const every = run(tiny('directed-maml', { evalEvery: 2 }), 4);
    expect(every.logs.map((l) => l.heldOut === undefined)).toEqual([true, false, true, false]);
    for (const [i, log] of every.logs.entries()) {
      const { heldOut, ...rest } = log;
      const { seconds: _a, totals: _b, ...restFields } = rest;
      const { seconds: _c, totals: _d, ...plainFields } = plain.logs[i];
      expect(restFields).toEqual(plainFields);
      if (heldOut !== undefined) {
        // The evaluation of a trainer at that iteration, which evalEvery = 0 gives on demand.
        const replay = run(tiny('directed-maml'), i + 1).trainer.evaluate();
        expect(heldOut).toEqual(replay);
      }
    }
    expect(Array.from(every.trainer.params)).toEqual(Array.from(plain.trainer.params));
  });

  it('evaluates held-out tasks from their own streams, without touching training', () => {
    const config = tiny('maml');
    const a = new MetaTrainer(config, { clock: fakeClock() });
    const e1 = a.evaluate();
    expect(e1.returns.length).toBe(config.innerSteps + 1);
    expect(e1.tasks.length).toBe(config.evalTasks);
    expect(Object.keys(e1.tasks[0])).toEqual(['length', 'masspole', 'forceMag']);
    expect(a.evaluate()).toEqual(e1); // same tasks, seeds and policy: same numbers
    const logA = a.step();
    const b = new MetaTrainer(config, { clock: fakeClock() });
    expect(b.step()).toEqual(logA);
    // A different training seed does not change the held-out tasks; a different evalSeed does.
    const c = new MetaTrainer(tiny('maml', { seed: 11 }));
    expect(c.evaluate().tasks).toEqual(e1.tasks);
    expect(new MetaTrainer(tiny('maml', { evalSeed: 5 })).evaluate().tasks).not.toEqual(e1.tasks);
  });
});
