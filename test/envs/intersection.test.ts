import { describe, expect, it } from 'vitest';
import {
  INTERSECTION_DEFAULTS,
  INTERSECTION_PARAMS,
  INTERSECTION_TASK_RANGES,
  Intersection,
  type IntersectionOptions,
  type IntersectionParams,
} from '../../src/envs/intersection.js';
import { VectorEnv } from '../../src/envs/vector-env.js';
import { PCG64 } from '../../src/rng/index.js';

// dt = 1/8 s makes every product in these steps exact, so the hand-computed values are too.
const EXACT_DT = 0.125;

/** An env after reset(), put in `state`. */
function envAt(state: number[], options: IntersectionOptions = {}): Intersection {
  const env = new Intersection(options);
  env.reset();
  env.setState(state);
  return env;
}

describe('parameters and spaces', () => {
  it('defaults are the spec constants', () => {
    expect(INTERSECTION_DEFAULTS).toEqual({
      desiredSpeed: 10, gap: 0, decisionDistance: 1000, maxAccel: 2.5, maxBrake: 4, accelExponent: 4, stopDistance: 1, minBrakeDistance: 0.1,
      holdSpeed: 0.1, ttaSpeedFloor: 0.1, speedLimit: 15, dt: 0.1, vehicleLength: 4.5, zoneHalfWidth: 2, margin: 0.5,
      egoAccel0: -4, egoAccel1: -2, egoAccel2: 0, egoAccel3: 1.5, egoAccel4: 3,
      startPositionMin: -45, startPositionMax: -35, startSpeedMin: 8, startSpeedMax: 12,
      timeCost: 0.1, comfortCost: 0.02, collisionCost: 100, successBonus: 20, positionScale: 50, speedScale: 15,
    });
    expect(new Intersection().params).toEqual(INTERSECTION_DEFAULTS);
    expect(INTERSECTION_TASK_RANGES).toEqual({ desiredSpeed: [6, 14], gap: [-1.5, 1.5], maxAccel: [1.5, 3.5] });
    // Every default is inside its own valid range, and every task range too.
    for (const spec of Object.values(INTERSECTION_PARAMS)) expect(spec.default >= spec.min && spec.default <= spec.max).toBe(true);
    for (const [key, [lo, hi]] of Object.entries(INTERSECTION_TASK_RANGES)) {
      expect(() => new Intersection({ [key]: lo }).setParams({ [key]: hi })).not.toThrow();
    }
  });

  it('Discrete(5) actions; float64 Box(6) observations whose speed bounds follow the parameters', () => {
    const env = new Intersection();
    expect(env.actionSpace).toEqual({ kind: 'discrete', n: 5 });
    expect(env.observationSpace).toEqual({
      kind: 'box',
      low: Float64Array.of(-Infinity, 0, -Infinity, 0, 0, 0),
      high: Float64Array.of(Infinity, 1, Infinity, 1, 1, 1),
      shape: [6],
      dtype: 'float64',
    });
    env.setParams({ speedLimit: 12, speedScale: 16 });
    expect(env.observationSpace.high[1]).toBe(0.75);
    expect(env.maxEpisodeSteps).toBe(200);
  });
});

