import { describe, expect, it } from 'vitest';
import { ALGORITHMS, ConfigError, DEFAULT_CONFIG, applyOverrides, resolveConfig, taskFamily } from '../../src/meta/config.js';
import { thrownAs } from '../helpers/thrown.js';

const configError = (fn: () => unknown): ConfigError => thrownAs(fn, ConfigError);

describe('resolveConfig', () => {
  it('gives the defaults for an empty config, as a fresh mutable copy', () => {
    const c = resolveConfig({});
    expect(c).toEqual(DEFAULT_CONFIG);
    expect(resolveConfig(undefined)).toEqual(DEFAULT_CONFIG);
    c.hidden.push(3);
    c.directed.eta = 1;
    expect(DEFAULT_CONFIG.hidden).toEqual([32, 32]);
    expect(DEFAULT_CONFIG.directed.eta).toBeNull();
    expect(Object.isFrozen(DEFAULT_CONFIG)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CONFIG.directed)).toBe(true);
  });

  it('has the spec defaults', () => {
    expect(ALGORITHMS).toEqual(['maml', 'fomaml', 'metasgd', 'directed-maml', 'directed-fomaml', 'directed-metasgd', 'multitask']);
    expect(DEFAULT_CONFIG).toMatchObject({
      innerSteps: 1,
      outerOptimizer: 'adam',
      outerLr: 1e-3,
      gamma: 0.99,
      gaeLambda: 1,
      normalizeAdvantages: true,
      directed: { estimator: 'center', mode: 'permanent', schedule: 'every', eta: null, episodes: null, metaSgdRate: 'scalar', fixedTask: null, logMechanism: false },
      taskRanges: null,
    });
  });

  it('deep-merges nested keys and replaces arrays and records whole', () => {
    const c = resolveConfig({ algo: 'directed-metasgd', hidden: [16], directed: { eta: 0.5, mode: 'lookahead' }, taskRanges: { length: [0.3, 0.7] } });
    expect(c.algo).toBe('directed-metasgd');
    expect(c.hidden).toEqual([16]);
    expect(c.directed).toEqual({ ...DEFAULT_CONFIG.directed, eta: 0.5, mode: 'lookahead' });
    expect(c.taskRanges).toEqual({ length: [0.3, 0.7] });
    expect(Object.keys(taskFamily(c).ranges)).toEqual(['length']);
    expect(Object.keys(taskFamily(DEFAULT_CONFIG).ranges)).toEqual(['length', 'masspole', 'forceMag']);
  });

  it('names an unknown key and the allowed ones', () => {
    // @ts-expect-error a bad literal: a type error in code, a ConfigError from JSON
    const e = configError(() => resolveConfig({ innerLR: 0.1 }));
    expect(e.path).toBe('innerLR');
    expect(e.message).toMatch(/unknown key innerLR/);
    expect(e.message).toMatch(/innerLr/);
    // @ts-expect-error a bad literal: a type error in code, a ConfigError from JSON
    const nested = configError(() => resolveConfig({ directed: { etta: 1 } }));
    expect(nested.path).toBe('directed.etta');
    expect(nested.message).toMatch(/unknown key directed\.etta \(expected one of estimator, fixedTask, mode, schedule, scheduleN, eta, episodes, metaSgdRate, logMechanism in directed\)/);
  });

  it('names a bad enum value and lists the allowed values', () => {
    // @ts-expect-error a bad literal: a type error in code, a ConfigError from JSON
    const e = configError(() => resolveConfig({ algo: 'reptile' }));
    expect(e.message).toBe('algo is "reptile", expected one of "maml", "fomaml", "metasgd", "directed-maml", "directed-fomaml", "directed-metasgd", "multitask"');
    // @ts-expect-error a bad literal: a type error in code, a ConfigError from JSON
    expect(configError(() => resolveConfig({ directed: { schedule: 'sometimes' } })).message).toBe(
      'directed.schedule is "sometimes", expected one of "every", "every-nth", "first-n"',
    );
    // @ts-expect-error a bad literal: a type error in code, a ConfigError from JSON
    expect(configError(() => resolveConfig({ outerOptimizer: 'lbfgs' })).message).toMatch(/^outerOptimizer is "lbfgs", expected one of "adam", "sgd", "trpo"$/);
  });

  it('names a bad type or range and the expected one', () => {
    // @ts-expect-error a bad literal: a type error in code, a ConfigError from JSON
    expect(configError(() => resolveConfig({ innerLr: '0.1' })).message).toBe('innerLr is "0.1", expected a positive finite number');
    expect(configError(() => resolveConfig({ metaBatchSize: 2.5 })).message).toBe('metaBatchSize is 2.5, expected an integer in [1, 10000]');
    expect(configError(() => resolveConfig({ seed: -1 })).message).toBe('seed is -1, expected a non-negative integer');
    expect(configError(() => resolveConfig({ gamma: 1.5 })).message).toBe('gamma is 1.5, expected a number in [0, 1]');
    // @ts-expect-error a bad literal: a type error in code, a ConfigError from JSON
    expect(configError(() => resolveConfig({ normalizeAdvantages: 'yes' })).message).toBe('normalizeAdvantages is "yes", expected true or false');
    expect(configError(() => resolveConfig({ hidden: [32, 0] })).message).toBe('hidden[1] is 0, expected an integer in [1, 4096]');
    // @ts-expect-error a bad literal: a type error in code, a ConfigError from JSON
    expect(configError(() => resolveConfig({ hidden: 32 })).path).toBe('hidden');
    expect(configError(() => resolveConfig({ directed: { eta: -1 } })).message).toBe(
      'directed.eta is -1, expected null (the inner rate alpha) or a positive finite number',
    );
    expect(configError(() => resolveConfig({ directed: { episodes: 0 } })).path).toBe('directed.episodes');
    // @ts-expect-error a bad literal: a type error in code, a ConfigError from JSON
    expect(configError(() => resolveConfig({ directed: 3 })).message).toMatch(/^directed is 3, expected an object with keys estimator, /);
    // @ts-expect-error a bad literal: a type error in code, a ConfigError from JSON
    expect(configError(() => resolveConfig([])).message).toMatch(/^the config is \[\], expected an object/);
  });

  it('names the key and the limit of every size that allocates, before allocating', () => {
    expect(configError(() => applyOverrides(DEFAULT_CONFIG, ['hidden=[1e12]'])).message).toBe('hidden[0] is 1000000000000, expected an integer in [1, 4096]');
    expect(configError(() => resolveConfig({ hidden: new Array(17).fill(8) })).path).toBe('hidden');
    expect(configError(() => resolveConfig({ episodesPerTask: 1e9 })).message).toBe('episodesPerTask is 1000000000, expected an integer in [1, 100000]');
    expect(configError(() => resolveConfig({ numEnvs: 20_000 })).message).toBe('numEnvs is 20000, expected an integer in [1, 10000]');
    expect(configError(() => resolveConfig({ evalTasks: 1e6 })).path).toBe('evalTasks');
    expect(configError(() => resolveConfig({ innerSteps: 5000 })).path).toBe('innerSteps');
    expect(resolveConfig({ hidden: [4096], metaBatchSize: 10_000 }).hidden).toEqual([4096]);
  });

  it('checks task ranges against the env parameter table (no infinite observations)', () => {
    const tau = configError(() => applyOverrides(DEFAULT_CONFIG, ['taskRanges.tau=[0.01,1e308]']));
    expect(tau.path).toBe('taskRanges.tau');
    expect(tau.message).toBe('taskRanges.tau is [0.01,1e+308], expected [lo, hi] with both ends a number in [0.0001, 0.1] s');
    expect(configError(() => resolveConfig({ taskRanges: { forceMag: [5, 1e308] } })).message).toMatch(/^taskRanges.forceMag is \[5,1e\+308\], expected \[lo, hi\] with both ends a number in \[0, 100\] N$/);
  });

  it('checks the task ranges and the fixed medium task against the family', () => {
    expect(configError(() => resolveConfig({ taskRanges: { mass: [1, 2] } })).path).toBe('taskRanges.mass');
    expect(configError(() => resolveConfig({ taskRanges: { mass: [1, 2] } })).message).toMatch(/gravity, masscart, masspole, length, forceMag, tau/);
    expect(configError(() => resolveConfig({ taskRanges: { length: [1, 0.5] } })).message).toBe(
      'taskRanges.length is [1,0.5], expected [lo, hi] with finite numbers lo <= hi',
    );
    const physical = configError(() => resolveConfig({ taskRanges: { length: [-1, 0.5] } }));
    expect(physical.path).toBe('taskRanges.length');
    expect(physical.message).toMatch(/^taskRanges.length is \[-1,0.5\], expected \[lo, hi\] with both ends a number in \[0\.01, 10\] m$/);
    expect(configError(() => resolveConfig({ taskRanges: {} })).path).toBe('taskRanges');

    const missing = configError(() => resolveConfig({ directed: { estimator: 'fixed' } }));
    expect(missing.path).toBe('directed.fixedTask');
    expect(missing.message).toMatch(/length: number, masspole: number, forceMag: number/);
    const wrongKey = configError(() => resolveConfig({ directed: { estimator: 'fixed', fixedTask: { length: 0.5, masspole: 0.1, force: 10 } } }));
    expect(wrongKey.path).toBe('directed.fixedTask');
    expect(wrongKey.message).toMatch(/force/);
    // @ts-expect-error a bad literal: a type error in code, a ConfigError from JSON
    expect(configError(() => resolveConfig({ directed: { fixedTask: { length: 'long' } } })).path).toBe('directed.fixedTask.length');
    const ok = resolveConfig({ directed: { estimator: 'fixed', fixedTask: { length: 0.5, masspole: 0.1, forceMag: 10 } } });
    expect(ok.directed.fixedTask).toEqual({ length: 0.5, masspole: 0.1, forceMag: 10 });
  });
});

