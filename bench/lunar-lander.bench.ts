// LunarLander throughput at Gymnasium's 180/60 solver iterations, ours beside the same scene on
// planck.js (lunar-lander-planck.ts): one env and a VectorEnv of 20, driven by Gymnasium's heuristic
// and by seeded uniform random actions (the same seeds for both engines, resets included). The two
// engines are timed interleaved (ours, planck, planck, ours, ...) so that load from other processes
// hits both alike: steps per wall-clock second and per CPU second of this process, medians with
// min and max over the rounds. Then the heuristic over seeds 0..199 at default settings: ours
// against lunarlander-heuristic.json, and planck's episodes against ours.
// Usage: node scripts/run-ts.mjs bench/lunar-lander.bench.ts [ROUNDS]
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Env } from '../src/envs/env.js';
import { LunarLander, type LunarLanderEndReason } from '../src/envs/lunar-lander.js';
import { lunarLanderHeuristic } from '../src/envs/lunar-lander-heuristic.js';
import { VectorEnv } from '../src/envs/vector-env.js';
import { PCG64 } from '../src/rng/pcg64.js';
import { PlanckLunarLander } from './lunar-lander-planck.js';

const N = 20;
const STEPS = 2000;
const ROUNDS = Number(process.argv[2] ?? 9);
if (!(Number.isInteger(ROUNDS) && ROUNDS >= 1)) throw new Error(`lunar-lander.bench: ROUNDS must be a positive integer, got ${process.argv[2]}`);

type Policy = (obs: Float64Array, row: number) => number;
type Engine = 'ours' | 'planck';
const makeEnv = (engine: Engine): Env<number> => (engine === 'ours' ? new LunarLander() : new PlanckLunarLander());

const rowObs = new Float64Array(8);
const heuristic: Policy = (obs, row) => {
  for (let k = 0; k < 8; k++) rowObs[k] = obs[row * 8 + k];
  return lunarLanderHeuristic(rowObs);
};
// The single-env heuristic reads the env's own obs array: no copy per step.
const singleHeuristic: Policy = (obs) => lunarLanderHeuristic(obs);
const randomPolicy = (seed: number): Policy => {
  const rng = new PCG64(seed);
  return () => rng.integers(0, 4);
};

/** STEPS steps of one env per call, continuing its episodes across calls. */
const singleSteps = (env: Env<number>, policy: Policy): (() => void) => {
  let obs = env.reset({ seed: 0 }).obs;
  return () => {
    for (let t = 0; t < STEPS; t++) {
      const r = env.step(policy(obs, 0));
      obs = r.terminated || r.truncated ? env.reset().obs : r.obs;
    }
  };
};

/** STEPS sub-env steps of a VectorEnv of N per call. */
const vectorSteps = (envs: Env<number>[], policy: Policy): (() => void) => {
  const venv = new VectorEnv(envs);
  venv.reset({ seed: 0 });
  const actions = new Float64Array(N);
  return () => {
    for (let t = 0; t < STEPS / N; t++) {
      for (let i = 0; i < N; i++) actions[i] = policy(venv.obs, i);
      venv.step(actions);
    }
  };
};

interface Workload {
  name: string;
  run: Record<Engine, () => void>;
}
const ENGINES: readonly Engine[] = ['ours', 'planck'];
const REVERSED: readonly Engine[] = ['planck', 'ours'];
const workload = (name: string, make: (engine: Engine) => () => void): Workload => ({
  name,
  run: { ours: make('ours'), planck: make('planck') },
});
const workloads: Workload[] = [
  workload('one env, heuristic', (e) => singleSteps(makeEnv(e), singleHeuristic)),
  workload('one env, random actions', (e) => singleSteps(makeEnv(e), randomPolicy(1))),
  workload(`VectorEnv of ${N}, heuristic`, (e) => vectorSteps(Array.from({ length: N }, () => makeEnv(e)), heuristic)),
  workload(`VectorEnv of ${N}, random actions`, (e) => vectorSteps(Array.from({ length: N }, () => makeEnv(e)), randomPolicy(2))),
];

const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
const spread = (xs: number[], show: (x: number) => string): string => `${show(median(xs))} (${show(Math.min(...xs))}–${show(Math.max(...xs))})`;

const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`${new Date().toISOString()}, node ${process.version}, load average at start ${load()}`);
console.log(`${ROUNDS} interleaved rounds of ${STEPS} env steps per engine and workload, 180/60 iterations, 50 FPS`);

