import { describe, expect, it } from 'vitest';
import {
  INTERSECTION_BIMODAL_FAMILY,
  IntersectionBimodal,
  bimodalGo,
  bimodalOracle,
  bimodalWaitAndSee,
  bimodalYield,
  evaluateBimodalDriver,
  getEnv,
  intersectionBimodalTasks,
  slotSpeed,
  type BimodalDriver,
} from '../../src/envs/index.js';
import { PCG64 } from '../../src/rng/pcg64.js';

/** An env of the task (late, jitter) after reset(), put in `state`. */
function envAt(task: { late: number; jitter?: number }, state: number[]): IntersectionBimodal {
  const env = new IntersectionBimodal(task);
  env.reset({ seed: 0 });
  env.setState(state);
  return env;
}

/** -0.1 - 0.02·a² - ((v - v*)/15)², the per-step reward before any collision or success term. */
function stepReward(accel: number, v: number, vStar: number): number {
  const u = (v - vStar) / 15;
  return -0.1 - 0.02 * accel * accel - u * u;
}

/** One episode of `driver` on the task from reset({ seed }): its return and how it ended. */
function drive(task: { late: number; jitter: number }, seed: number, driver: BimodalDriver): { return: number; outcome: string | null } {
  const env = INTERSECTION_BIMODAL_FAMILY.make(task);
  env.reset({ seed });
  let total = 0;
  for (let step = 0; ; step++) {
    const r = env.step(driver(env.getState(), step, env.scene));
    total += r.reward;
    if (r.terminated) return { return: total, outcome: r.info.outcome };
  }
}

describe('intersection-bimodal: the schedule and the start', () => {
  it('places O on its schedule: early entry 1.0 s, late 2.5 s, plus the jitter, at 9.5 m/s; exit 9.5 m / 9.5 m/s = 1 s later', () => {
    const early = new IntersectionBimodal({ late: 0.2, jitter: 0.125 });
    const late = new IntersectionBimodal({ late: 0.7, jitter: -0.25 });
    expect([early.scene.lateMode, early.scene.entryTime, early.scene.exitTime]).toEqual([false, 1.125, 2.125]);
    expect([late.scene.lateMode, late.scene.entryTime, late.scene.exitTime]).toEqual([true, 2.25, 3.25]);
    // The mode switches at late = 0.5.
    expect([0.4999, 0.5].map((l) => new IntersectionBimodal({ late: l }).scene.entryTime)).toEqual([1, 2.5]);
    // reset draws s_E in [-21, -18), then v_E in [9, 11), from the seed's PCG64; O starts 9.5·entryTime before the zone's edge at -2.5 m.
    late.reset({ seed: 7 });
    const rng = new PCG64(7);
    expect(Array.from(late.getState())).toEqual([rng.uniform(-21, -18), rng.uniform(9, 11), -2.5 - 9.5 * 2.25, 9.5]);
    expect(late.maxEpisodeSteps).toBe(60);
  });
});

