// LunarLander throughput at Gymnasium's 180/60 solver iterations: one env and a VectorEnv of 20,
// driven by Gymnasium's heuristic and by seeded uniform random actions (resets included); then the
// heuristic over seeds 0..199 at default settings against lunarlander-heuristic.json.
import { readFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { LunarLander } from '../src/envs/lunar-lander.js';
import { lunarLanderHeuristic } from '../src/envs/lunar-lander-heuristic.js';
import { VectorEnv } from '../src/envs/vector-env.js';
import { PCG64 } from '../src/rng/pcg64.js';

const N = 20;
const STEPS = 2000;

type Policy = (obs: Float64Array, row: number) => number;
const rowObs = new Float64Array(8);
const heuristic: Policy = (obs, row) => {
  for (let k = 0; k < 8; k++) rowObs[k] = obs[row * 8 + k];
  return lunarLanderHeuristic(rowObs);
};
const randomPolicy = (seed: number): Policy => {
  const rng = new PCG64(seed);
  return () => rng.integers(0, 4);
};
// The single-env heuristic reads the env's own obs array: no subarray per step.
const singleHeuristic: Policy = (obs) => lunarLanderHeuristic(obs);

const singleSteps = (policy: Policy): (() => void) => {
  const env = new LunarLander();
  let obs = env.reset({ seed: 0 }).obs;
  return () => {
    for (let t = 0; t < STEPS; t++) {
      const r = env.step(policy(obs, 0));
      obs = r.terminated || r.truncated ? env.reset().obs : r.obs;
    }
  };
};

const vectorSteps = (policy: Policy): (() => void) => {
  const venv = new VectorEnv(Array.from({ length: N }, () => new LunarLander()));
  venv.reset({ seed: 0 });
  const actions = new Float64Array(N);
  return () => {
    for (let t = 0; t < STEPS / N; t++) {
      for (let i = 0; i < N; i++) actions[i] = policy(venv.obs, i);
      venv.step(actions);
    }
  };
};

const bench = new Bench({ time: 3000, warmupTime: 500 });
// Default iterations: Gymnasium's 180 velocity / 60 position per step.
bench.add(`LunarLander.step x${STEPS}, heuristic`, singleSteps(singleHeuristic));
bench.add(`LunarLander.step x${STEPS}, random actions`, singleSteps(randomPolicy(1)));
bench.add(`VectorEnv(${N} LunarLander).step x${STEPS / N}, heuristic`, vectorSteps(heuristic));
bench.add(`VectorEnv(${N} LunarLander).step x${STEPS / N}, random actions`, vectorSteps(randomPolicy(2)));
await bench.run();

console.log('benchmark | median ms per call | env steps/s (median)');
for (const task of bench.tasks) {
  const r = task.result;
  if (r.state !== 'completed') throw new Error(`benchmark ${task.name} ended ${r.state}`);
  const ms = r.latency.p50;
  console.log(`${task.name} | ${ms.toFixed(3)} | ${Math.round((STEPS / ms) * 1000).toLocaleString('en-US')}`);
}

// Heuristic statistics over the reference's seeds, default settings (dispersion on).
const ref = JSON.parse(readFileSync(new URL('../../shared/reference/lunarlander-heuristic.json', import.meta.url), 'utf8'));
const setting = ref.settings['default_gravity_-10'];
const env = new LunarLander();
let total = 0, landed = 0, steps = 0;
const reasons: Record<string, number> = {};
const start = performance.now();
for (const seed of setting.seeds as number[]) {
  let obs = env.reset({ seed }).obs;
  let ret = 0;
  for (;;) {
    const r = env.step(lunarLanderHeuristic(obs));
    ret += r.reward;
    steps++;
    obs = r.obs;
    if (r.terminated || r.truncated) {
      const reason = r.info.endReason ?? 'time-limit';
      reasons[reason] = (reasons[reason] ?? 0) + 1;
      if (reason === 'at-rest') landed++;
      break;
    }
  }
  total += ret;
}
const seconds = (performance.now() - start) / 1000;
const n = setting.seeds.length;
const mean = total / n;
console.log(`\nheuristic, seeds 0..${n - 1}, default settings: mean return ${mean.toFixed(2)} (reference ${setting.return_stats.mean.toFixed(2)}, band ±20), landed ${(landed / n).toFixed(3)} (reference ${setting.landed_fraction}, band ±0.06)`);
console.log(`end reasons ${JSON.stringify(reasons)}; ${steps} steps in ${seconds.toFixed(2)} s (${Math.round(steps / seconds).toLocaleString('en-US')} steps/s)`);
const ok = Math.abs(mean - setting.return_stats.mean) <= 20 && Math.abs(landed / n - setting.landed_fraction) <= 0.06;
console.log(ok ? 'within the reference bands' : 'OUTSIDE the reference bands');
if (!ok) process.exitCode = 1;
