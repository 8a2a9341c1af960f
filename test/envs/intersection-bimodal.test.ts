import { describe, expect, it } from 'vitest';
import {
  INTERSECTION_BIMODAL_FAMILY,
  INTERSECTION_DEFAULTS,
  Intersection,
  alwaysGo,
  alwaysYield,
  bimodalAgnostic,
  bimodalParams,
  evaluateBimodalDriver,
  getEnv,
  intersectionBimodalTasks,
  oracle,
} from '../../src/envs/index.js';
import { PCG64 } from '../../src/rng/pcg64.js';

const EXACT_DT = 0.125;

describe('the intersection\'s decisionDistance', () => {
  it('O farther than decisionDistance from the zone drives on as if going; within it, the gap rule decides', () => {
    const options = { gap: -10, decisionDistance: 15, dt: EXACT_DT, desiredSpeed: 8, maxAccel: 2 };
    // d_O = -2.5 + 30 = 27.5 m > 15 m: O goes though courteous, a_O = 2·(1 - 0.5^4) = 1.875.
    const far = new Intersection(options);
    far.reset();
    far.setState([-20, 8, -30, 4]);
    const out = far.step(2);
    expect(Array.from(far.getState())).toEqual([-19, 8, -29.470703125, 4.234375]);
    expect(out.info.otherDecision).toBe('go');
    // d_O = 14.5 m <= 15 m: TTA_O = 3.625 s is not below TTA_E - 10: O yields, a_O = -4²/(2·13.5).
    const near = new Intersection(options);
    near.reset();
    near.setState([-20, 8, -17, 4]);
    expect(near.step(2).info.otherDecision).toBe('yield');
    const vO = 4 + -(16 / 27) * EXACT_DT;
    expect(Array.from(near.getState()).slice(2)).toEqual([-17 + vO * EXACT_DT, vO]);
    // The default (1000 m) never holds O back: the same state yields at once.
    expect(new Intersection({ gap: -10 }).params.decisionDistance).toBe(1000);
  });
});