describe('intersection-bimodal: one step, by hand', () => {
  // E at -20 m at 10 m/s, full throttle (+3 m/s²): v_E = 10.3 m/s and s_E = -20 + 1.03 m after
  // the step, t = 0.1 s, d = -2.5 - s_E = 16.47 m to the zone. O drives at 9.5 m/s, 0.95 m a step.
  const vE = 10 + 3 * 0.1, sE = -20 + vE * 0.1, d = -2.5 - sE;

  it('early mode (O in the zone 1.0 to 2.0 s): v* = d / (2.0 - 0.1), arriving as O leaves; O occluded at -11.05 m', () => {
    const env = envAt({ late: 0 }, [-20, 10, -12, 9.5]);
    const { obs, reward, terminated, truncated, info } = env.step(4);
    expect(Array.from(env.getState())).toEqual([sE, vE, -12 + 9.5 * 0.1, 9.5]);
    expect(d / 1.9).toBeCloseTo(8.66842105263, 10);
    expect(slotSpeed(sE, 0.1, env.scene)).toBe(d / (2 - 0.1));
    expect(reward).toBeCloseTo(stepReward(3, vE, d / 1.9), 14);
    expect(reward).toBeCloseTo(-0.28 - ((10.3 - 8.66842105263) / 15) ** 2, 10);
    // O's front at -11.05 m is more than 3 m before the zone's edge (-5.5 m): its entries are 0.
    expect(Array.from(obs)).toEqual([sE / 50, vE / 15, 0, 0, 0, 0]);
    expect([terminated, truncated, info.outcome, info.otherDecision]).toEqual([false, false, null, 'go']);
  });

  it('late mode (O in the zone 2.5 to 3.5 s): before O enters the slot ahead of it is open, v* = 15 m/s', () => {
    const env = envAt({ late: 1 }, [-20, 10, -26.25, 9.5]);
    const { obs, reward } = env.step(4);
    expect(Array.from(env.getState())).toEqual([sE, vE, -26.25 + 9.5 * 0.1, 9.5]);
    expect(slotSpeed(sE, 0.1, env.scene)).toBe(15);
    expect(reward).toBeCloseTo(-0.28 - (4.7 / 15) ** 2, 14);
    expect(Array.from(obs)).toEqual([sE / 50, vE / 15, 0, 0, 0, 0]);
  });

  it('observes O once its front is within 3 m of the zone, and O in the zone', () => {
    // Coasting (a = 0) at 10 m/s, early mode at t = 0.1 s: v* = (-2.5 + 19) / 1.9.
    const seen = envAt({ late: 0 }, [-20, 10, -6, 9.5]);
    const near = seen.step(2);
    const sO = -6 + 9.5 * 0.1; // -5.05 >= -5.5
    expect(Array.from(near.obs)).toEqual([-19 / 50, 10 / 15, sO / 50, 9.5 / 15, 0, 0]);
    expect(near.reward).toBeCloseTo(stepReward(0, 10, 16.5 / 1.9), 14);
    const inside = envAt({ late: 0 }, [-20, 10, -3, 9.5]).step(2);
    expect(Array.from(inside.obs)).toEqual([-19 / 50, 10 / 15, (-3 + 9.5 * 0.1) / 50, 9.5 / 15, 0, 1]);
    // 0.95 m short of the edge: -6.5 + 0.95 = -5.55 < -5.5, still occluded (and not in the zone either).
    expect(Array.from(envAt({ late: 0 }, [-20, 10, -6.5, 9.5]).step(2).obs).slice(2)).toEqual([0, 0, 0, 0]);
  });

  it('on its own schedule the early O shows first on step 7 (t = 0.7 s, front at -12 + 6.65 = -5.35 m)', () => {
    const env = new IntersectionBimodal({ late: 0 });
    env.reset({ seed: 3 });
    const seenAt: number[] = [];
    for (let step = 1; step <= 8; step++) seenAt.push(env.step(2).obs[3]);
    expect(seenAt).toEqual([0, 0, 0, 0, 0, 0, 9.5 / 15, 9.5 / 15]);
  });

  it('slot speed: 15 once E has entered, once O has left, and in the late mode before O enters', () => {
    const early = new IntersectionBimodal({ late: 0 }).scene;
    const late = new IntersectionBimodal({ late: 1 }).scene;
    expect(slotSpeed(-20, 0.1, late)).toBe(15);
    expect(slotSpeed(-20, 3.0, late)).toBe(15); // d / (3.5 - 3.0) = 35 m/s, capped at the speed limit
    expect(slotSpeed(-5, 3.0, late)).toBe(2.5 / 0.5);
    expect(slotSpeed(-5, 3.1, late)).toBe(2.5 / (3.5 - 3.1));
    expect(slotSpeed(-5, 3.5, late)).toBe(15); // O has left
    expect(slotSpeed(-20, 0.1, early)).toBe(17.5 / 1.9);
    expect(slotSpeed(-20, 2.0, early)).toBe(15);
    expect(slotSpeed(-2.5, 0.5, early)).toBe(15); // d = 0: entered
  });
});

describe('intersection-bimodal: how an episode ends', () => {
  it('the deadline terminates on step 60, without the bonus; E at rest far back loses 0.1 + ((0 - 15)/15)² = 1.1 every step', () => {
    // 100 m back, d / (exit - t) >= 97.5 / 3.5 > 15: v* is 15 all along, in either mode.
    for (const late of [0, 1]) {
      const env = envAt({ late }, [-100, 0, -30, 9.5]);
      const rewards: number[] = [];
      let end = { terminated: false, truncated: false, outcome: null as string | null };
      for (let step = 0; step < 61 && !end.terminated; step++) {
        const r = env.step(2);
        rewards.push(r.reward);
        end = { terminated: r.terminated, truncated: r.truncated, outcome: r.info.outcome };
      }
      expect(rewards.length).toBe(60);
      expect(rewards).toEqual(Array.from({ length: 60 }, () => expect.closeTo(-1.1, 14)));
      expect(end).toEqual({ terminated: true, truncated: false, outcome: null });
      expect(() => env.step(2)).toThrow('IntersectionBimodal: call reset() before step() (at the start and after an episode ends)');
    }
  });

  it('a collision: both fronts in the zone after the step, -30 on top of the step reward', () => {
    // E -3 -> -2 m (coast at 10 m/s), O -3 -> -2.05 m: both within [-2.5, 2.5 + 4.5]. E has entered: v* = 15.
    const r = envAt({ late: 0 }, [-3, 10, -3, 9.5]).step(2);
    expect([r.terminated, r.truncated, r.info.outcome]).toEqual([true, false, 'collision']);
    expect(r.reward).toBeCloseTo(-30 - 0.1 - 1 / 9, 14);
  });

  it('a success: E\'s rear past +2.5 m, +20 on top of the step reward', () => {
    // Full throttle from 6.5 m at 10 m/s: front at 6.5 + 1.03 = 7.53, rear at 3.03 > 2.5.
    const r = envAt({ late: 1 }, [6.5, 10, -40, 9.5]).step(4);
    expect([r.terminated, r.truncated, r.info.outcome]).toEqual([true, false, 'success']);
    expect(r.reward).toBeCloseTo(20 - 0.28 - (4.7 / 15) ** 2, 14);
    // Its rear exactly at +2.5 m (front at 7 m) is still in the zone: no success yet.
    const edge = envAt({ late: 1 }, [6, 10, -40, 9.5]).step(2);
    expect([edge.terminated, edge.info.outcome]).toEqual([false, null]);
  });
});

