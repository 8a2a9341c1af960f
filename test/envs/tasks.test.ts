import { describe, expect, it } from 'vitest';
import { CARTPOLE_DEFAULTS, CartPole } from '../../src/envs/cartpole.js';
import { CARTPOLE_TASK_RANGES, cartPoleTasks } from '../../src/envs/cartpole-tasks.js';
import { EMPTY_INFO, boxSpace, discreteSpace, type Env } from '../../src/envs/env.js';
import { POSITIVE, defineTaskFamily } from '../../src/envs/task-family.js';
import { PCG64 } from '../../src/rng/index.js';
import { rule } from '../../src/validation/schema.js';

describe('cartPoleTasks (default family)', () => {
  const family = cartPoleTasks();

  it('varies length, masspole, forceMag over the documented ranges', () => {
    expect(family.name).toBe('cartpole');
    expect(family.ranges).toEqual({ length: [0.25, 1.0], masspole: [0.05, 0.5], forceMag: [5, 15] });
    expect(Object.keys(family.ranges)).toEqual(['length', 'masspole', 'forceMag']);
    expect(CARTPOLE_TASK_RANGES).toEqual(family.ranges);
    expect(Object.isFrozen(family.ranges)).toBe(true);
  });

  it('mediumTask is the centre of every range', () => {
    expect(family.mediumTask()).toEqual({ length: 0.625, masspole: 0.275, forceMag: 10 });
  });

  it('samples uniform draws task by task in key order, reproducibly and inside the ranges', () => {
    const tasks = family.sampleTasks(new PCG64(123), 50);
    const g = new PCG64(123);
    const expected = Array.from({ length: 50 }, () => ({ length: g.uniform(0.25, 1.0), masspole: g.uniform(0.05, 0.5), forceMag: g.uniform(5, 15) }));
    expect(tasks).toEqual(expected);
    expect(family.sampleTasks(new PCG64(123), 50)).toEqual(tasks);
    expect(family.sampleTasks(new PCG64(124), 1)[0]).not.toEqual(tasks[0]);
    for (const t of tasks) {
      expect(t.length >= 0.25 && t.length < 1.0 && t.masspole >= 0.05 && t.masspole < 0.5 && t.forceMag >= 5 && t.forceMag < 15).toBe(true);
      expect(Object.getPrototypeOf(t)).toBe(Object.prototype);
    }
    expect(family.sampleTasks(new PCG64(1), 0)).toEqual([]);
    expect(() => family.sampleTasks(new PCG64(1), -1)).toThrow(/n must be a non-negative integer, got -1/);
  });

  it('makeEnv builds a CartPole with the task parameters and defaults elsewhere', () => {
    const task = { length: 0.8, masspole: 0.3, forceMag: 12 };
    const env = family.makeEnv(task, { maxEpisodeSteps: 200, seed: 5 });
    expect(env).toBeInstanceOf(CartPole);
    expect(env.params).toEqual({ ...CARTPOLE_DEFAULTS, ...task });
    expect(env.maxEpisodeSteps).toBe(200);
    expect(Array.from(env.reset().obs)).toEqual(Array.from(new CartPole({ seed: 5 }).reset().obs));
    expect(() => family.makeEnv(task, { length: 1 } as never)).toThrow(/options\.length conflicts with the task parameter length/);
  });

  it('tasks survive a JSON round trip', () => {
    const [task] = family.sampleTasks(new PCG64(9), 1);
    const back = family.validate(JSON.parse(JSON.stringify(task)));
    expect(back).toEqual(task);
    expect(family.makeEnv(back).params).toEqual(family.makeEnv(task).params);
  });

  it('validate accepts out-of-range but physical tasks and names the key of any error', () => {
    const ok = { length: 3, masspole: 2, forceMag: 0 };
    expect(family.validate(ok)).toBe(ok);
    expect(() => family.validate({ ...ok, gravity: 9.8 })).toThrow(/unknown task parameter "gravity" \(expected one of length, masspole, forceMag\)/);
    expect(() => family.validate({ ...ok, masspole: -0.1 })).toThrow(/invalid masspole = -0\.1 \(expected a number in \[0\.001, 10\] kg\)/);
    expect(() => family.validate({ ...ok, length: 0 })).toThrow(/invalid length = 0 \(expected a number in \[0\.01, 10\] m\)/);
    expect(() => family.validate({ ...ok, forceMag: -1 })).toThrow(/invalid forceMag = -1 \(expected a number in \[0, 100\] N\)/);
    expect(() => family.validate({ ...ok, length: NaN })).toThrow(/invalid length = NaN/);
    expect(() => family.validate({ ...ok, length: '0.5' })).toThrow(/invalid length = "0\.5"/);
    expect(() => family.validate({ length: 0.5, masspole: 0.1 })).toThrow(/missing forceMag \(expected a number in \[0, 100\] N\)/);
    expect(() => family.validate([0.5, 0.1, 10])).toThrow(/a task must be a plain object/);
    expect(() => family.validate(null)).toThrow(/a task must be a plain object/);
    expect(() => family.makeEnv({ ...ok, masspole: -1 })).toThrow(/invalid masspole = -1/);
  });
});