describe('applyOverrides', () => {
  it('sets values by key path, parsing JSON where it parses', () => {
    const base = resolveConfig({});
    const c = applyOverrides(base, ['algo=directed-fomaml', 'directed.eta=0.05', 'hidden=[64, 64]', 'normalizeAdvantages=false', 'directed.episodes=null', 'seed=1e3']);
    expect(c.algo).toBe('directed-fomaml');
    expect(c.directed.eta).toBe(0.05);
    expect(c.hidden).toEqual([64, 64]);
    expect(c.normalizeAdvantages).toBe(false);
    expect(c.seed).toBe(1000);
    expect(base).toEqual(DEFAULT_CONFIG); // the input is not modified
    expect(applyOverrides(c, ['directed.eta=null']).directed.eta).toBeNull();
    expect(applyOverrides(base, ['directed={"mode":"lookahead"}']).directed.mode).toBe('lookahead');
    // An object value is merged over the current section, not over the defaults.
    const merged = applyOverrides(c, ['directed={"mode":"lookahead"}']);
    expect(merged.directed).toEqual({ ...c.directed, mode: 'lookahead' });
    expect(merged.directed.eta).toBe(0.05);
  });

  it('sets entries of the records taskRanges and directed.fixedTask', () => {
    const c = applyOverrides(DEFAULT_CONFIG, ['taskRanges.length=[0.3,0.6]']);
    expect(c.taskRanges).toEqual({ length: [0.3, 0.6] });
    const d = applyOverrides(c, ['taskRanges.gravity=[9,11]']);
    expect(d.taskRanges).toEqual({ length: [0.3, 0.6], gravity: [9, 11] });
    const f = applyOverrides(DEFAULT_CONFIG, ['directed.estimator=fixed', 'directed.fixedTask={"length":0.4,"masspole":0.2,"forceMag":8}']);
    expect(f.directed.fixedTask).toEqual({ length: 0.4, masspole: 0.2, forceMag: 8 });
  });

  it('validates like resolveConfig and names the key', () => {
    expect(configError(() => applyOverrides(DEFAULT_CONFIG, ['innerLr=fast'])).message).toBe('innerLr is "fast", expected a positive finite number');
    expect(configError(() => applyOverrides(DEFAULT_CONFIG, ['directed.bogus=1'])).path).toBe('directed.bogus');
    expect(configError(() => applyOverrides(DEFAULT_CONFIG, ['bogus.x=1'])).path).toBe('bogus');
    expect(configError(() => applyOverrides(DEFAULT_CONFIG, ['seed.x=1'])).message).toMatch(/seed is a plain value/);
    expect(configError(() => applyOverrides(DEFAULT_CONFIG, ['algo'])).message).toMatch(/not of the form key\.path=value/);
    expect(configError(() => applyOverrides(DEFAULT_CONFIG, ['taskRanges.foo=[1,2]'])).path).toBe('taskRanges.foo');
    expect(configError(() => applyOverrides(DEFAULT_CONFIG, ['algo=maml2'])).message).toMatch(/^algo is "maml2", expected one of "maml"/);
  });
});

describe('a diverging meta-iteration', () => {
  it('names the iteration and the non-finite entry instead of stepping on NaN', async () => {
    const { checkFiniteGradient } = await import('../../src/meta/finite.js');
    expect(() => checkFiniteGradient(7, 'meta-gradient', Float64Array.of(0.5, -1, Number.NaN), 0.25, Number.POSITIVE_INFINITY)).toThrow(
      'iteration 7: the meta-gradient is not finite (entry 2 is NaN; mean losses before/after adaptation 0.25, Infinity), expected finite values: lower innerLr or outerLr',
    );
    expect(() => checkFiniteGradient(1, 'alpha gradient', Float64Array.of(0, 1e308), 0, 0)).not.toThrow();
  });

  it('a NaN parameter is reported where it first shows (the sampler), not as a silent NaN policy', async () => {
    const { MetaTrainer } = await import('../../src/meta/trainer.js');
    const trainer = new MetaTrainer(resolveConfig({ iterations: 2, metaBatchSize: 2, episodesPerTask: 2, numEnvs: 2, hidden: [8] }));
    trainer.params[trainer.params.length - 1] = Number.NaN;
    expect(() => trainer.step()).toThrow('sampleCategorical: row 0 has non-finite logits, expected finite numbers');
  });
});