describe('seeded reset', () => {
  /** s_E, s_O, v_E, v_O drawn in that order, returned as the state [s_E, v_E, s_O, v_O]. */
  const drawnState = (seed: number, skip = 0): number[] => {
    const g = new PCG64(seed);
    for (let i = 0; i < skip; i++) g.random();
    const [sE, sO, vE, vO] = [g.uniform(-45, -35), g.uniform(-45, -35), g.uniform(8, 12), g.uniform(8, 12)];
    return [sE, vE, sO, vO];
  };

  it('draws s_E, s_O, v_E, v_O from the PCG64 of the seed, and observes the scaled state', () => {
    const env = new Intersection();
    const { obs, info } = env.reset({ seed: 7 });
    const [sE, vE, sO, vO] = drawnState(7);
    expect(Array.from(env.getState())).toEqual([sE, vE, sO, vO]);
    expect(Array.from(obs)).toEqual([sE / 50, vE / 15, sO / 50, vO / 15, 0, 0]);
    expect(info).toEqual({ outcome: null, otherDecision: null });
  });

  it('the first unseeded reset uses the constructor seed (default 0); later ones continue the stream', () => {
    const env = new Intersection();
    env.reset();
    expect(Array.from(env.getState())).toEqual(drawnState(0));
    env.reset();
    expect(Array.from(env.getState())).toEqual(drawnState(0, 4));
    const seeded = new Intersection({ seed: 3 });
    seeded.reset();
    expect(Array.from(seeded.getState())).toEqual(drawnState(3));
  });

  it('draws from the start ranges given as options', () => {
    const env = new Intersection({ startPositionMin: -60, startPositionMax: -20, startSpeedMin: 5, startSpeedMax: 5 });
    env.reset({ seed: 11 });
    const g = new PCG64(11);
    const [sE, sO] = [g.uniform(-60, -20), g.uniform(-60, -20)];
    expect(Array.from(env.getState())).toEqual([sE, 5, sO, 5]);
  });
});

