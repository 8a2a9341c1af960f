import { describe, expect, it } from 'vitest';
import { INTERSECTION_TASK_RANGES, Intersection } from '../../src/envs/intersection.js';
import {
  INTERSECTION_DRIVERS,
  ROBUST_HYPOTHESES,
  alwaysGo,
  alwaysYield,
  evaluateDriver,
  oracle,
  oraclePlanReturn,
  robustPlanner,
  type IntersectionDriver,
} from '../../src/envs/intersection-drivers.js';
import { PCG64 } from '../../src/rng/index.js';

interface Episode {
  return: number;
  steps: number;
  outcome: string | null;
}

/** One episode of `driver` from `env`'s current state. */
function drive(env: Intersection, driver: IntersectionDriver): Episode {
  let total = 0;
  for (let steps = 1; ; steps++) {
    const { reward, terminated, truncated, info } = env.step(driver(env.getState(), env.params, env.maxEpisodeSteps - env.elapsedSteps));
    total += reward;
    if (terminated || truncated) return { return: total, steps, outcome: info.outcome };
  }
}

function envAt(state: number[]): Intersection {
  const env = new Intersection();
  env.reset();
  env.setState(state);
  return env;
}

describe('always-go and always-yield', () => {
  it('always-go crosses an empty intersection from 40 m at 10 m/s in 34 steps (closed form)', () => {
    // Speeds 10 + 0.3t clip at 15 on step 17; after 16 steps E has gone 0.1·(160 + 0.3·136) =
    // 20.08 m, then 1.5 m a step: 47.08 m > 47 m (front from -40 to past 7) on step 16 + 18.
    const episode = drive(envAt([-40, 10, -1000, 0]), alwaysGo);
    expect([episode.steps, episode.outcome]).toEqual([34, 'success']);
    expect(episode.return).toBeCloseTo(20 - 34 * 0.28, 12);
  });

  it('always-yield brakes hardest while moving, coasts at rest, and goes once O\'s rear has cleared the zone', () => {
    const p = new Intersection().params;
    expect(alwaysYield([-20, 3, -10, 8], p, 200)).toBe(0);
    expect(alwaysYield([-20, 0, 7, 8], p, 200)).toBe(2); // O's rear exactly at +2.5 m: still in the zone
    expect(alwaysYield([-20, 0, 7.01, 8], p, 200)).toBe(4);
    expect(alwaysYield([-20, 5, 7.01, 8], p, 200)).toBe(4);
    expect(alwaysGo([-20, 0, 0, 0], p, 1)).toBe(4);
  });
});

describe('oracle', () => {
  it('with nothing in its way, trades a little time for comfort: 4 gentle accelerations, then coasting', () => {
    // Pure coasting at 10 m/s crosses in 48 steps (return 20 - 4.8 = 15.2), full throttle in 34
    // (10.48, above). Three steps at +1.5 m/s² and one more later (-0.145 each) cross in 45.
    const env = envAt([-40, 10, -1000, 0]);
    const promised = oraclePlanReturn(env.getState(), env.params, 200);
    const episode = drive(env, oracle);
    expect([episode.steps, episode.outcome]).toEqual([45, 'success']);
    expect(episode.return).toBeCloseTo(20 - 4 * 0.145 - 41 * 0.1, 12);
    expect(episode.return).toBeGreaterThan(20 - 48 * 0.1);
    expect(episode.return).toBeGreaterThanOrEqual(promised);
  });

  it('does not go into an O crossing the zone: where always-go collides, it brakes and succeeds', () => {
    // O is in the zone at 10 m/s (it goes, and leaves after 8 steps); E is 7.5 m before it at 10 m/s.
    const state = [-10, 10, 0, 10];
    expect(drive(envAt(state), alwaysGo).outcome).toBe('collision');
    const env = envAt(state);
    expect(oracle(env.getState(), env.params, 200)).not.toBe(4);
    const episode = drive(env, oracle);
    expect(episode.outcome).toBe('success');
    expect(episode.return).toBeGreaterThanOrEqual(oraclePlanReturn(state, env.params, 200));
    expect(episode.return).toBeGreaterThan(drive(envAt(state), alwaysYield).return);
  });

  it('on each of 100 seeded tasks: never collides, and returns at least its first plan and both other drivers', () => {
    const taskRng = new PCG64(0);
    const starts = new Intersection({ seed: 1 });
    for (let i = 0; i < 100; i++) {
      const task = { desiredSpeed: taskRng.uniform(6, 14), gap: taskRng.uniform(-1.5, 1.5), maxAccel: taskRng.uniform(1.5, 3.5) };
      starts.setParams(task);
      starts.reset();
      const state = Array.from(starts.getState());
      const run = (driver: IntersectionDriver): Episode => {
        const env = new Intersection(task);
        env.reset();
        env.setState(state);
        return drive(env, driver);
      };
      const best = run(oracle);
      expect(best.outcome, `task ${i}`).toBe('success');
      expect(best.return).toBeGreaterThanOrEqual(oraclePlanReturn(state, starts.params, 200));
      expect(best.return).toBeGreaterThanOrEqual(run(alwaysGo).return);
      expect(best.return).toBeGreaterThanOrEqual(run(alwaysYield).return);
    }
  });
});

