// Env throughput: CartPole alone, a VectorEnv of 20, and rollout() with a trivial batched policy
// and with a [4, 32, 32, 2] tanh MLP categorical policy (its batched forward included).
// Prints the median time per benchmark call and the env steps per second it implies.
import { Bench } from 'tinybench';
import { CartPole } from '../src/envs/cartpole.js';
import { VectorEnv } from '../src/envs/vector-env.js';
import { initMlp } from '../src/nn/init.js';
import { mlpLayout } from '../src/nn/mlp.js';
import { PCG64 } from '../src/rng/pcg64.js';
import { sampledActor } from '../src/rl/policy.js';
import { rollout, type BatchedPolicy } from '../src/rl/rollout.js';

const N = 20;
const STEPS = 1000;

/** Push towards the pole's lean: long (mostly 500-step) episodes. */
const lean: BatchedPolicy = (obs, n, out) => {
  for (let k = 0; k < n; k++) out[k] = obs[k * 4 + 2] + obs[k * 4 + 3] > 0 ? 1 : 0;
};
/** Push by the angle only: ~40-step episodes, so resets weigh in. */
const byAngle: BatchedPolicy = (obs, n, out) => {
  for (let k = 0; k < n; k++) out[k] = obs[k * 4 + 2] > 0 ? 1 : 0;
};

const single = new CartPole();
let singleObs = single.reset({ seed: 0 }).obs;
const singleSteps = (): void => {
  for (let t = 0; t < STEPS; t++) {
    const r = single.step(singleObs[2] + singleObs[3] > 0 ? 1 : 0);
    singleObs = r.terminated || r.truncated ? single.reset().obs : r.obs;
  }
};

const venv = new VectorEnv(Array.from({ length: N }, () => new CartPole()));
venv.reset({ seed: 0 });
const actions = new Float64Array(N);
const vectorSteps = (): void => {
  for (let t = 0; t < STEPS / N; t++) {
    lean(venv.obs, N, actions);
    venv.step(actions);
  }
};

const rolloutEnv = new VectorEnv(Array.from({ length: N }, () => new CartPole()));
// Fixed seeds make every call collect the same steps.
const leanSteps = rollout(rolloutEnv, lean, { episodes: N, seed: 0 }).steps;
const angleSteps = rollout(rolloutEnv, byAngle, { episodes: 5 * N, seed: 0 }).steps;
const layout = mlpLayout([4, 32, 32, 2], 'tanh');
const params = initMlp(layout, new PCG64(1));
const mlpPolicy = (): BatchedPolicy => sampledActor(layout, params, new PCG64(2));
const mlpSteps = rollout(rolloutEnv, mlpPolicy(), { episodes: N, seed: 0 }).steps;

const bench = new Bench({ time: 1500, warmupTime: 300 });
const stepsPerCall: Record<string, number> = {};
const add = (name: string, steps: number, fn: () => void): void => {
  stepsPerCall[name] = steps;
  bench.add(name, fn);
};
add(`CartPole.step x${STEPS}`, STEPS, singleSteps);
add(`VectorEnv(${N}).step x${STEPS / N}`, STEPS, vectorSteps);
add(`rollout ${N} envs, ${N} episodes, lean policy`, leanSteps, () => void rollout(rolloutEnv, lean, { episodes: N, seed: 0 }));
add(`rollout ${N} envs, ${5 * N} episodes, angle policy`, angleSteps, () => void rollout(rolloutEnv, byAngle, { episodes: 5 * N, seed: 0 }));
add(`rollout ${N} envs, ${N} episodes, MLP [4,32,32,2] policy`, mlpSteps, () => void rollout(rolloutEnv, mlpPolicy(), { episodes: N, seed: 0 }));
await bench.run();

console.log('benchmark | env steps per call | median ms per call | env steps/s (median)');
for (const task of bench.tasks) {
  const r = task.result;
  if (r.state !== 'completed') throw new Error(`benchmark ${task.name} ended ${r.state}`);
  const ms = r.latency.p50;
  const perSec = (stepsPerCall[task.name] / ms) * 1000;
  console.log(`${task.name} | ${stepsPerCall[task.name]} | ${ms.toFixed(3)} | ${(perSec / 1e6).toFixed(2)}M`);
}