describe('dynamics, hand-computed', () => {
  it('both go: E at full throttle, O accelerates by maxAccel·(1 - (v/desiredSpeed)^4)', () => {
    // TTA_O = 8 m / 4 m/s = 2 s < TTA_E + gap = 17.5 m / 8 m/s + 0 = 2.1875 s: O goes, with
    // a_O = 2·(1 - 0.5^4) = 1.875.
    const env = envAt([-20, 8, -10.5, 4], { dt: EXACT_DT, desiredSpeed: 8, maxAccel: 2 });
    const { obs, reward, terminated, truncated, info } = env.step(4);
    expect(Array.from(env.getState())).toEqual([-18.953125, 8.375, -9.970703125, 4.234375]);
    expect(Array.from(obs)).toEqual([-18.953125 / 50, 8.375 / 15, -9.970703125 / 50, 4.234375 / 15, 0, 0]);
    expect([reward, terminated, truncated]).toEqual([-0.28, false, false]);
    expect(info).toEqual({ outcome: null, otherDecision: 'go' });
  });

  it('O goes only if TTA_O < TTA_E + gap (strictly), with speeds floored at ttaSpeedFloor', () => {
    // Equal arrival times (2 m at 8 m/s each): O yields.
    expect(envAt([-4.5, 8, -4.5, 8], { dt: EXACT_DT }).step(2).info.otherDecision).toBe('yield');
    expect(envAt([-4.5, 8, -4.5, 8], { dt: EXACT_DT, gap: 0.125 }).step(2).info.otherDecision).toBe('go');
    // O at 0.25 m/s 1 m away: TTA_O = 4 s, or 1/0.5 = 2 s with the floor at 0.5 m/s; E at 0.5 m/s,
    // 1.25 m away: 2.5 s either way.
    expect(envAt([-3.75, 0.5, -3.5, 0.25]).step(2).info.otherDecision).toBe('yield');
    expect(envAt([-3.75, 0.5, -3.5, 0.25], { ttaSpeedFloor: 0.5 }).step(2).info.otherDecision).toBe('go');
    // E at rest 30 m away: 300 s, as if at 0.1 m/s; O at rest 1 m away: 10 s.
    expect(envAt([-32.5, 0, -3.5, 0]).step(2).info.otherDecision).toBe('go');
    // O's front at the zone's edge (d_O = 0): it goes even when courteous and E is in the zone.
    expect(envAt([0, 0, -2.5, 5], { gap: -10 }).step(2).info.otherDecision).toBe('go');
    expect(envAt([0, 0, -2.6, 5], { gap: -10 }).step(2).info.otherDecision).toBe('yield');
    // E's rear past the zone: O goes whatever the times.
    expect(envAt([7.25, 0, -40, 0]).step(2).info.otherDecision).toBe('go');
  });

  it('the going acceleration uses the integer exponent: 2·(1 - 0.5³) = 1.75 m/s²', () => {
    const env = envAt([-40, 0, 0, 4], { dt: EXACT_DT, desiredSpeed: 8, maxAccel: 2, accelExponent: 3 });
    env.step(2);
    expect(env.getState()[3]).toBe(4 + 1.75 * EXACT_DT);
  });

  it('O yields: brakes by v²/(2(d - 1)), at most 4 m/s², with d - 1 floored at 0.1 m', () => {
    // E arrives first (TTA_E = 2/8 = 0.25 s, TTA_O = 3/2 = 1.5 s): a_O = -2²/(2·(3 - 1)) = -1.
    const env = envAt([-4.5, 8, -5.5, 2], { dt: EXACT_DT });
    const out = env.step(2);
    expect(Array.from(env.getState())).toEqual([-3.5, 8, -5.265625, 1.875]);
    expect([out.reward, out.info.otherDecision]).toEqual([-0.1, 'yield']);
    // 4²/(2·(2 - 1)) = 8 is capped at 4.
    const capped = envAt([-3, 8, -4.5, 4], { dt: EXACT_DT });
    capped.step(2);
    expect(Array.from(capped.getState()).slice(2)).toEqual([-4.0625, 3.5]);
    // d = 1.0625 m: d - 1 = 0.0625 is floored at 0.1.
    const floored = envAt([-3, 8, -3.5625, 0.5], { dt: EXACT_DT });
    floored.step(2);
    const vO = 0.5 - ((0.5 * 0.5) / (2 * 0.1)) * EXACT_DT;
    expect(Array.from(floored.getState()).slice(2)).toEqual([-3.5625 + vO * EXACT_DT, vO]);
  });

  it('a yielding O below 0.1 m/s holds: its speed becomes 0 and it does not move', () => {
    const env = envAt([-3, 8, -3.5, 0.0625], { dt: EXACT_DT });
    expect(env.step(2).info.otherDecision).toBe('yield');
    expect(Array.from(env.getState()).slice(2)).toEqual([-3.5, 0]);
    // At exactly 0.125 m/s (holdSpeed 0.125) it still brakes: 0.125²/(2·(2 - 1)) m/s².
    const braking = envAt([-3, 8, -4.5, 0.125], { dt: EXACT_DT, holdSpeed: 0.125 });
    braking.step(2);
    const vO = 0.125 - (0.125 * 0.125) / 2 * EXACT_DT;
    expect(Array.from(braking.getState()).slice(2)).toEqual([-4.5 + vO * EXACT_DT, vO]);
  });

  it('O yielding to an E at rest in the zone comes to rest before the zone and stays there', () => {
    // The spec aims at 1 m before the zone; the 0.1 m floor on the braking distance lets O creep
    // a little past that point (to 0.83 m from 10 m/s at 27.5 m), never into the zone.
    const env = envAt([0, 0, -30, 10]);
    let restStep = 0;
    let restPosition = NaN;
    for (let t = 1; t <= 150; t++) {
      const before = env.getState();
      const out = env.step(2);
      const [, , sO, vO] = env.getState();
      expect([out.info.otherDecision, out.terminated]).toEqual(['yield', false]);
      expect(out.obs[5]).toBe(0);
      if (vO === 0 && restStep === 0) {
        expect(before[3]).toBeLessThan(0.1);
        expect(sO).toBe(before[2]);
        restStep = t;
        restPosition = sO;
      }
      if (restStep !== 0) expect([sO, vO]).toEqual([restPosition, 0]);
    }
    expect(restStep).toBeGreaterThan(0);
    const distanceToZone = -2.5 - restPosition;
    expect(distanceToZone).toBeGreaterThan(0.8);
    expect(distanceToZone).toBeLessThan(1);
  });

  it('O farther than decisionDistance from the zone drives on as if going; within it, the gap rule decides', () => {
    const options = { gap: -10, decisionDistance: 15, dt: EXACT_DT, desiredSpeed: 8, maxAccel: 2 };
    // d_O = -2.5 + 30 = 27.5 m > 15 m: O goes though courteous, a_O = 2·(1 - 0.5^4) = 1.875.
    const far = envAt([-20, 8, -30, 4], options);
    const out = far.step(2);
    expect(Array.from(far.getState())).toEqual([-19, 8, -29.470703125, 4.234375]);
    expect(out.info.otherDecision).toBe('go');
    // d_O = 14.5 m <= 15 m: TTA_O = 3.625 s is not below TTA_E - 10: O yields, a_O = -4²/(2·13.5).
    const near = envAt([-20, 8, -17, 4], options);
    expect(near.step(2).info.otherDecision).toBe('yield');
    const vO = 4 + -(16 / 27) * EXACT_DT;
    expect(Array.from(near.getState()).slice(2)).toEqual([-17 + vO * EXACT_DT, vO]);
    // decisionDistance 0: O goes whatever E does (d_O > 0 before the zone, d_O <= 0 in it).
    const never = envAt([-20, 8, -17, 4], { ...options, decisionDistance: 0 });
    expect(never.step(2).info.otherDecision).toBe('go');
    expect(Array.from(never.getState()).slice(2)).toEqual([-16.470703125, 4.234375]);
    // The default (1000 m) never holds O back.
    expect(new Intersection({ gap: -10 }).params.decisionDistance).toBe(1000);
  });

  it('speeds are clipped to [0, 15], and a going O\'s acceleration to [-4, maxAccel]', () => {
    const braking = envAt([-40, 0.2, 20, 10]);
    braking.step(0); // 0.2 - 4·0.1 < 0
    expect(Array.from(braking.getState()).slice(0, 2)).toEqual([-40, 0]);
    const fast = envAt([-40, 14.8, 20, 10]);
    fast.step(4); // 14.8 + 3·0.1 > 15
    expect(Array.from(fast.getState()).slice(0, 2)).toEqual([-40 + 15 * 0.1, 15]);
    // O in the zone goes: 6·(1 - (14.9/30)^4) ≈ 5.6 m/s² would take it past 15 m/s.
    const other = envAt([-40, 0, 0, 14.9], { desiredSpeed: 30, maxAccel: 6 });
    expect(other.step(2).info.otherDecision).toBe('go');
    expect(Array.from(other.getState()).slice(2)).toEqual([0 + 15 * 0.1, 15]);
    // 2.5·(1 - (15/6)^4) ≈ -95 m/s² is clipped to -4.
    const slowing = envAt([-40, 0, 0, 15], { desiredSpeed: 6, dt: EXACT_DT });
    slowing.step(2);
    expect(Array.from(slowing.getState()).slice(2)).toEqual([1.8125, 14.5]);
  });

  it('collision on the exact step the occupancy intervals first overlap (a front at -2.5 m overlaps)', () => {
    // Both at 8 m/s, 1 m per step. O goes (gap 1 s makes it aggressive) and holds its speed.
    const env = envAt([-3.75, 8, -5.5, 8], { dt: EXACT_DT, desiredSpeed: 8, gap: 1 });
    const expected = [
      { state: [-2.75, 8, -4.5, 8], inZone: [0, 0], reward: -0.1, outcome: null },
      { state: [-1.75, 8, -3.5, 8], inZone: [1, 0], reward: -0.1, outcome: null },
      { state: [-0.75, 8, -2.5, 8], inZone: [1, 1], reward: -100.1, outcome: 'collision' },
    ];
    for (const [i, e] of expected.entries()) {
      const { obs, reward, terminated, info } = env.step(2);
      expect(Array.from(env.getState()), `step ${i + 1}`).toEqual(e.state);
      expect([obs[4], obs[5]]).toEqual(e.inZone);
      expect([reward, terminated, info.outcome, info.otherDecision]).toEqual([e.reward, e.outcome !== null, e.outcome, 'go']);
    }
  });

  it('success on the step E\'s rear clears the zone plus margin (rear exactly at +2.5 m is still in it)', () => {
    const env = envAt([6, 10, -40, 10]);
    const first = env.step(2);
    expect(env.getState()[0]).toBe(7);
    expect([first.obs[4], first.reward, first.terminated, first.info.outcome]).toEqual([1, -0.1, false, null]);
    const second = env.step(2);
    expect(env.getState()[0]).toBe(8);
    expect([second.obs[4], second.reward, second.terminated, second.truncated, second.info.outcome]).toEqual([0, 19.9, true, false, 'success']);
  });

  it('rewards -0.1 - 0.02·a² per step, -100 more on a collision, +20 more on success, to the last bit', () => {
    const rewards = [0, 1, 2, 3, 4].map((action) => envAt([-40, 10, -40, 10]).step(action).reward);
    expect(rewards).toEqual([-0.42000000000000004, -0.18, -0.1, -0.14500000000000002, -0.28]);
    expect(envAt([-1, 5, -1, 5]).step(4)).toMatchObject({ reward: -100.28, terminated: true, info: { outcome: 'collision' } });
    expect(envAt([6, 10, -40, 10]).step(4)).toMatchObject({ reward: 19.72, terminated: true, info: { outcome: 'success' } });
    // comfortCost·(a·a), not (comfortCost·a)·a: they differ in the last bit here.
    expect(envAt([-40, 10, -40, 10], { comfortCost: 0.1 }).step(4).reward).toBe(-1);
  });

  it('truncates at step 200, and then needs a reset', () => {
    const env = envAt([-40, 0, -40, 10]); // E waits; O goes through and drives on
    for (let t = 1; t < 200; t++) expect(env.step(2)).toMatchObject({ reward: -0.1, terminated: false, truncated: false });
    expect(env.step(2)).toMatchObject({ reward: -0.1, terminated: false, truncated: true, info: { outcome: null } });
    expect(env.elapsedSteps).toBe(200);
    expect(() => env.step(2)).toThrow(/call reset\(\) before step\(\)/);
    env.reset();
    expect(env.step(2).truncated).toBe(false);
  });

  it('terminated and truncated together when E succeeds on step 200', () => {
    const env = envAt([-40, 0, -40, 10]);
    for (let t = 1; t < 200; t++) env.step(2);
    env.setState([6.5, 10, 100, 10]);
    expect(env.step(2)).toMatchObject({ reward: 19.9, terminated: true, truncated: true, info: { outcome: 'success' } });
  });
});

