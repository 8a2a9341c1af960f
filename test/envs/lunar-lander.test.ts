import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { H, LunarLanderScene, drawTerrain } from '../../src/envs/lunar-lander-scene.js';
import { LUNAR_LANDER_DEFAULTS, LunarLander, type LunarLanderAction } from '../../src/envs/lunar-lander.js';
import { EdgeShape, PolygonShape } from '../../src/physics/index.js';
import { PCG64 } from '../../src/rng/pcg64.js';

// Missing reference data must fail the suite, not skip it.
const read = (name: string) => JSON.parse(readFileSync(new URL(`../data/reference/${name}`, import.meta.url), 'utf8'));
const traj = read('lunarlander-traj.json');
const massRef = read('lunarlander-mass.json').mass_properties;

interface BodyState {
  position: [number, number];
  angle: number;
  linearVelocity: [number, number];
  angularVelocity: number;
  awake: boolean;
}
interface RefStep {
  t: number;
  action: number;
  obs: number[];
  reward: number;
  terminated: boolean;
  truncated: boolean;
  lander: BodyState;
  legs_ground_contact: [boolean, boolean];
  game_over: boolean;
  legs: [BodyState, BodyState];
}
interface RefRun {
  reset_seed: number;
  sequence: string;
  terrain: {
    height_raw_draw: number[];
    height_after_helipad_flattening: number[];
    smooth_y: number[];
    chunk_x: number[];
    helipad_x1: number;
    helipad_x2: number;
    helipad_y: number;
    moon_fixtures_box2d_float32: { vertices: [[number, number], [number, number]]; friction: number }[];
  };
  initial_force_ApplyForceToCenter: { force: [number, number]; force_as_float32: [number, number] }[];
  rng_calls_during_reset: { method: string; args: number[]; kwargs: { size?: number[] }; result: number | number[] }[];
  reset_obs: number[];
  reset_state: { lander: BodyState; legs: [BodyState, BodyState] };
  n_steps: number;
  end_reason: string;
  return: number;
  steps: RefStep[];
}
const runs: RefRun[] = traj.runs;
const actionsOf = (run: RefRun): number[] =>
  run.sequence === 'heuristic_openloop_per_seed' ? traj.action_sequences_heuristic_per_seed[String(run.reset_seed)].actions : traj.action_sequences_shared[run.sequence];
const END_REASONS: Record<string, string> = {
  game_over_body_contact: 'crash',
  out_of_bounds_abs_x_ge_1: 'out-of-bounds',
  not_awake_landed: 'at-rest',
};
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
};
const label = (run: RefRun): string => `seed ${run.reset_seed}, ${run.sequence}`;

describe('LunarLander bodies (lunarlander-mass.json, 1e-6 relative)', () => {
  const env = new LunarLander();
  env.reset({ seed: 0 });
  const scene = env.scene as LunarLanderScene;
  const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

  it('lander: Box2D hull order, mass, centre of mass and inertia', () => {
    const shape = scene.lander.fixtures[0].shape as PolygonShape;
    expect(Array.from(shape.vx, (x, i) => [x, shape.vy[i]])).toEqual(massRef.lander_hull_vertices_after_Set);
    expect(rel(scene.lander.mass, massRef.lander_mass)).toBeLessThan(1e-6);
    // The reference holds pybox2d's body.inertia, b2Body::GetInertia(): about the body origin
    // (I_com + m·|localCenter|²), despite its field name. About the centre of mass it is 0.783881.
    const lc = scene.lander.localCenter;
    const aboutOrigin = scene.lander.inertia + scene.lander.mass * (lc.x * lc.x + lc.y * lc.y);
    expect(rel(aboutOrigin, massRef.lander_inertia_about_com)).toBeLessThan(1e-6);
    expect(scene.lander.inertia).toBeCloseTo(0.783881, 6);
    expect(Math.abs(scene.lander.localCenter.x)).toBeLessThan(1e-15);
    expect(rel(scene.lander.localCenter.y, massRef.lander_local_center[1])).toBeLessThan(1e-6);
  });

  it('legs: box vertices, mass and inertia', () => {
    for (const leg of scene.legs) {
      const shape = leg.fixtures[0].shape as PolygonShape;
      expect(Array.from(shape.vx, (x, i) => [x, shape.vy[i]])).toEqual(massRef.leg_vertices);
      expect(rel(leg.mass, massRef.leg_mass)).toBeLessThan(1e-6);
      expect(rel(leg.inertia, massRef.leg_inertia_about_com)).toBeLessThan(1e-6);
    }
  });
});

