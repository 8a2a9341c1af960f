import { describe, expect, it } from 'vitest';
import { LUNAR_LANDER_PAD_FAMILY, LunarLander, evaluatePadDriver, getEnv, lunarLanderPadTasks, padHeuristic } from '../../src/envs/index.js';
import { lunarLanderHeuristic } from '../../src/envs/lunar-lander-heuristic.js';
import { LanderOutcome } from '../../src/envs/lunar-lander-outcome.js';
import { H, LEG_DOWN, SCALE, drawTerrain } from '../../src/envs/lunar-lander-scene.js';
import { PCG64 } from '../../src/rng/pcg64.js';

const PAD_Y = H / 4;
const FLAT = 0.33 * (PAD_Y + PAD_Y + PAD_Y);

/** The chunks drawTerrain sets to the pad's height, and the smoothed points that come out flat. */
function flatChunks(padX: number): { height: number[]; smooth: number[] } {
  const terrain = drawTerrain(new PCG64(11), padX);
  const raw = drawTerrain(new PCG64(11)).heightRaw;
  expect(terrain.heightRaw).toEqual(raw);
  const height = terrain.height.flatMap((h, i) => (h === PAD_Y && raw[i] !== PAD_Y ? [i] : []));
  const smooth = terrain.smoothY.flatMap((y, i) => (y === FLAT ? [i] : []));
  return { height, smooth };
}

describe('lunarlander-pad: the terrain', () => {
  it("padX = 10 is Gymnasium's rule: chunks 3..7 at H/4, the surface flat over chunks 4..6 (x in [8, 12])", () => {
    expect(flatChunks(10)).toEqual({ height: [3, 4, 5, 6, 7], smooth: [4, 5, 6] });
    expect(drawTerrain(new PCG64(11), 10)).toEqual(drawTerrain(new PCG64(11)));
    const { helipadX1, helipadX2, helipadY } = drawTerrain(new PCG64(11));
    expect([helipadX1, helipadX2, helipadY]).toEqual([8, 12, PAD_Y]);
  });

  it('a pad between chunks is flat over its whole width: padX = 7 (pad [5, 9]) flattens chunks 1..6, flat over x in [4, 10]', () => {
    expect(flatChunks(7)).toEqual({ height: [1, 2, 3, 4, 5, 6], smooth: [2, 3, 4, 5] });
    const { helipadX1, helipadX2 } = drawTerrain(new PCG64(11), 7);
    expect([helipadX1, helipadX2]).toEqual([5, 9]);
  });

  it('at the ends of the valid range: padX = 4.5 flattens chunks 0..5 (flat over [2, 8]), padX = 16 chunks 6..10 (flat over [14, 18])', () => {
    // Chunk 0's smoothed height also averages the wrapped raw height[11], so it is not flat.
    expect(flatChunks(4.5)).toEqual({ height: [0, 1, 2, 3, 4, 5], smooth: [1, 2, 3, 4] });
    expect(flatChunks(16)).toEqual({ height: [6, 7, 8, 9, 10], smooth: [7, 8, 9] });
  });
});

describe('lunarlander-pad: the reward', () => {
  const restY = PAD_Y + LEG_DOWN / SCALE; // s1 = 0
  const update = (o: LanderOutcome, px: number, mPower: number, awake = true): number => {
    o.update(new Float64Array(8), px, restY, 0, 0, 0, 0, false, false, PAD_Y, mPower, 0, false, awake);
    return o.reward;
  };

  it('shapes toward the pad: -100·|x - padX| / 10 at rest height, by hand for one step', () => {
    const moved = new LanderOutcome(7, 0);
    const centred = new LanderOutcome();
    expect([update(moved, 7, 0), update(centred, 7, 0)]).toEqual([0, 0]);
    // From x = 7 to 8 with the main engine on: the moved pad's shaping falls from 0 to -10, the
    // centred pad's rises from -30 to -20; both pay 0.3 for the engine.
    const dMoved = (8 - 7) / 10, dCentredBefore = (7 - 10) / 10, dCentred = (8 - 10) / 10;
    expect(update(moved, 8, 1)).toBe(-100 * Math.sqrt(dMoved * dMoved + 0) - 0 - 0.3);
    expect(update(centred, 8, 1)).toBe(-100 * Math.sqrt(dCentred * dCentred) - -100 * Math.sqrt(dCentredBefore * dCentredBefore) - 0.3);
  });

  it('padPull adds -padPull·|x - padX| / 10 to the shaping, by hand for two steps; 0 is Gymnasium\'s shaping', () => {
    const pulled = new LanderOutcome(7, 0, 1000);
    const plain = new LanderOutcome(7, 0);
    expect([update(pulled, 9, 0), update(plain, 9, 0)]).toEqual([0, 0]);
    // From x = 9 to 8: Gymnasium's distance term rises from -20 to -10, the pull's from -200 to -100.
    const before = (9 - 7) / 10, after = (8 - 7) / 10;
    expect(update(pulled, 8, 1)).toBe(-100 * after - 1000 * after - (-100 * before - 1000 * before) - 0.3);
    expect(update(plain, 8, 1)).toBe(-100 * after - -100 * before - 0.3);
    // From x = 8 to 5, past the pad: 1 m farther, Gymnasium's term falls by 10, the pull's by 100.
    expect(update(pulled, 5, 0)).toBeCloseTo(-110, 12);
    const zero = new LanderOutcome(10, 100, 0), gymnasium = new LanderOutcome();
    for (const x of [10, 8, 9.5, 13]) expect(update(zero, x, 1)).toBe(update(gymnasium, x, 1));
  });

  it('resting earns 100 with the hull within 2 m of padX, offPadRestReward beyond; Gymnasium 100 anywhere', () => {
    expect(update(new LanderOutcome(7, 0), 9, 0, false)).toBe(100);
    expect(update(new LanderOutcome(7, 0), 9.01, 0, false)).toBe(0);
    expect(update(new LanderOutcome(7, -30), 4.5, 0, false)).toBe(-30);
    expect(update(new LanderOutcome(), 4.5, 0, false)).toBe(100);
  });

  it('does not observe the pad: two pads give the same observations in flight, rewards apart by the shaping difference', () => {
    const a = new LunarLander({ padX: 6 });
    const b = new LunarLander({ padX: 14 });
    expect(Array.from(a.reset({ seed: 2 }).obs)).toEqual(Array.from(b.reset({ seed: 2 }).obs));
    const shapingGap = (env: LunarLander): number => {
      const lander = env.scene!.lander;
      const s1 = (lander.xf.py - (PAD_Y + LEG_DOWN / SCALE)) / (H / 2);
      const dx = (x: number): number => (lander.xf.px - x) / 10;
      return -100 * Math.sqrt(dx(6) ** 2 + s1 * s1) + 100 * Math.sqrt(dx(14) ** 2 + s1 * s1);
    };
    let before = shapingGap(a);
    for (let t = 0; t < 30; t++) {
      const ra = a.step(t % 4);
      const rb = b.step(t % 4);
      expect(Array.from(ra.obs)).toEqual(Array.from(rb.obs));
      const gap = shapingGap(a);
      expect(ra.reward - rb.reward).toBeCloseTo(gap - before, 9);
      before = gap;
    }
  });
});