describe('intersection-bimodal', () => {
  it('a task is an early-gap O below bold = 0.5 (gap 0 s), a late-gap one from 0.5 (gap +10 s); the rest fixed', () => {
    const scene = {
      ...INTERSECTION_DEFAULTS, desiredSpeed: 14, maxAccel: 3.5, maxBrake: 10, decisionDistance: 11, startPositionMin: -32, startPositionMax: -24,
    };
    expect(bimodalParams({ bold: 0.4999 })).toEqual({ ...scene, gap: 0 });
    expect(bimodalParams({ bold: 0.5 })).toEqual({ ...scene, gap: 10 });
    expect(bimodalParams({ bold: 0, courteousGap: -5 })).toEqual({ ...scene, gap: -5 });
    const env = INTERSECTION_BIMODAL_FAMILY.make({ bold: 0.2 });
    expect(env.params).toEqual({ ...scene, gap: 0 });
    expect(env.maxEpisodeSteps).toBe(35);
  });

  it('early-gap and late-gap O from the same state within decisionDistance, by hand for one step', () => {
    // E arrives first: d_O = 10.5 m, TTA_O = 10.5/12 = 0.875 s; d_E = 7.5 m, TTA_E = 7.5/10 = 0.75 s.
    const start = [-10, 10, -13, 12];
    const step = (bold: number): number[] => {
      const env = INTERSECTION_BIMODAL_FAMILY.make({ bold });
      env.reset();
      env.setState(start);
      const { reward, info } = env.step(4);
      expect(reward).toBe(-0.1 - 0.02 * 9);
      expect(info.otherDecision).toBe(bold < 0.5 ? 'yield' : 'go');
      return Array.from(env.getState());
    };
    const vE = 10 + 3 * 0.1;
    // Early gap: 0.875 is not below 0.75 + 0, so O brakes by 12²/(2·(10.5 - 1)) = 7.578... m/s² (under 10).
    const vYield = 12 + -Math.min(10, 144 / (2 * 9.5)) * 0.1;
    expect(step(0.1)).toEqual([-10 + vE * 0.1, vE, -13 + vYield * 0.1, vYield]);
    // Late gap: 0.875 < 0.75 + 10, so O accelerates by 3.5·(1 - (12/14)^4).
    const r = 12 / 14, r2 = r * r;
    const vGo = 12 + 3.5 * (1 - r2 * r2) * 0.1;
    expect(step(0.9)).toEqual([-10 + vE * 0.1, vE, -13 + vGo * 0.1, vGo]);
  });

  it('an E that arrives second meets the same O in both modes: the early-gap O goes too', () => {
    // d_O = 10.5 m, TTA_O = 0.875 s; d_E = 12.5 m at 10 m/s, TTA_E = 1.25 s: 0.875 < 1.25 + 0.
    const start = [-15, 10, -13, 12];
    const after = [0.1, 0.9].map((bold) => {
      const env = INTERSECTION_BIMODAL_FAMILY.make({ bold });
      env.reset();
      env.setState(start);
      expect(env.step(2).info.otherDecision).toBe('go');
      return Array.from(env.getState());
    });
    expect(after[0]).toEqual(after[1]);
  });

  it('does not observe the mode: both drivers look the same until O is within 11 m of the zone', () => {
    const courteous = INTERSECTION_BIMODAL_FAMILY.make({ bold: 0.2 });
    const bold = INTERSECTION_BIMODAL_FAMILY.make({ bold: 0.8 });
    expect(Array.from(courteous.reset({ seed: 7 }).obs)).toEqual(Array.from(bold.reset({ seed: 7 }).obs));
    // Start draws in order s_E, s_O, v_E, v_O from the seed's PCG64, over the nearer start range.
    const rng = new PCG64(7);
    const sE = rng.uniform(-32, -24), sO = rng.uniform(-32, -24), vE = rng.uniform(8, 12), vO = rng.uniform(8, 12);
    expect(Array.from(courteous.getState())).toEqual([sE, vE, sO, vO]);
    // E 22 m before the zone at 12 m/s, O 24 m before it at 11 m/s: E at full throttle arrives first.
    courteous.setState([-22, 12, -24, 11]);
    bold.setState([-22, 12, -24, 11]);
    let decidedAt = -1;
    for (let t = 0; t < 20 && decidedAt < 0; t++) {
      const undecided = -2.5 - courteous.getState()[2] > 11;
      const a = courteous.step(4);
      const b = bold.step(4);
      if (undecided) {
        expect(Array.from(a.obs)).toEqual(Array.from(b.obs));
      } else {
        // The first step O starts within 11 m: the early-gap O yields, the late-gap one goes.
        expect([a.info.otherDecision, b.info.otherDecision]).toEqual(['yield', 'go']);
        decidedAt = t;
      }
    }
    expect(decidedAt).toBeGreaterThan(0);
    // By then E cannot stop before the zone at -4 m/s²: its braking distance exceeds its distance left.
    const [sEd, vEd] = courteous.getState();
    expect(vEd * vEd / 8).toBeGreaterThan(-2.5 - sEd);
  });

  it('is registered with bold uniform in [0, 1]; the 35-step deadline terminates, without the success bonus', () => {
    expect(getEnv('intersection-bimodal').defaultRanges).toEqual({ bold: [0, 1] });
    const rng = new PCG64(3);
    expect(intersectionBimodalTasks().sampleTasks(new PCG64(3), 2)).toEqual([{ bold: rng.uniform(0, 1) }, { bold: rng.uniform(0, 1) }]);
    const env = intersectionBimodalTasks().makeEnv({ bold: 0.9 });
    env.reset({ seed: 0 });
    env.setState([-1000, 0, -1000, 0]);
    let steps = 0, end = { terminated: false, truncated: false, reward: 0 };
    while (!end.terminated && !end.truncated) (end = env.step(2)), steps++;
    expect([steps, end.terminated, end.truncated, end.reward]).toEqual([35, true, false, -0.1]);
    expect(() => intersectionBimodalTasks().makeEnv({ bold: 2 })).toThrow('intersection-bimodal: invalid bold = 2 (expected a number in [0, 1])');
  });

  it('reference drivers on 20 tasks: the oracle far above the task-agnostic planner, always-go and always-yield', () => {
    const figures = [oracle, bimodalAgnostic, alwaysGo, alwaysYield].map((driver) => evaluateBimodalDriver(driver, { tasks: 20 }));
    // Seeded regression values: 20 tasks of new PCG64(0), start states from new PCG64(1).
    expect(figures.map((f) => f.meanReturn)).toEqual([11.586000000000055, 8.051250000000024, -76.22999999999956, -12.823999999999856].map((v) => expect.closeTo(v, 9)));
    expect(figures.map((f) => [f.successRate, f.collisionRate, f.truncationRate, f.meanSteps])).toEqual([
      [0.8, 0, 0.2, 33.95],
      [0.65, 0, 0.35, 34.5],
      [0.25, 0.75, 0, 22.25],
      [0, 0, 1, 35], // always-yield misses the deadline every time
    ]);
  });
});
