// Intersection throughput, alone and in a VectorEnv of 20, next to CartPole's in the same run;
// then the reference drivers over 1,000 seeded tasks of the default family (the README's table).
import { Bench } from 'tinybench';
import { CartPole } from '../src/envs/cartpole.js';
import { Intersection } from '../src/envs/intersection.js';
import { INTERSECTION_DRIVERS, evaluateDriver } from '../src/envs/intersection-drivers.js';
import { VectorEnv } from '../src/envs/vector-env.js';

const N = 20;
const STEPS = 1000;
const DRIVER_TASKS = 1000;

/** Full throttle unless O is in the zone (then hard brake): ~35-step episodes, both outcomes. */
const intersectionAction = (obs: Float64Array, row: number): number => (obs[row * 6 + 5] === 1 ? 0 : 4);
const cartPoleAction = (obs: Float64Array, row: number): number => (obs[row * 4 + 2] + obs[row * 4 + 3] > 0 ? 1 : 0);

const single = new Intersection();
let singleObs = single.reset({ seed: 0 }).obs;
const intersectionSteps = (): void => {
  for (let t = 0; t < STEPS; t++) {
    const r = single.step(intersectionAction(singleObs, 0));
    singleObs = r.terminated || r.truncated ? single.reset().obs : r.obs;
  }
};

const cartPole = new CartPole();
let cartPoleObs = cartPole.reset({ seed: 0 }).obs;
const cartPoleSteps = (): void => {
  for (let t = 0; t < STEPS; t++) {
    const r = cartPole.step(cartPoleAction(cartPoleObs, 0));
    cartPoleObs = r.terminated || r.truncated ? cartPole.reset().obs : r.obs;
  }
};

const vectorSteps = (venv: VectorEnv, action: (obs: Float64Array, row: number) => number): (() => void) => {
  venv.reset({ seed: 0 });
  const actions = new Float64Array(N);
  return () => {
    for (let t = 0; t < STEPS / N; t++) {
      for (let i = 0; i < N; i++) actions[i] = action(venv.obs, i);
      venv.step(actions);
    }
  };
};

const bench = new Bench({ time: 1500, warmupTime: 300 });
bench.add(`Intersection.step x${STEPS}`, intersectionSteps);
bench.add(`VectorEnv(${N} Intersection).step x${STEPS / N}`, vectorSteps(new VectorEnv(Array.from({ length: N }, () => new Intersection())), intersectionAction));
bench.add(`CartPole.step x${STEPS}`, cartPoleSteps);
bench.add(`VectorEnv(${N} CartPole).step x${STEPS / N}`, vectorSteps(new VectorEnv(Array.from({ length: N }, () => new CartPole())), cartPoleAction));
await bench.run();

console.log('benchmark | median ms per call | env steps/s (median)');
for (const task of bench.tasks) {
  const r = task.result;
  if (r.state !== 'completed') throw new Error(`benchmark ${task.name} ended ${r.state}`);
  const ms = r.latency.p50;
  console.log(`${task.name} | ${ms.toFixed(4)} | ${((STEPS / ms) * 1000 / 1e6).toFixed(2)}M`);
}

console.log(`\nreference drivers, ${DRIVER_TASKS} tasks of the default family (seed 0), one episode each`);
console.log('driver | success | collision | truncated | mean return | mean steps | seconds');
for (const [name, driver] of Object.entries(INTERSECTION_DRIVERS)) {
  const start = performance.now();
  const e = evaluateDriver(driver, { tasks: DRIVER_TASKS, seed: 0 });
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${name} | ${(100 * e.successRate).toFixed(1)}% | ${(100 * e.collisionRate).toFixed(1)}% | ${(100 * e.truncationRate).toFixed(1)}% | ` +
      `${e.meanReturn.toFixed(2)} | ${e.meanSteps.toFixed(1)} | ${seconds.toFixed(2)}`,
  );
}