describe('LunarLander reset against lunarlander-traj.json', () => {
  it.each(runs.map((run) => [label(run), run] as const))('%s: terrain, fixtures and initial force as recorded', (_, run) => {
    const env = new LunarLander({ dispersion: false });
    env.reset({ seed: run.reset_seed });
    const terrain = env.terrain!;
    expect(terrain.heightRaw).toEqual(run.terrain.height_raw_draw);
    expect(terrain.height).toEqual(run.terrain.height_after_helipad_flattening);
    expect(terrain.smoothY).toEqual(run.terrain.smooth_y);
    expect(terrain.chunkX).toEqual(run.terrain.chunk_x);
    expect([terrain.helipadX1, terrain.helipadX2, terrain.helipadY]).toEqual([run.terrain.helipad_x1, run.terrain.helipad_x2, run.terrain.helipad_y]);
    // Box2D's float32 copies of the moon's fixtures: the bottom edge, then the 10 terrain edges.
    const fixtures = env.scene!.moon.fixtures.map((f) => {
      const e = f.shape as EdgeShape;
      return { vertices: [[e.vx[0], e.vy[0]], [e.vx[1], e.vy[1]]], friction: f.friction };
    });
    expect(fixtures).toEqual(run.terrain.moon_fixtures_box2d_float32);
    const [applied] = run.initial_force_ApplyForceToCenter;
    expect(env.initialForce).toEqual({ x: applied.force[0], y: applied.force[1] });
    expect([Math.fround(applied.force[0]), Math.fround(applied.force[1])]).toEqual(applied.force_as_float32);
  });

  it.each(runs.map((run) => [label(run), run] as const))("%s: Gymnasium's draw order (12 terrain, 2 force, 2 dispersion)", (_, run) => {
    const rng = new PCG64(run.reset_seed);
    const draws = run.rng_calls_during_reset.flatMap((call) => {
      expect(call.method).toBe('uniform');
      const n = call.kwargs.size?.[0] ?? 1;
      return Array.from({ length: n }, () => rng.uniform(call.args[0], call.args[1]));
    });
    expect(draws).toEqual(run.rng_calls_during_reset.flatMap((call) => call.result));
    // The env's stream is exactly there after reset.
    const env = new LunarLander();
    env.reset({ seed: run.reset_seed });
    expect(env.rng.random()).toBe(rng.random());
  });

  it.each(runs.map((run) => [label(run), run] as const))('%s: reset observation within 1e-5, raw body states within 1e-5', (_, run) => {
    const env = new LunarLander({ dispersion: false });
    const { obs } = env.reset({ seed: run.reset_seed });
    expect(maxAbsDiff(obs, run.reset_obs)).toBeLessThan(1e-5);
    const scene = env.scene!;
    const bodies = [scene.lander, ...scene.legs];
    const refs = [run.reset_state.lander, ...run.reset_state.legs];
    bodies.forEach((b, i) => {
      const s = refs[i];
      const ours = [b.position.x, b.position.y, b.angle, b.linearVelocityX, b.linearVelocityY, b.angularVelocity];
      expect(maxAbsDiff(ours, [...s.position, s.angle, ...s.linearVelocity, s.angularVelocity])).toBeLessThan(1e-5);
    });
  });
});

