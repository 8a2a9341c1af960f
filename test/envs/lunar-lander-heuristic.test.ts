import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LunarLander } from '../../src/envs/lunar-lander.js';
import { lunarLanderHeuristic } from '../../src/envs/lunar-lander-heuristic.js';

const traj = JSON.parse(readFileSync(new URL('../data/reference/lunarlander-traj.json', import.meta.url), 'utf8'));

const obsWith = (values: Record<number, number>): Float64Array => {
  const obs = new Float64Array(8);
  for (const [i, v] of Object.entries(values)) obs[Number(i)] = v;
  return obs;
};

describe('lunarLanderHeuristic (Gymnasium heuristic(env, s))', () => {
  it('fires the main engine below the hover target, the side engines to correct the angle', () => {
    // hover_todo = (0.55·|x| − y)·0.5 − vy·0.5; angle_todo = (clip(0.5x + vx, ±0.4) − angle)·0.5 − ω.
    expect(lunarLanderHeuristic(obsWith({ 1: -0.5 }))).toBe(2);
    expect(lunarLanderHeuristic(obsWith({ 1: 0.2, 4: 0.3 }))).toBe(3);
    expect(lunarLanderHeuristic(obsWith({ 1: 0.2, 4: -0.3 }))).toBe(1);
    expect(lunarLanderHeuristic(obsWith({ 1: 0.2, 4: 0.05 }))).toBe(0);
    // Drifting right (vx = 1): lean target clipped to 0.4, angle_todo = 0.2 → left engine.
    expect(lunarLanderHeuristic(obsWith({ 1: 0.5, 2: 1 }))).toBe(1);
    // After touchdown only the fall speed counts.
    expect(lunarLanderHeuristic(obsWith({ 1: 0.5, 3: -0.2, 4: 0.5, 6: 1 }))).toBe(2);
    expect(lunarLanderHeuristic(obsWith({ 1: -0.5, 3: 0.2, 7: 1 }))).toBe(0);
  });

  it('continuous: [hover_todo·20 − 1, −angle_todo·20] clipped to [−1, 1]', () => {
    expect(Array.from(lunarLanderHeuristic(obsWith({ 1: -0.04 }), { continuous: true }))).toEqual([-0.6, -0]);
    const out = new Float64Array(2);
    expect(lunarLanderHeuristic(obsWith({ 1: 0.2, 4: 0.01 }), { continuous: true, out })).toBe(out);
    expect(out[0]).toBe(-1);
    expect(out[1]).toBeCloseTo(0.1, 15);
  });

  it.each([0, 1])("seed %s: on the reference's observations it chooses the reference's actions", (seed) => {
    const run = traj.runs.find((r: { reset_seed: number; sequence: string }) => r.reset_seed === seed && r.sequence === 'heuristic_openloop_per_seed');
    const actions: number[] = traj.action_sequences_heuristic_per_seed[String(seed)].actions;
    const observations: number[][] = [run.reset_obs, ...run.steps.map((s: { obs: number[] }) => s.obs)];
    const ours = observations.slice(0, run.n_steps).map((obs) => lunarLanderHeuristic(obs));
    expect(ours).toEqual(actions.slice(0, run.n_steps));
  });

  it('refuses an observation of the wrong length', () => {
    expect(() => lunarLanderHeuristic([0, 0, 0])).toThrow('lunarLanderHeuristic: obs must hold 8 numbers (a LunarLander observation), got length 3');
  });
});

describe('the heuristic on the default env, seeds 0..19 (bench/lunar-lander.bench.ts runs 0..199 against the reference)', () => {
  it('lands every episode, mean return 263.8 (measured)', () => {
    const env = new LunarLander();
    let total = 0;
    const reasons: (string | null)[] = [];
    for (let seed = 0; seed < 20; seed++) {
      let obs = env.reset({ seed }).obs;
      for (;;) {
        const r = env.step(lunarLanderHeuristic(obs));
        total += r.reward;
        obs = r.obs;
        if (r.terminated || r.truncated) {
          reasons.push(r.info.endReason);
          break;
        }
      }
    }
    expect(reasons).toEqual(Array(20).fill('at-rest'));
    expect(total / 20).toBeCloseTo(263.83, 1);
  });
});
