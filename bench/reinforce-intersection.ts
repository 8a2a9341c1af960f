// Sanity run: vanilla policy gradient (REINFORCE, linear feature baseline, Adam) on the
// intersection's medium task (desiredSpeed 10, gap 0, maxAccel 2.5: the env's defaults) until the
// stochastic policy succeeds in at least 90% of 200 evaluation episodes; for several seeds.
//
//   node scripts/run-ts.mjs bench/reinforce-intersection.ts [--seeds 0-4] [--lr 0.003]
//       [--episodes 100] [--hidden 32,32] [--max-iterations 300] [--check-every 5]
//       [--target 0.9] [--eval-episodes 200] [--quiet]
//
// Stopping rule: every --check-every iterations the stochastic policy is evaluated on
// --eval-episodes fresh episodes. When its success rate reaches --target, the final evaluation
// runs: another --eval-episodes fresh episodes with sampled actions (the criterion) and the same
// episodes with greedy actions (reported alongside). If the final sampled success rate reaches
// --target too, the run stops; otherwise training goes on. Evaluation streams are child 4 of
// SeedSequence(seed), after the trainer's four (init, actions, training envs, its own
// evaluation): each evaluation resets the env with a seed drawn from it and draws its actions
// from a stream spawned from it. Evaluation steps are not counted in the env steps; the seconds
// (wall clock) include the checks. Seeded and deterministic: the same arguments print the same
// numbers (the seconds aside).
//
// The reference drivers are printed first, on 1,000 episodes of the medium task, as a scale.
import { parseArgs } from 'node:util';
import { Intersection } from '../src/envs/intersection.js';
import { INTERSECTION_DRIVERS, type IntersectionDriver } from '../src/envs/intersection-drivers.js';
import { PCG64 } from '../src/rng/pcg64.js';
import { SeedSequence } from '../src/rng/seed-sequence.js';
import { type OutcomeEvaluation, evaluateOutcomes } from '../src/rl/outcomes.js';
import { ReinforceTrainer } from '../src/rl/reinforce-trainer.js';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '0-4' },
    lr: { type: 'string', default: '0.003' },
    episodes: { type: 'string', default: '100' },
    hidden: { type: 'string', default: '32,32' },
    'max-iterations': { type: 'string', default: '300' },
    'check-every': { type: 'string', default: '5' },
    target: { type: 'string', default: '0.9' },
    'eval-episodes': { type: 'string', default: '200' },
    quiet: { type: 'boolean', default: false },
  },
});

/** "0-4" or "0,3,7". */
function parseSeeds(text: string): number[] {
  const range = /^(\d+)-(\d+)$/.exec(text);
  const seeds = range === null ? text.split(',').map(Number) : Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i);
  if (seeds.length === 0 || !seeds.every((s) => Number.isSafeInteger(s) && s >= 0)) {
    throw new Error(`--seeds is "${text}", expected a range like 0-4 or a list like 0,3,7 of non-negative integers`);
  }
  return seeds;
}

/** A flag's value as a number that `ok` accepts, else a one-line error naming the flag. */
function numberFlag(name: Exclude<keyof typeof values, 'quiet' | 'seeds' | 'hidden'>, ok: (x: number) => boolean, expected: string): number {
  const x = Number(values[name]);
  if (!ok(x)) throw new Error(`--${name} is "${values[name]}", expected ${expected}`);
  return x;
}
const isPositiveInteger = (x: number): boolean => Number.isSafeInteger(x) && x > 0;

const seeds = parseSeeds(values.seeds);
const lr = numberFlag('lr', (x) => x > 0 && x < Infinity, 'a positive number');
const episodes = numberFlag('episodes', isPositiveInteger, 'a positive integer');
const hidden = values.hidden.split(',').map(Number);
if (!hidden.every(isPositiveInteger)) throw new Error(`--hidden is "${values.hidden}", expected positive integers separated by commas, e.g. 32,32`);
const maxIterations = numberFlag('max-iterations', isPositiveInteger, 'a positive integer');
const checkEvery = numberFlag('check-every', isPositiveInteger, 'a positive integer');
const target = numberFlag('target', (x) => x >= 0 && x <= 1, 'a success rate in [0, 1]');
const evalEpisodes = numberFlag('eval-episodes', isPositiveInteger, 'a positive integer');

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;
const describe = (e: OutcomeEvaluation): string =>
  `success ${percent(e.rates.success ?? 0)}, collision ${percent(e.rates.collision ?? 0)}, mean return ${e.meanReturn.toFixed(2)}`;