describe('LunarLander trajectories against lunarlander-traj.json (dispersion off, actions replayed)', () => {
  const outcomes = runs.map((run) => {
    const env = new LunarLander({ dispersion: false });
    env.reset({ seed: run.reset_seed });
    const actions = actionsOf(run);
    const firstLegContact = run.steps.findIndex((s) => s.legs_ground_contact[0] || s.legs_ground_contact[1]);
    const preContact = firstLegContact < 0 ? run.steps.length : firstLegContact;
    let maxObsDiff = 0, maxRewardDiff = 0, flagsMatch = true;
    let maxObsDiffEpisode = 0, legFlagMismatches = 0;
    let length = 0, ret = 0;
    let endReason: string | null = null;
    for (let t = 0; t < 1000; t++) {
      const r = env.step(actions[t]);
      length++;
      ret += r.reward;
      if (t < run.steps.length) {
        const ref = run.steps[t];
        maxObsDiffEpisode = Math.max(maxObsDiffEpisode, maxAbsDiff(r.obs.subarray(0, 6), ref.obs));
        if (r.obs[6] !== ref.obs[6] || r.obs[7] !== ref.obs[7]) legFlagMismatches++;
      }
      if (t < preContact) {
        const ref = run.steps[t];
        maxObsDiff = Math.max(maxObsDiff, maxAbsDiff(r.obs, ref.obs));
        maxRewardDiff = Math.max(maxRewardDiff, Math.abs(r.reward - ref.reward));
        flagsMatch &&= r.terminated === ref.terminated && env.scene!.gameOver === ref.game_over;
      }
      if (r.terminated || r.truncated) {
        endReason = r.info.endReason;
        break;
      }
    }
    return { run, preContact, maxObsDiff, maxRewardDiff, flagsMatch, maxObsDiffEpisode, legFlagMismatches, length, ret, endReason };
  });

  it.each(outcomes.map((o) => [label(o.run), o] as const))('%s: every observation within 1e-3 until the first leg contact', (_, o) => {
    expect(o.preContact).toBeGreaterThan(40);
    expect(o.maxObsDiff).toBeLessThan(1e-3);
    expect(o.maxRewardDiff).toBeLessThan(1e-2);
    expect(o.flagsMatch).toBe(true);
  });

  it('after contact: the same end reason and an episode length within 5 steps in at least 5 of the 6 runs', () => {
    const matched = outcomes.filter((o) => o.endReason === END_REASONS[o.run.end_reason] && Math.abs(o.length - o.run.n_steps) <= 5);
    // Measured: 6 of 6, every length exact.
    expect(matched.length).toBeGreaterThanOrEqual(5);
    for (const o of matched) expect(Math.abs(o.ret - o.run.return)).toBeLessThan(0.03 * Math.abs(o.run.return) + 1);
  });

  it('beyond the required: leg-contact flags equal at every step, observations within 1e-3 through each whole episode', () => {
    // Measured: no flag differs (Box2D's contact order is reproduced), largest difference 3.7e-4.
    for (const o of outcomes) {
      expect(o.legFlagMismatches, label(o.run)).toBe(0);
      expect(o.maxObsDiffEpisode, label(o.run)).toBeLessThan(1e-3);
    }
  });
});