describe('cartPoleTasks (configured)', () => {
  it('takes other ranges and other varying parameters, in vary order', () => {
    const family = cartPoleTasks({ vary: ['gravity', 'length'], ranges: { gravity: [5, 15], length: [0.5, 0.5] } });
    expect(family.ranges).toEqual({ gravity: [5, 15], length: [0.5, 0.5] });
    expect(family.mediumTask()).toEqual({ gravity: 10, length: 0.5 });
    const g = new PCG64(2);
    const tasks = family.sampleTasks(new PCG64(2), 3);
    expect(tasks).toEqual([0, 1, 2].map(() => ({ gravity: g.uniform(5, 15), length: g.uniform(0.5, 0.5) })));
    expect(tasks.every((t) => t.length === 0.5)).toBe(true);
    const env = family.makeEnv(tasks[0], { masspole: 0.2 });
    expect(env.params).toMatchObject({ gravity: tasks[0].gravity, length: 0.5, masspole: 0.2, forceMag: 10 });
    expect(() => family.validate({ gravity: 9.8, length: 0.5, masspole: 0.1 })).toThrow(/unknown task parameter "masspole" \(expected one of gravity, length\)/);
  });

  it('rejects bad configurations, naming the key and the expected value', () => {
    expect(() => cartPoleTasks({ ranges: { length: [1, 0.5] } })).toThrow(/range for length must be \[lo, hi\] with finite lo <= hi, got \[1,0\.5\]/);
    expect(() => cartPoleTasks({ ranges: { masspole: [-0.1, 0.5] } })).toThrow(/range for masspole = \[-0\.1, 0\.5\] is invalid \(expected a number in \[0\.001, 10\] kg at both ends\)/);
    expect(() => cartPoleTasks({ ranges: { forceMag: [0, Infinity] } })).toThrow(/range for forceMag must be \[lo, hi\] with finite lo <= hi/);
    expect(() => cartPoleTasks({ vary: ['gravity'] })).toThrow(/no default range for gravity \(expected ranges\.gravity = \[lo, hi\]\)/);
    expect(() => cartPoleTasks({ vary: ['length'], ranges: { masspole: [0.1, 0.2] } })).toThrow(/ranges\.masspole is given but masspole is not in vary/);
    expect(() => cartPoleTasks({ vary: ['mass' as never] })).toThrow(/unknown parameter "mass" in vary \(expected one of gravity, masscart, masspole, length, forceMag, tau\)/);
    expect(() => cartPoleTasks({ vary: ['length', 'length'] })).toThrow(/length appears twice in vary/);
    expect(() => cartPoleTasks({ vary: [] })).toThrow(/vary must name at least one parameter/);
  });
});

describe('defineTaskFamily', () => {
  class Stub implements Env<number> {
    readonly observationSpace = boxSpace([0], [1]);
    readonly actionSpace = discreteSpace(2);
    readonly maxEpisodeSteps = 1;
    constructor(readonly mass: number) {}
    reset() {
      return { obs: Float64Array.of(0), info: EMPTY_INFO };
    }
    step() {
      return { obs: Float64Array.of(0), reward: 0, terminated: true, truncated: false, info: EMPTY_INFO };
    }
  }

  it('builds a family for any env and checks that every range has a check', () => {
    const family = defineTaskFamily({ name: 'stub', ranges: { mass: [1, 3] }, checks: { mass: POSITIVE }, build: (t: { mass: number }) => new Stub(t.mass) });
    expect(family.makeEnv(family.mediumTask()).mass).toBe(2);
    expect(() =>
      defineTaskFamily({ name: 'stub', ranges: { mass: [1, 3] }, checks: {} as { mass: typeof POSITIVE }, build: (t: { mass: number }) => new Stub(t.mass) }),
    ).toThrow(/stub: no validity check for parameter "mass"/);
  });

  it('reads a task\'s values as numbers first, whatever a family\'s own check admits, naming the parameter', () => {
    const loose = rule((v): v is number => (v as number) > 0, 'a mass > 0 kg');
    const family = defineTaskFamily({ name: 'stub', ranges: { mass: [1, 3] }, checks: { mass: loose }, build: (t: { mass: number }) => new Stub(t.mass) });
    expect(() => family.validate({ mass: '2' })).toThrow('stub: invalid mass = "2" (expected a mass > 0 kg)');
    expect(() => family.validate({ mass: -1 })).toThrow('stub: invalid mass = -1 (expected a mass > 0 kg)');
    expect(family.validate({ mass: 2.5 })).toEqual({ mass: 2.5 });
  });
});