describe('buffers and the vector env', () => {
  it('reset() and step() return the env\'s own result, obs and info, overwritten in place', () => {
    const env = new Intersection();
    const reset = env.reset({ seed: 1 });
    const a = env.step(4);
    const b = env.step(4);
    expect(b).toBe(a);
    expect(a.obs).toBe(reset.obs);
    expect(a.info).toBe(reset.info);
  });

  it('a VectorEnv reports the terminal observation in finalObs and the next episode\'s first in obs', () => {
    const venv = new VectorEnv([new Intersection(), new Intersection()]);
    venv.reset({ seed: 5 });
    const lone = new Intersection();
    let loneObs = Array.from(lone.reset({ seed: 6 }).obs);
    expect(Array.from(venv.obs.subarray(6, 12))).toEqual(loneObs);
    for (let t = 0; t < 200; t++) {
      const out = lone.step(4);
      const last = Array.from(out.obs);
      venv.step([4, 4]);
      expect(venv.rewards[1]).toBe(out.reward);
      if (out.terminated || out.truncated) {
        expect(venv.done[1]).toBe(1);
        expect(Array.from(venv.finalObs.subarray(6, 12))).toEqual(last);
        loneObs = Array.from(lone.reset().obs);
        expect(Array.from(venv.obs.subarray(6, 12))).toEqual(loneObs);
        return;
      }
      expect(Array.from(venv.obs.subarray(6, 12))).toEqual(last);
    }
    expect.fail('the full-throttle episode did not end within 200 steps');
  });
});