describe('intersection-bimodal: the task family', () => {
  it('is registered with late in [0, 1] and jitter in [-0.25, 0.25], and a 6 s deadline in its description', () => {
    const family = getEnv('intersection-bimodal');
    expect(family.defaultRanges).toEqual({ late: [0, 1], jitter: [-0.25, 0.25] });
    expect(family.description).toBe('the intersection with the other driver on an early or a late crossing schedule per task, occluded until near the zone; a 6 s deadline');
    expect(() => intersectionBimodalTasks().makeEnv({ late: 2 })).toThrow(/late/);
  });

  it('samples late then jitter, task by task, from the seed: half the tasks in each mode, entries within 0.25 s of 1.0 or 2.5 s', () => {
    const tasks = intersectionBimodalTasks().sampleTasks(new PCG64(3), 400);
    const rng = new PCG64(3);
    expect(tasks.slice(0, 3)).toEqual([0, 1, 2].map(() => ({ late: rng.uniform(0, 1), jitter: rng.uniform(-0.25, 0.25) })));
    const lates = tasks.map((t) => t.late), jitters = tasks.map((t) => t.jitter);
    expect(Math.min(...lates)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...lates)).toBeLessThan(1);
    expect(Math.min(...jitters)).toBeGreaterThanOrEqual(-0.25);
    expect(Math.max(...jitters)).toBeLessThan(0.25);
    // Both ends of each range are reached to within 1% of its width in 400 uniform draws.
    expect([Math.min(...lates), 1 - Math.max(...lates)].every((gap) => gap < 0.01)).toBe(true);
    expect([Math.min(...jitters) + 0.25, 0.25 - Math.max(...jitters)].every((gap) => gap < 0.005)).toBe(true);
    const entries = tasks.map((t) => intersectionBimodalTasks().makeEnv(t).scene.entryTime);
    const earlyCount = entries.filter((e) => e >= 0.75 && e < 1.25).length;
    const lateCount = entries.filter((e) => e >= 2.25 && e < 2.75).length;
    expect(earlyCount + lateCount).toBe(400);
    expect(earlyCount).toBe(lates.filter((l) => l < 0.5).length);
    // Binomial(400, 1/2): within 3 standard deviations (10) of 200.
    expect(Math.abs(earlyCount - 200)).toBeLessThan(30);
  });
});

describe('intersection-bimodal: reference drivers', () => {
  it('on 20 seeded tasks: the oracle above the wait-and-see planner, always-go colliding on the early tasks, always-yield late on the late ones', () => {
    const figures = [bimodalOracle, bimodalWaitAndSee, bimodalGo, bimodalYield].map((driver) => evaluateBimodalDriver(driver, { tasks: 20 }));
    // The tasks evaluateBimodalDriver draws: new PCG64(0), late then jitter, task by task.
    const rng = new PCG64(0);
    const tasks = Array.from({ length: 20 }, () => ({ late: rng.uniform(0, 1), jitter: rng.uniform(-0.25, 0.25) }));
    const earlyShare = tasks.filter((t) => t.late < 0.5).length / 20;
    expect(earlyShare).toBe(0.25);
    // Always-go enters the zone between 1.2 and 1.6 s, while the early O is in it (from 1.25 s at
    // the latest to 1.75 s at the earliest), and here clears it before the late O enters (from
    // 2.25 s). Always-yield waits for O's rear to clear (at 2.0 or 3.5 s, ± 0.25) and then needs
    // about 3 s from rest to cross: in time only after the early O.
    expect(figures.map((f) => [f.successRate, f.collisionRate, f.deadlineRate])).toEqual([
      [1, 0, 0],
      [1, 0, 0],
      [1 - earlyShare, earlyShare, 0],
      [earlyShare, 0, 1 - earlyShare],
    ]);
    // Seeded regression values (episode i from reset({ seed: 1 + i })), measured once.
    expect(figures.map((f) => f.meanReturn)).toEqual([15.349094553503866, -4.379419742309141, 1.2337735187117362, -40.33346906682816].map((v) => expect.closeTo(v, 9)));
    expect(figures.map((f) => f.meanSteps)).toEqual([25.1, 46.5, 18.9, 56.7]);
  });

  it('the oracle returns at least the better of always-go and always-yield on each task (both are among its plans)', () => {
    const rng = new PCG64(11);
    for (let i = 0; i < 6; i++) {
      const task = { late: rng.uniform(0, 1), jitter: rng.uniform(-0.25, 0.25) };
      const [oracle, go, wait] = [bimodalOracle, bimodalGo, bimodalYield].map((driver) => drive(task, 100 + i, driver));
      expect(oracle.outcome).toBe('success');
      expect(oracle.return).toBeGreaterThanOrEqual(Math.max(go.return, wait.return) - 1e-9);
    }
  });
});