describe('LunarLander step semantics', () => {
  const shapingOf = (env: LunarLander): number => {
    const s = env.scene!;
    const x = (s.lander.position.x - 10) / 10;
    const y = (s.lander.position.y - (env.terrain!.helipadY + 18 / 30)) / (H / 2);
    const vx = (s.lander.linearVelocityX * 10) / 50;
    const vy = (s.lander.linearVelocityY * (H / 2)) / 50;
    return -100 * Math.hypot(x, y) - 100 * Math.hypot(vx, vy) - 100 * Math.abs(s.lander.angle) + 10 * +s.leg0Contact + 10 * +s.leg1Contact;
  };

  it('reward = shaping difference − 0.3 per main-engine step − 0.03 per side-engine step', () => {
    const env = new LunarLander();
    env.reset({ seed: 7 });
    let prev = shapingOf(env);
    for (const [action, cost] of [[0, 0], [2, 0.3], [1, 0.03], [3, 0.03], [2, 0.3]] as const) {
      const r = env.step(action);
      const shaping = shapingOf(env);
      expect(r.reward).toBeCloseTo(shaping - prev - cost, 10);
      prev = shaping;
    }
  });

  it('observation = scaled lander state, rounded to float32', () => {
    const env = new LunarLander();
    env.reset({ seed: 3 });
    const { obs } = env.step(2);
    const l = env.scene!.lander;
    const expected = [(l.position.x - 10) / 10, (l.position.y - (H / 4 + 0.6)) / (H / 2), l.linearVelocityX * 0.2, (l.linearVelocityY * (H / 2)) / 50, l.angle, (20 * l.angularVelocity) / 50];
    expected.forEach((v, i) => expect(obs[i]).toBe(Math.fround(v)));
  });

  it('a zero-power main engine changes nothing but the fuel cost', () => {
    const off = new LunarLander({ mainEnginePower: 0 });
    const on = new LunarLander();
    off.reset({ seed: 11 });
    on.reset({ seed: 11 });
    const a = off.step(2);
    const b = on.step(0);
    expect(Array.from(a.obs)).toEqual(Array.from(b.obs));
    expect(a.reward).toBeCloseTo(b.reward - 0.3, 12);
  });

  it('continuous throttles reproduce the discrete actions they stand for', () => {
    // Main engine only for a0 > 0, side engines only for |a1| > 0.5, full power at ±1.
    const pairs: [LunarLanderAction, LunarLanderAction][] = [[0, [-1, 0.5]], [2, [1, 0]], [1, [-0.3, -1]], [3, [0, 1]]];
    const discrete = new LunarLander();
    const continuous = new LunarLander({ continuous: true });
    discrete.reset({ seed: 5 });
    continuous.reset({ seed: 5 });
    for (let t = 0; t < 40; t++) {
      const [a, c] = pairs[t % pairs.length];
      const rd = discrete.step(a);
      const obsD = Array.from(rd.obs);
      const rewardD = rd.reward;
      const rc = continuous.step(c);
      expect(Array.from(rc.obs)).toEqual(obsD);
      expect(rc.reward).toBe(rewardD);
    }
  });

  it('half main throttle gives half-way power: impulse (0.5 + 0.5·throttle)·13', () => {
    const full = new LunarLander({ continuous: true, dispersion: false });
    const half = new LunarLander({ continuous: true, dispersion: false, mainEnginePower: 13 * 0.75 });
    full.reset({ seed: 2 });
    half.reset({ seed: 2 });
    expect(Array.from(full.step([0.5, 0]).obs)).toEqual(Array.from(half.step([1, 0]).obs));
  });

  it("ends with 'crash', 'out-of-bounds' or 'at-rest' (+100 wins over −100), and truncates at maxEpisodeSteps", () => {
    const seen = new Set<string | null>();
    for (const run of runs) {
      const env = new LunarLander({ dispersion: false });
      env.reset({ seed: run.reset_seed });
      for (const a of actionsOf(run)) {
        const r = env.step(a);
        if (r.terminated) {
          seen.add(r.info.endReason);
          expect(r.reward).toBe(r.info.endReason === 'at-rest' ? 100 : -100);
          expect(r.info.endReason === 'at-rest').toBe(!env.scene!.lander.isAwake());
          break;
        }
        expect(r.info.endReason).toBeNull();
      }
    }
    expect([...seen].sort()).toEqual(['at-rest', 'crash', 'out-of-bounds']);
    const short = new LunarLander({ maxEpisodeSteps: 3 });
    short.reset({ seed: 0 });
    expect([0, 0, 0].map((a) => short.step(a).truncated)).toEqual([false, false, true]);
  });

  it('wind: indices drawn after the force (one 64-bit word for both), advanced by the reset step', () => {
    const env = new LunarLander({ enableWind: true });
    env.reset({ seed: 42 });
    const rng = new PCG64(42);
    for (let i = 0; i < 14; i++) rng.random();
    const windIdx = rng.integers(-9999, 9999);
    const torqueIdx = rng.integers(-9999, 9999);
    expect([env.windIndex, env.torqueIndex]).toEqual([windIdx + 1, torqueIdx + 1]);
    // Step 1 blows wind(k) for k = windIdx + 1: the lander, dragging its legs through the joints,
    // gains about wind·dt/(lander + legs mass) of horizontal speed over the windless env.
    const calm = new LunarLander();
    const calmVx0 = calm.reset({ seed: 42 }).obs[2];
    const vx0 = env.scene!.lander.linearVelocityX;
    const k = windIdx + 1;
    const wind = Math.tanh(Math.sin(0.02 * k) + Math.sin(Math.PI * 0.01 * k)) * 15;
    env.step(0);
    const gained = env.scene!.lander.linearVelocityX - vx0 - ((calm.step(0).obs[2] - calmVx0) * 50) / 10;
    const { lander, legs } = env.scene!;
    const expected = (wind / (lander.mass + legs[0].mass + legs[1].mass)) * 0.02;
    expect(Math.abs(gained - expected)).toBeLessThan(0.01 * Math.abs(expected));
  });

  it('same seed, same episode; reset without a seed continues the stream', () => {
    const a = new LunarLander();
    const b = new LunarLander();
    const obsA = Array.from(a.reset({ seed: 9 }).obs);
    expect(Array.from(b.reset({ seed: 9 }).obs)).toEqual(obsA);
    expect(Array.from(a.reset().obs)).not.toEqual(obsA);
    const fresh = new LunarLander({ seed: 9 });
    expect(Array.from(fresh.reset().obs)).toEqual(obsA);
  });
});

