import { describe, expect, it } from 'vitest';
// The README's "Your own env" example, as a user writes it against the package's entry point.
import { EMPTY_INFO, MetaTrainer, PCG64, boxSpace, discreteSpace, envNames, getEnv, intersectionTasks, outcomesOf, registerEnv, registeredEnvs, resolveConfig, rewardThresholdOf, tasksOf } from '../../src/index.js';
import { CARTPOLE_FAMILY } from '../../src/envs/cartpole-tasks.js';

// A corridor: step left or right; the reward peaks at a goal that the task places.
class Corridor {
  readonly observationSpace = boxSpace([-20], [20]);
  readonly actionSpace = discreteSpace(2);
  readonly maxEpisodeSteps = 20;
  private x = 0;
  private t = 0;
  constructor(readonly goal: number) {}
  reset() {
    this.x = 0;
    this.t = 0;
    return { obs: Float64Array.of(0), info: EMPTY_INFO };
  }
  step(action: number) {
    this.x += action === 1 ? 1 : -1;
    this.t += 1;
    return { obs: Float64Array.of(this.x), reward: -Math.abs(this.x - this.goal), terminated: false, truncated: this.t >= 20, info: EMPTY_INFO };
  }
}

registerEnv({
  name: 'corridor',
  description: 'walk to a goal that the task places',
  observationSpace: boxSpace([-20], [20]),
  actionSpace: discreteSpace(2),
  params: { goal: { default: 3, min: -10, max: 10, unit: 'm', meaning: 'where the reward peaks' } },
  defaultRanges: { goal: [-5, 5] },
  make: (task) => new Corridor(task.goal),
});

describe('env registry', () => {
  it('lists the built-ins first, then what a user registered', () => {
    expect(envNames()).toEqual(['cartpole', 'cartpole-goal', 'intersection', 'intersection-bimodal', 'lunarlander', 'lunarlander-wind', 'lunarlander-continuous', 'lunarlander-pad', 'corridor']);
    expect(getEnv('corridor').params.goal).toEqual({ default: 3, min: -10, max: 10, unit: 'm', meaning: 'where the reward peaks' });
  });

  it('meta-trains on a user env with nothing of src/meta touched, the config validated against its table', () => {
    const config = resolveConfig({ env: 'corridor', algo: 'directed-maml', metaBatchSize: 4, episodesPerTask: 4, numEnvs: 4, evalTasks: 2, evalEpisodes: 2 });
    const trainer = new MetaTrainer(config);
    expect(trainer.layout.sizes).toEqual([1, 32, 32, 2]);
    const first = trainer.step();
    // Every episode lasts exactly 20 steps: 4 tasks x 4 episodes x (inner + validation batch) + the directed step's 4.
    expect(first.counts.envSteps).toBe(4 * 4 * 20 * 2 + 4 * 20);
    const again = new MetaTrainer(config).step();
    expect([again.returnBefore, again.returnAfter, again.lossBefore]).toEqual([first.returnBefore, first.returnAfter, first.lossBefore]);
    // Same seed, same bits: the figures of this seeded run (mean of -sum |x - goal| over 20 steps).
    expect([first.returnBefore, first.returnAfter]).toEqual([-44.02689907062825, -44.860757558971315]);
    // The tasks are drawn from the registered default range, in the trainer's task stream.
    expect(() => resolveConfig({ env: 'corridor', taskRanges: { goal: [-20, 5] } })).toThrow(
      'taskRanges.goal is [-20,5], expected [lo, hi] with both ends a number in [-10, 10] m',
    );
    expect(() => resolveConfig({ env: 'corridor', taskRanges: { length: [0.5, 1] } })).toThrow('unknown key taskRanges.length (expected a corridor parameter: one of goal)');
  });

  it('refuses a second family of the same name, bad tables and bad default ranges, naming the field', () => {
    const base = getEnv('corridor');
    expect(() => registerEnv(base)).toThrow('registerEnv: an env named "corridor" is already registered');
    expect(() => registerEnv({ ...base, name: 'Bad Name' })).toThrow(/^registerEnv: name is "Bad Name", expected lower-case letters/);
    expect(() => registerEnv({ ...base, name: 'c2', defaultRanges: { goal: [-5, 50] } })).toThrow(
      'registerEnv(c2): defaultRanges.goal is [-5,50], expected [lo, hi] with lo <= hi, each a number in [-10, 10] m',
    );
    expect(() => registerEnv({ ...base, name: 'c3', defaultRanges: { width: [1, 2] } })).toThrow('registerEnv(c3): defaultRanges.width is not a parameter (expected one of goal)');
    expect(() => registerEnv({ ...base, name: 'c4', params: { goal: { ...base.params.goal, default: 11 } } })).toThrow(
      'registerEnv(c4): params.goal.default is 11, expected a number in [-10, 10] m',
    );
    expect(() => resolveConfig({ env: 'c2' })).toThrow('env is "c2", expected a registered env: one of "cartpole", "cartpole-goal", "intersection", "intersection-bimodal", "lunarlander", "lunarlander-wind", "lunarlander-continuous", "lunarlander-pad", "corridor"');
    expect(() => registerEnv({ ...base, name: 'c5', rewardThreshold: Number.NaN })).toThrow('registerEnv(c5): rewardThreshold is NaN, expected a finite number');
    expect(() => registerEnv({ ...base, name: 'c6', outcomes: ['goal', 'goal'] })).toThrow('registerEnv(c6): outcomes[1] is "goal", expected an outcome not listed before');
    expect(() => registerEnv({ ...base, name: 'c7', outcomes: [] })).toThrow('registerEnv(c7): outcomes is [], expected a non-empty list of the outcome names its step info reports');
  });

  it('refuses a family whose builder, spaces, parameter table or default ranges are malformed, naming the field', () => {
    const base = getEnv('corridor');
    const goal = base.params.goal;
    const refused = (change: object): string => {
      try {
        registerEnv({ ...base, name: 'bad', ...change } as typeof base);
      } catch (e) {
        return (e as Error).message;
      }
      return 'registered';
    };
    expect(refused({ make: undefined })).toBe('registerEnv(bad): make is undefined, expected a function (task, options) => env');
    expect(refused({ observationSpace: discreteSpace(3) })).toBe('registerEnv(bad): observationSpace.kind is "discrete", expected "box"');
    expect(refused({ observationSpace: { ...boxSpace([0, 0], [1, 1]), high: Float64Array.of(1) } })).toBe(
      'registerEnv(bad): observationSpace.high is a Float64Array of length 1, expected a Float64Array of length 2 (as low)',
    );
    expect(refused({ observationSpace: { ...boxSpace([0], [1]), low: [0] } })).toBe('registerEnv(bad): observationSpace.low is [0], expected a Float64Array');
    expect(refused({ observationSpace: { ...boxSpace([0], [1]), shape: [2] } })).toBe("registerEnv(bad): observationSpace.shape is [2], expected [1] (the bounds' length)");
    expect(refused({ actionSpace: { kind: 'multi', n: 2 } })).toBe('registerEnv(bad): actionSpace.kind is "multi", expected "discrete" or "box"');
    expect(refused({ actionSpace: { kind: 'discrete', n: 0 } })).toBe('registerEnv(bad): actionSpace.n is 0, expected a positive integer');
    expect(refused({ params: { goal: { ...goal, min: 20 } } })).toBe('registerEnv(bad): params.goal.max is 10, expected a finite number >= min (20)');
    expect(refused({ params: { goal: { ...goal, min: Number.NaN } } })).toBe('registerEnv(bad): params.goal.min is NaN, expected a finite number');
    expect(refused({ params: { goal: { ...goal, unit: undefined } } })).toBe("registerEnv(bad): params.goal.unit is undefined, expected a string ('' for none)");
    expect(refused({ params: { goal: { ...goal, meaning: '' } } })).toBe('registerEnv(bad): params.goal.meaning is "", expected a non-empty string');
    expect(refused({ params: { goal: { ...goal, openMin: 1 } } })).toBe('registerEnv(bad): params.goal.openMin is 1, expected true or false');
    expect(refused({ defaultRanges: {} })).toBe('registerEnv(bad): defaultRanges is {}, expected an object { param: [lo, hi] } naming at least one parameter of params');
    expect(envNames()).not.toContain('bad');
  });
});