describe('bad input: one-line errors naming the field', () => {
  it.each([
    ['desiredSpeed', NaN, /invalid desiredSpeed = NaN \(expected a number in \(0, 30\] m\/s\)/],
    ['desiredSpeed', 0, /invalid desiredSpeed = 0 \(expected a number in \(0, 30\] m\/s\)/],
    ['desiredSpeed', -3, /invalid desiredSpeed = -3 \(expected a number in \(0, 30\] m\/s\)/],
    ['maxAccel', 0.4, /invalid maxAccel = 0\.4 \(expected a number in \[0\.5, 6\] m\/s\^2\)/],
    ['maxAccel', 6.5, /invalid maxAccel = 6\.5 \(expected a number in \[0\.5, 6\] m\/s\^2\)/],
    ['gap', Infinity, /invalid gap = Infinity \(expected a number in \[-10, 10\] s\)/],
    ['gap', '1', /invalid gap = "1" \(expected a number in \[-10, 10\] s\)/],
    ['dt', 0, /invalid dt = 0 \(expected a number in \[0\.01, 0\.2\] s\)/],
    ['accelExponent', 2.5, /invalid accelExponent = 2\.5 \(expected an integer in \[1, 8\]\)/],
    ['accelExponent', 9, /invalid accelExponent = 9 \(expected a number in \[1, 8\]\)/],
    ['speed', 10, /unknown parameter "speed" \(expected one of desiredSpeed, gap, maxAccel, .*\)/],
  ] as const)('rejects %s = %s', (key, value, message) => {
    const bad = { [key]: value } as unknown as Partial<IntersectionParams>;
    expect(() => new Intersection(bad)).toThrow(message);
    const env = new Intersection();
    expect(() => env.setParams({ gap: 1, ...bad })).toThrow(message);
    expect(env.params).toEqual(INTERSECTION_DEFAULTS); // nothing applied on failure
    try {
      new Intersection(bad);
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('rejects start ranges whose low end is above the high end', () => {
    expect(() => new Intersection({ startPositionMin: -30 })).toThrow(/startPositionMin \(-30\) must be <= startPositionMax \(-35\)/);
    expect(() => new Intersection({ startSpeedMin: 13 })).toThrow(/startSpeedMin \(13\) must be <= startSpeedMax \(12\)/);
  });

  it('rejects actions outside 0..4 and stepping before reset', () => {
    const env = new Intersection();
    expect(() => env.step(0)).toThrow(/call reset\(\) before step\(\)/);
    env.reset();
    for (const a of [5, -1, 0.5, NaN, '1']) {
      expect(() => env.step(a as number)).toThrow(`Intersection: action must be an integer in 0..4 (Discrete(5)), got ${typeof a === 'string' ? '"1"' : a}`);
    }
  });

  it('rejects bad states, seeds and episode lengths', () => {
    const env = new Intersection();
    expect(() => env.setState([0, 0, 0])).toThrow(/expected 4 numbers \[s_E, v_E, s_O, v_O\], got 3/);
    expect(() => env.setState([0, 0, NaN, 0])).toThrow(/s_O must be a finite number, got NaN/);
    expect(() => env.setState([0, -1, 0, 0])).toThrow(/v_E must be a number in \[0, 15\] m\/s, got -1/);
    expect(() => env.setState([0, 0, 0, 16])).toThrow(/v_O must be a number in \[0, 15\] m\/s, got 16/);
    expect(() => env.reset({ seed: -1 })).toThrow(/non-negative/);
    expect(() => new Intersection({ maxEpisodeSteps: 0 })).toThrow(/maxEpisodeSteps/);
  });
});