describe('evaluateDriver', () => {
  it('draws tasks from PCG64(seed) in family order and starts from PCG64(seed + 1), 4 draws an episode', () => {
    const seen: { params: number[]; state: number[] }[] = [];
    const recorder: IntersectionDriver = (state, params, stepsLeft) => {
      if (stepsLeft === 200) seen.push({ params: [params.desiredSpeed, params.gap, params.maxAccel], state: Array.from(state) });
      return 4;
    };
    evaluateDriver(recorder, { tasks: 3, seed: 5 });
    const taskRng = new PCG64(5);
    const startRng = new PCG64(6);
    const ranges = Object.values(INTERSECTION_TASK_RANGES);
    expect(seen).toEqual(
      [0, 1, 2].map(() => {
        const params = ranges.map(([lo, hi]) => taskRng.uniform(lo, hi));
        const [sE, sO, vE, vO] = [startRng.uniform(-45, -35), startRng.uniform(-45, -35), startRng.uniform(8, 12), startRng.uniform(8, 12)];
        return { params, state: [sE, vE, sO, vO] };
      }),
    );
  });

  it('the three drivers on 100 seeded tasks (seed 0)', () => {
    const drivers = { 'always-go': INTERSECTION_DRIVERS['always-go'], 'always-yield': INTERSECTION_DRIVERS['always-yield'], oracle: INTERSECTION_DRIVERS.oracle };
    const results = Object.fromEntries(Object.entries(drivers).map(([name, d]) => [name, evaluateDriver(d, { tasks: 100, seed: 0 })]));
    expect(results).toEqual({
      'always-go': { episodes: 100, successRate: 0.87, collisionRate: 0.13, truncationRate: 0, meanReturn: -5.2375999999993565, meanSteps: 34.42 },
      'always-yield': { episodes: 100, successRate: 1, collisionRate: 0, truncationRate: 0, meanReturn: -6.621799999999338, meanSteps: 98.16 },
      oracle: { episodes: 100, successRate: 1, collisionRate: 0, truncationRate: 0, meanReturn: 14.994750000000709, meanSteps: 45.42 },
    });
  });

  it('rejects bad options', () => {
    expect(() => evaluateDriver(alwaysGo, { tasks: 0 })).toThrow('evaluateDriver: tasks must be a positive integer, got 0');
    expect(() => evaluateDriver(alwaysGo, { seed: -1 })).toThrow('evaluateDriver: seed must be a non-negative integer, got -1');
  });
});

describe('robustPlanner', () => {
  it('guards against the 18 drivers of the range grid', () => {
    expect(ROBUST_HYPOTHESES).toHaveLength(18);
    expect(ROBUST_HYPOTHESES.slice(0, 3)).toEqual([
      { desiredSpeed: 6, gap: -1.5, maxAccel: 1.5 },
      { desiredSpeed: 6, gap: -1.5, maxAccel: 3.5 },
      { desiredSpeed: 6, gap: 0, maxAccel: 1.5 },
    ]);
    expect(new Set(ROBUST_HYPOTHESES.map((h) => `${h.desiredSpeed} ${h.gap} ${h.maxAccel}`)).size).toBe(18);
  });

  it('reads nothing of the task: the same action whatever O is', () => {
    const env = new Intersection({ seed: 3 });
    env.reset();
    for (let i = 0; i < 12; i++) {
      const state = env.getState();
      const actions = [
        { desiredSpeed: 6, gap: -1.5, maxAccel: 1.5 },
        { desiredSpeed: 13.7, gap: 1.2, maxAccel: 3.1 },
      ].map((task) => robustPlanner(state, { ...env.params, ...task }, 200 - i));
      expect(actions[1]).toBe(actions[0]);
      env.step(actions[0]);
    }
  });

  it("plays the oracle's action once O is past the zone, and does not go when some hypothesis collides with going", () => {
    // O's rear has cleared the zone: no hypothesis changes E's returns, so the plans score as the oracle's.
    for (const state of [[-30, 10, 20, 10], [-10, 3, 8, 0], [-44, 14, 30, 5]]) {
      const past = envAt(state);
      expect(robustPlanner(past.getState(), past.params, 200)).toBe(oracle(past.getState(), past.params, 200));
    }
    // Both 20 m out at 10 m/s: under some hypothesis O goes too, and going collides.
    const tied = envAt([-20, 10, -20, 10]);
    const state = tied.getState();
    const collidesGoing = ROBUST_HYPOTHESES.some((h) => {
      const env = new Intersection({ ...h });
      env.reset();
      env.setState(Array.from(state));
      return drive(env, alwaysGo).outcome === 'collision';
    });
    expect(collidesGoing).toBe(true);
    expect(robustPlanner(state, tied.params, 200)).not.toBe(4);
  });

  it('on 2 seeded tasks (seed 0): both episodes a success', () => {
    expect(evaluateDriver(robustPlanner, { tasks: 2, seed: 0 })).toEqual({
      episodes: 2, successRate: 1, collisionRate: 0, truncationRate: 0, meanReturn: 8.960000000000008, meanSteps: 83,
    });
  });
});