describe('LunarLander parameters', () => {
  it('has the documented defaults and spaces', () => {
    expect(LUNAR_LANDER_DEFAULTS).toMatchObject({ gravity: -10, windPower: 15, turbulencePower: 1.5, mainEnginePower: 13, sideEnginePower: 0.6, initialRandom: 1000, legSpringTorque: 40 });
    const env = new LunarLander();
    expect(env.actionSpace).toEqual({ kind: 'discrete', n: 4 });
    expect(new LunarLander({ continuous: true }).actionSpace.kind).toBe('box');
    expect(Array.from(env.observationSpace.high)).toEqual([2.5, 2.5, 10, 10, Math.fround(2 * Math.PI), 10, 1, 1]);
    expect(env.maxEpisodeSteps).toBe(1000);
  });

  it('initialRandom 0: the lander starts at rest and falls straight', () => {
    const env = new LunarLander({ initialRandom: 0, dispersion: false });
    const { obs } = env.reset({ seed: 1 });
    // Only the legs' snap onto their joints in the reset step disturbs it (by ~1e-7).
    expect(Math.abs(obs[0])).toBeLessThan(1e-6);
    expect(Math.abs(obs[2])).toBeLessThan(1e-6);
    expect(obs[3]).toBeCloseTo((-10 * 0.02 * (20 / 3)) / 50, 4);
  });

  it('legSpringTorque sets the leg motors', () => {
    const env = new LunarLander({ legSpringTorque: 7 });
    env.reset({ seed: 0 });
    expect(env.scene!.world.joints.map((j) => j.maxMotorTorque)).toEqual([7, 7]);
  });

  it('refuses invalid values with one line naming the parameter and its range', () => {
    expect(() => new LunarLander({ gravity: -12 })).toThrow('LunarLander: invalid gravity = -12 (expected a number in (-12, 0) m/s²)');
    expect(() => new LunarLander({ gravity: 0 })).toThrow('invalid gravity = 0');
    expect(() => new LunarLander({ windPower: 20.5 })).toThrow('invalid windPower = 20.5 (expected a number in [0, 20] N)');
    expect(() => new LunarLander({ turbulencePower: -0.1 })).toThrow('invalid turbulencePower = -0.1');
    expect(() => new LunarLander({ enableWind: 1 as unknown as boolean })).toThrow('invalid enableWind = 1 (expected a boolean)');
    expect(() => new LunarLander({ velocityIterations: 0 })).toThrow('invalid velocityIterations = 0 (expected an integer in [1, 1000])');
    expect(() => new LunarLander({ thrust: 1 } as never)).toThrow('LunarLander: unknown parameter "thrust"');
    const env = new LunarLander();
    expect(() => env.step(0)).toThrow('call reset() before step()');
    env.reset({ seed: 0 });
    expect(() => env.step(4)).toThrow('action must be 0, 1, 2 or 3 (Discrete(4)), got 4');
    const cont = new LunarLander({ continuous: true });
    cont.reset({ seed: 0 });
    expect(() => cont.step([1])).toThrow('action must be 2 finite numbers [main, lateral] (Box(2)), got [1]');
  });

  it('builds the scene from a terrain drawn by any Rng', () => {
    const terrain = drawTerrain(new PCG64(0));
    const scene = new LunarLanderScene(terrain, { gravity: -10, legSpringTorque: 40 }, 0, 0);
    expect(scene.world.bodies.length).toBe(4);
    expect(scene.moon.fixtures.length).toBe(11);
  });
});