describe('lunarlander-pad: the family and its reference drivers', () => {
  it('is registered with padX uniform in [5, 15] m, resting off the pad earning 0, the pull at 1000', () => {
    const family = getEnv('lunarlander-pad');
    expect(family.defaultRanges).toEqual({ padX: [5, 15] });
    const rng = new PCG64(4);
    expect(lunarLanderPadTasks().sampleTasks(new PCG64(4), 3)).toEqual([0, 1, 2].map(() => ({ padX: rng.uniform(5, 15) })));
    const env = LUNAR_LANDER_PAD_FAMILY.make({ padX: 12 });
    expect([env.params.padX, env.params.offPadRestReward, env.params.padPull]).toEqual([12, 0, 1000]);
    expect([new LunarLander().params.offPadRestReward, new LunarLander().params.padPull]).toEqual([100, 0]);
    expect(() => new LunarLander({ padX: 3 })).toThrow('LunarLander: invalid padX = 3 (expected a number in [4, 16] m)');
    expect(() => lunarLanderPadTasks().makeEnv({ padX: 17 })).toThrow('lunarlander-pad: invalid padX = 17 (expected a number in [4, 16] m)');
  });

  it('padHeuristic steers as Gymnasium\'s heuristic would with the pad at the centre', () => {
    const obs = [0.3, 0.5, 0, 0, 0, 0, 0, 0];
    // x = 0.3 is 3 m right of the screen's centre: right above a pad at 13 m.
    expect(padHeuristic(obs, 13)).toBe(lunarLanderHeuristic([0, 0.5, 0, 0, 0, 0, 0, 0]));
    expect(padHeuristic(obs, 10)).toBe(lunarLanderHeuristic(obs));
  });

  it('the oracle (steering to the pad) far above the task-agnostic driver (steering to 10 m) on the same tasks', () => {
    const oracle = evaluatePadDriver(true, { tasks: 20 });
    const agnostic = evaluatePadDriver(false, { tasks: 20 });
    // Seeded regression values: 20 pads of new PCG64(0), episode i from reset({ seed: 1 + i }).
    expect(oracle.meanReturn).toBeCloseTo(471.8004799113848, 9);
    expect(agnostic.meanReturn).toBeCloseTo(60.43704233898975, 9);
    expect([oracle.meanSteps, oracle.onPadRate, oracle.crashRate]).toEqual([259.15, 1, 0]);
    expect([agnostic.meanSteps, agnostic.onPadRate, agnostic.crashRate]).toEqual([332.15, 0.3, 0.1]);
  });
  it("the pull's share of the oracle's return is the pull's telescoped shaping: padPull·(|x₀ - padX| - |x_end - padX|) / 10", () => {
    // The flight does not depend on the reward, so the same episode with and without the pull
    // differs by the pull's shaping from the first observed step to the last shaped one (the
    // terminating step earns ±100 instead of a shaping difference).
    for (const [padX, seed] of [[6, 3], [13.5, 8]] as const) {
      const run = (padPull: number): { total: number; first: number; lastShaped: number } => {
        const env = new LunarLander({ padX, offPadRestReward: 0, padPull });
        let obs = env.reset({ seed }).obs;
        const first = env.scene!.lander.xf.px;
        let total = 0, lastShaped = first;
        for (;;) {
          const r = env.step(padHeuristic(obs, padX));
          total += r.reward;
          obs = r.obs;
          if (r.terminated) break;
          lastShaped = env.scene!.lander.xf.px;
          if (r.truncated) break;
        }
        return { total, first, lastShaped };
      };
      const pulled = run(1000), plain = run(0);
      expect([pulled.first, pulled.lastShaped]).toEqual([plain.first, plain.lastShaped]);
      expect(pulled.total - plain.total).toBeCloseTo((1000 * (Math.abs(plain.first - padX) - Math.abs(plain.lastShaped - padX))) / 10, 6);
    }
  });
});