describe('what a family states beforehand', () => {
  it('gives the report its convergence thresholds: Gymnasium\'s for CartPole and LunarLander, 90% of the oracle for the intersection', () => {
    const names = ['cartpole', 'cartpole-goal', 'intersection', 'intersection-bimodal', 'lunarlander', 'lunarlander-wind', 'lunarlander-continuous', 'lunarlander-pad', 'corridor', 'not-registered'];
    expect(names.map(rewardThresholdOf)).toEqual([475, null, 0.9 * 15.16, null, 200, 200, 200, 200, null, null]);
  });

  it('states the spaces of the envs it builds, so no env is built to learn them', () => {
    for (const family of registeredEnvs()) {
      const env = tasksOf(family).makeEnv(tasksOf(family).mediumTask());
      expect([family.name, family.observationSpace]).toEqual([family.name, env.observationSpace]);
      expect([family.name, family.actionSpace]).toEqual([family.name, env.actionSpace]);
    }
  });

  it('states the spaces of Gymnasium\'s bounds at the defaults, and an env\'s follow its own parameters', () => {
    const cartpole = getEnv('cartpole').observationSpace;
    expect([...cartpole.high]).toEqual([Math.fround(4.8), Infinity, Math.fround((12 * 2 * Math.PI) / 360 * 2), Infinity]);
    expect([...cartpole.low]).toEqual([...cartpole.high].map((x) => -x));
    expect(CARTPOLE_FAMILY.make({}, { xThreshold: 3 }).observationSpace.high[0]).toBe(6);
    expect([...getEnv('intersection').observationSpace.high]).toEqual([Infinity, 1, Infinity, 1, 1, 1]);
    expect(getEnv('intersection').make({ speedLimit: 12 }).observationSpace.high[1]).toBe(12 / 15);
    expect(getEnv('lunarlander').actionSpace).toEqual(discreteSpace(4));
    expect(getEnv('lunarlander-continuous').actionSpace).toEqual(boxSpace([-1, -1], [1, 1]));
    expect(getEnv('cartpole-goal').actionSpace).toEqual(discreteSpace(2));
  });

  it('states the outcomes exactly when the step info reports one, and those it reports', () => {
    for (const family of registeredEnvs()) {
      const env = tasksOf(family).makeEnv(tasksOf(family).mediumTask());
      expect([family.name, 'outcome' in env.reset({ seed: 0 }).info]).toEqual([family.name, outcomesOf(family.name) !== null]);
    }
    expect(outcomesOf('intersection')).toEqual(['collision', 'success']);
    // Full throttle over 200 tasks collides on some and clears the zone on the rest: both outcomes occur, no other.
    const family = intersectionTasks();
    const seen = new Set<string | null>();
    for (const [i, task] of family.sampleTasks(new PCG64(0), 200).entries()) {
      const env = family.makeEnv(task);
      env.reset({ seed: i });
      let r = env.step(4);
      while (!r.terminated && !r.truncated) r = env.step(4);
      seen.add(r.info.outcome);
    }
    expect([...seen].sort()).toEqual(['collision', 'success']);
  });
});