/** A reference driver on `episodes` episodes of the medium task, the first reset seeded. */
function driverOnMediumTask(driver: IntersectionDriver, episodes: number, seed: number): { success: number; collision: number; meanReturn: number } {
  const env = new Intersection();
  let success = 0, collision = 0, total = 0;
  for (let e = 0; e < episodes; e++) {
    env.reset(e === 0 ? { seed } : undefined);
    for (;;) {
      const { reward, terminated, truncated, info } = env.step(driver(env.getState(), env.params, env.maxEpisodeSteps - env.elapsedSteps));
      total += reward;
      if (terminated || truncated) {
        if (info.outcome === 'success') success++;
        else if (info.outcome === 'collision') collision++;
        break;
      }
    }
  }
  return { success: success / episodes, collision: collision / episodes, meanReturn: total / episodes };
}

console.log('Reference drivers on the medium task (1,000 episodes, first reset seed 0):');
for (const [name, driver] of Object.entries(INTERSECTION_DRIVERS)) {
  const r = driverOnMediumTask(driver, 1000, 0);
  console.log(`  ${name.padEnd(12)} success ${percent(r.success)}, collision ${percent(r.collision)}, mean return ${r.meanReturn.toFixed(2)}`);
}
console.log(
  `REINFORCE on the intersection's medium task: hidden [${hidden.join(', ')}] tanh, Adam lr ${lr}, ${episodes} episodes/batch, gamma 0.99, GAE lambda 1, linear baseline, normalised advantages`,
);

interface FinalEvaluation {
  sampled: OutcomeEvaluation;
  greedy: OutcomeEvaluation;
}

interface SeedResult extends FinalEvaluation {
  seed: number;
  solved: boolean;
  iterations: number;
  envSteps: number;
  seconds: number;
}

function runSeed(seed: number): SeedResult {
  const trainer = new ReinforceTrainer({ seed, lr, episodesPerBatch: episodes, hidden, makeEnv: () => new Intersection() });
  const evalRoot = new SeedSequence(seed).spawn(5)[4];
  const evalSeeds = new PCG64(evalRoot);
  const evalActions = evalSeeds.spawn(1)[0];
  const evalEnv = new Intersection();
  const evaluate = (mode: 'sampled' | 'greedy', resetSeed: number): OutcomeEvaluation =>
    evaluateOutcomes(evalEnv, trainer.layout, trainer.params, { episodes: evalEpisodes, seed: resetSeed, rng: mode === 'sampled' ? evalActions : undefined });

  const finalEvaluation = (): FinalEvaluation => {
    const finalSeed = evalSeeds.integers(0, 2 ** 31);
    return { sampled: evaluate('sampled', finalSeed), greedy: evaluate('greedy', finalSeed) };
  };

  const t0 = performance.now();
  let final: FinalEvaluation | null = null;
  let solved = false;
  let iteration = 0;
  while (iteration < maxIterations && !solved) {
    const s = trainer.step();
    iteration = s.iteration;
    let line = `  seed ${seed} iter ${String(iteration).padStart(4)}  return ${s.meanReturn.toFixed(2).padStart(7)}  steps ${String(s.envSteps).padStart(6)}  total ${String(s.totalEnvSteps).padStart(8)}`;
    if (iteration % checkEvery === 0) {
      const check = evaluate('sampled', evalSeeds.integers(0, 2 ** 31));
      line += `  eval(sampled) ${describe(check)}`;
      if ((check.rates.success ?? 0) >= target) {
        final = finalEvaluation();
        solved = (final.sampled.rates.success ?? 0) >= target;
        line += `  final: sampled ${percent(final.sampled.rates.success ?? 0)}, greedy ${percent(final.greedy.rates.success ?? 0)}`;
      }
      console.log(line);
    } else if (!values.quiet) {
      console.log(line);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const last = solved && final !== null ? final : finalEvaluation();
  return { seed, solved, iterations: iteration, envSteps: trainer.totalEnvSteps, seconds, ...last };
}

const results = seeds.map(runSeed);
console.log(`\nfinal evaluation: ${evalEpisodes} episodes; sampled actions (the criterion), greedy actions on the same episodes`);
console.log('| seed | solved | iterations | env steps | seconds | success (sampled) | collision (sampled) | mean return (sampled) | success (greedy) | mean return (greedy) |');
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(
    `| ${r.seed} | ${r.solved ? 'yes' : 'no'} | ${r.iterations} | ${r.envSteps.toLocaleString('en-US')} | ${r.seconds.toFixed(1)} | ${percent(r.sampled.rates.success ?? 0)} | ${percent(r.sampled.rates.collision ?? 0)} | ${r.sampled.meanReturn.toFixed(2)} | ${percent(r.greedy.rates.success ?? 0)} | ${r.greedy.meanReturn.toFixed(2)} |`,
  );
}
const unsolved = results.filter((r) => !r.solved).map((r) => r.seed);
console.log(unsolved.length === 0 ? `SOLVED: every seed reached a sampled success rate >= ${target}` : `NOT SOLVED within ${maxIterations} iterations: seeds ${unsolved.join(', ')}`);
process.exitCode = unsolved.length === 0 ? 0 : 1;
