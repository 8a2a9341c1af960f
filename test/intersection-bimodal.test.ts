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
} from '../src/index.js';
import { PCG64 } from '../src/rng/pcg64.js';

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
  it('a task is a courteous O below bold = 0.5 (gap -3 s), a bold one from 0.5 (gap +3 s); the rest fixed', () => {
    const scene = {
      ...INTERSECTION_DEFAULTS, desiredSpeed: 14, maxAccel: 3.5, maxBrake: 10, decisionDistance: 15, startPositionMin: -32, startPositionMax: -24,
    };
    expect(bimodalParams({ bold: 0.4999 })).toEqual({ ...scene, gap: -3 });
    expect(bimodalParams({ bold: 0.5 })).toEqual({ ...scene, gap: 3 });
    expect(bimodalParams({ bold: 0, courteousGap: -5 })).toEqual({ ...scene, gap: -5 });
    const env = INTERSECTION_BIMODAL_FAMILY.make({ bold: 0.2 });
    expect(env.params).toEqual({ ...scene, gap: -3 });
    expect(env.maxEpisodeSteps).toBe(50);
  });

  it('courteous and bold O from the same state within decisionDistance, by hand for one step', () => {
    // d_O = 13.5 m, TTA_O = 13.5/12 = 1.125 s, TTA_E = 17.5/10 = 1.75 s.
    const start = [-20, 10, -16, 12];
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
    // Courteous: 1.125 is not below 1.75 - 3, so O brakes by 12²/(2·(13.5 - 1)) = 5.76 m/s² (under 10).
    const vYield = 12 + -Math.min(10, 144 / (2 * 12.5)) * 0.1;
    expect(step(0.1)).toEqual([-20 + vE * 0.1, vE, -16 + vYield * 0.1, vYield]);
    // Bold: 1.125 < 1.75 + 3, so O accelerates by 3.5·(1 - (12/14)^4).
    const r = 12 / 14, r2 = r * r;
    const vGo = 12 + 3.5 * (1 - r2 * r2) * 0.1;
    expect(step(0.9)).toEqual([-20 + vE * 0.1, vE, -16 + vGo * 0.1, vGo]);
  });

  it('does not observe the mode: both drivers look the same until O is within 15 m of the zone', () => {
    const courteous = INTERSECTION_BIMODAL_FAMILY.make({ bold: 0.2 });
    const bold = INTERSECTION_BIMODAL_FAMILY.make({ bold: 0.8 });
    expect(Array.from(courteous.reset({ seed: 7 }).obs)).toEqual(Array.from(bold.reset({ seed: 7 }).obs));
    // Start draws in order s_E, s_O, v_E, v_O from the seed's PCG64, over the nearer start range.
    const rng = new PCG64(7);
    const sE = rng.uniform(-32, -24), sO = rng.uniform(-32, -24), vE = rng.uniform(8, 12), vO = rng.uniform(8, 12);
    expect(Array.from(courteous.getState())).toEqual([sE, vE, sO, vO]);
    for (let t = 0; t < 20; t++) {
      const undecided = -2.5 - courteous.getState()[2] > 15;
      const a = courteous.step(2);
      const b = bold.step(2);
      if (!undecided) {
        // The first step O starts within 15 m: the courteous O yields, the bold one goes.
        expect([a.info.otherDecision, b.info.otherDecision]).toEqual(['yield', 'go']);
        expect(t).toBeGreaterThan(0);
        break;
      }
      expect(Array.from(a.obs)).toEqual(Array.from(b.obs));
    }
  });

  it('is registered with bold uniform in [0, 1]; the 50-step deadline terminates, without the success bonus', () => {
    expect(getEnv('intersection-bimodal').defaultRanges).toEqual({ bold: [0, 1] });
    const rng = new PCG64(3);
    expect(intersectionBimodalTasks().sampleTasks(new PCG64(3), 2)).toEqual([{ bold: rng.uniform(0, 1) }, { bold: rng.uniform(0, 1) }]);
    const env = intersectionBimodalTasks().makeEnv({ bold: 0.9 });
    env.reset({ seed: 0 });
    env.setState([-1000, 0, -1000, 0]);
    let steps = 0, end = { terminated: false, truncated: false, reward: 0 };
    while (!end.terminated && !end.truncated) (end = env.step(2)), steps++;
    expect([steps, end.terminated, end.truncated, end.reward]).toEqual([50, true, false, -0.1]);
    expect(() => intersectionBimodalTasks().makeEnv({ bold: 2 })).toThrow('intersection-bimodal: invalid bold = 2 (expected a number in [0, 1])');
  });

  it('reference drivers on 20 tasks: the oracle far above the task-agnostic planner, always-go and always-yield', () => {
    const figures = [oracle, bimodalAgnostic, alwaysGo, alwaysYield].map((driver) => evaluateBimodalDriver(driver, { tasks: 20 }));
    // Seeded regression values: 20 tasks of new PCG64(0), start states from new PCG64(1).
    expect(figures.map((f) => f.meanReturn)).toEqual([16.017499999999977, 6.1455000000000215, -58.49599999999957, -16.67399999999993].map((v) => expect.closeTo(v, 9)));
    expect(figures.map((f) => [f.successRate, f.collisionRate, f.truncationRate, f.meanSteps])).toEqual([
      [1, 0, 0, 37.3],
      [0.65, 0, 0.35, 43.95],
      [0.4, 0.6, 0, 23.2],
      [0, 0, 1, 50], // always-yield misses the deadline every time
    ]);
  });
});