for (const w of workloads) for (const e of ENGINES) for (let k = 0; k < 3; k++) w.run[e](); // warm up
// Steps per wall-clock second, and per CPU second of this process: less sensitive to other
// processes on a shared machine.
type Samples = Record<Engine | 'ratio', number[]>;
const emptySamples = (): Samples => ({ ours: [], planck: [], ratio: [] });
const wall = workloads.map(emptySamples);
const cpu = workloads.map(emptySamples);
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let round = 0; round < ROUNDS; round++) {
  workloads.forEach((w, i) => {
    // Alternate which engine goes first, so neither always runs right after the other's garbage.
    for (const e of round % 2 === 0 ? ENGINES : REVERSED) {
      const start = performance.now(), startCpu = cpuMs();
      w.run[e]();
      wall[i][e].push((STEPS / (performance.now() - start)) * 1000);
      cpu[i][e].push((STEPS / (cpuMs() - startCpu)) * 1000);
    }
    for (const s of [wall[i], cpu[i]]) s.ratio.push(s.ours[round] / s.planck[round]);
  });
}

for (const [title, samples] of [['per wall-clock second', wall], ['per CPU second', cpu]] as const) {
  console.log(`\nsteps ${title} | ours, median (min–max) | planck, median (min–max) | ours / planck, median (min–max)`);
  workloads.forEach((w, i) => {
    const s = samples[i];
    console.log(`${w.name} | ${spread(s.ours, fmt)} | ${spread(s.planck, fmt)} | ${spread(s.ratio, (x) => x.toFixed(2))}`);
  });
}
console.log(`load average at end ${load()}`);

// The heuristic over the reference's seeds at default settings (dispersion on), on both engines.
const ref = JSON.parse(readFileSync('test/data/reference/lunarlander-heuristic.json', 'utf8'));
const setting = ref.settings['default_gravity_-10'];
const seeds = setting.seeds as number[];

interface Episode {
  ret: number;
  length: number;
  reason: Exclude<LunarLanderEndReason, null> | 'time-limit';
  /** The reset observation, then one per step. */
  observations: Float64Array[];
}
function heuristicEpisodes(env: Env<number>): Episode[] {
  return seeds.map((seed) => {
    let obs = env.reset({ seed }).obs;
    const observations = [obs.slice()];
    let ret = 0;
    for (;;) {
      const r = env.step(lunarLanderHeuristic(obs));
      ret += r.reward;
      obs = r.obs;
      observations.push(obs.slice());
      if (r.terminated || r.truncated) {
        return { ret, length: observations.length - 1, reason: (r.info.endReason as LunarLanderEndReason) ?? 'time-limit', observations };
      }
    }
  });
}

function summary(name: string, episodes: Episode[]): { mean: number; landed: number } {
  const n = episodes.length;
  const mean = episodes.reduce((a, e) => a + e.ret, 0) / n;
  const landed = episodes.filter((e) => e.reason === 'at-rest').length / n;
  const reasons: Record<string, number> = {};
  for (const e of episodes) reasons[e.reason] = (reasons[e.reason] ?? 0) + 1;
  console.log(`${name}: mean return ${mean.toFixed(2)}, landed ${landed.toFixed(3)}, end reasons ${JSON.stringify(reasons)}`);
  return { mean, landed };
}

/** Largest |difference| of the two engines' observations up to (excluding) our first leg contact. */
function maxDifferenceBeforeContact(a: Episode, b: Episode): number {
  let max = 0;
  for (let t = 0; t < Math.min(a.observations.length, b.observations.length); t++) {
    const x = a.observations[t], y = b.observations[t];
    if (x[6] || x[7]) break;
    for (let k = 0; k < 8; k++) max = Math.max(max, Math.abs(x[k] - y[k]));
  }
  return max;
}

console.log(`\nheuristic, seeds 0..${seeds.length - 1}, default settings`);
const ours = heuristicEpisodes(new LunarLander());
const planck = heuristicEpisodes(new PlanckLunarLander());
const { mean, landed } = summary('ours  ', ours);
summary('planck', planck);
const sameReason = ours.filter((e, i) => e.reason === planck[i].reason).length;
const sameEpisode = ours.filter((e, i) => e.reason === planck[i].reason && e.length === planck[i].length).length;
const before = ours.map((e, i) => maxDifferenceBeforeContact(e, planck[i]));
console.log(`planck against ours: same end reason ${sameReason}/${seeds.length}, same end reason and length ${sameEpisode}/${seeds.length}; observations until the first leg contact identical on ${before.filter((d) => d === 0).length}/${seeds.length} seeds (largest difference ${Math.max(...before).toExponential(2)})`);
const ok = Math.abs(mean - setting.return_stats.mean) <= 20 && Math.abs(landed - setting.landed_fraction) <= 0.06;
console.log(`ours against Gymnasium: reference mean ${setting.return_stats.mean.toFixed(2)} (band ±20), landed ${setting.landed_fraction} (band ±0.06): ${ok ? 'within the reference bands' : 'OUTSIDE the reference bands'}`);
if (!ok) process.exitCode = 1;
