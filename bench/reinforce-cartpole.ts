// Sanity run: vanilla policy gradient (REINFORCE, linear feature baseline, Adam) on default
// CartPole-v1 until a 20-episode evaluation of the stochastic policy averages at least 475.
//
//   node scripts/run-ts.mjs bench/reinforce-cartpole.ts [--seed N] [--lr X] [--episodes E]
//       [--hidden 32,32] [--max-iterations K] [--target 475] [--eval-episodes 20] [--quiet]
//
// Stopping rule: whenever a training batch averages at least --gate (default 450), the stochastic
// policy is evaluated on --eval-episodes fresh episodes (evaluation envs reset with seeds from
// their own stream, actions sampled from their own stream, neither shared with training). When
// that mean reaches --target, the final evaluation is run: another --eval-episodes fresh
// episodes with sampled actions (the criterion) and the same number with greedy actions
// (reported alongside). If the final sampled mean reaches --target too, the run stops; otherwise
// training goes on. Evaluation steps are not counted in the env steps. Seeded and deterministic:
// the same arguments print the same numbers (the seconds aside).
import { parseArgs } from 'node:util';
import { ReinforceTrainer } from '../src/rl/reinforce-trainer.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '0' },
    lr: { type: 'string', default: '0.01' },
    episodes: { type: 'string', default: '20' },
    hidden: { type: 'string', default: '32,32' },
    'max-iterations': { type: 'string', default: '500' },
    target: { type: 'string', default: '475' },
    gate: { type: 'string', default: '450' },
    'eval-episodes': { type: 'string', default: '20' },
    quiet: { type: 'boolean', default: false },
  },
});

const seed = Number(values.seed);
const lr = Number(values.lr);
const episodes = Number(values.episodes);
const hidden = values.hidden.split(',').map(Number);
const maxIterations = Number(values['max-iterations']);
const target = Number(values.target);
const gate = Number(values.gate);
const evalEpisodes = Number(values['eval-episodes']);

const trainer = new ReinforceTrainer({ seed, lr, episodesPerBatch: episodes, hidden, activation: 'tanh', gamma: 0.99, gaeLambda: 1, normalizeAdvantages: true });
console.log(
  `REINFORCE on CartPole-v1: seed ${seed}, hidden [${hidden.join(', ')}] tanh, Adam lr ${lr}, ${episodes} episodes/batch, gamma 0.99, GAE lambda 1, linear baseline, normalised advantages`,
);

const t0 = performance.now();
let solved = false;
let finalSampled = NaN;
let finalGreedy = NaN;
let iteration = 0;
let evaluations = 0;
while (iteration < maxIterations && !solved) {
  const s = trainer.step();
  iteration = s.iteration;
  let line = `iter ${String(s.iteration).padStart(4)}  return ${s.meanReturn.toFixed(1).padStart(6)}  steps ${String(s.envSteps).padStart(6)}  total ${String(s.totalEnvSteps).padStart(8)}  loss ${s.loss.toFixed(4).padStart(8)}  |g| ${s.gradNorm.toFixed(3)}`;
  if (s.meanReturn >= gate) {
    const check = trainer.evaluate(evalEpisodes, 'sampled');
    evaluations++;
    line += `  eval(sampled) ${check.meanReturn.toFixed(1)}`;
    if (check.meanReturn >= target) {
      finalSampled = trainer.evaluate(evalEpisodes, 'sampled').meanReturn;
      finalGreedy = trainer.evaluate(evalEpisodes, 'greedy').meanReturn;
      evaluations += 2;
      line += `  final eval: sampled ${finalSampled.toFixed(1)}, greedy ${finalGreedy.toFixed(1)}`;
      solved = finalSampled >= target;
    }
  }
  if (!values.quiet || solved || s.iteration % 10 === 0) console.log(line);
}
const seconds = (performance.now() - t0) / 1000;
if (!solved) {
  finalSampled = trainer.evaluate(evalEpisodes, 'sampled').meanReturn;
  finalGreedy = trainer.evaluate(evalEpisodes, 'greedy').meanReturn;
}
console.log(`iterations ${iteration}`);
console.log(`total env steps ${trainer.totalEnvSteps}`);
console.log(`seconds ${seconds.toFixed(1)}`);
console.log(`evaluations ${evaluations}`);
console.log(`final evaluation (${evalEpisodes} episodes) mean return: sampled ${finalSampled.toFixed(1)}, greedy ${finalGreedy.toFixed(1)}`);
console.log(solved ? `SOLVED: sampled mean ${finalSampled.toFixed(1)} >= ${target}` : `NOT SOLVED within ${maxIterations} iterations`);
process.exitCode = solved ? 0 : 1;
