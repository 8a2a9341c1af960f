// The TRPO outer step's cost per 1,000 env steps, from real training runs: seconds.trpo summed over
// the iterations of each run's log, divided by its env steps. Rounds interleave this checkout per
// --workers value (its products and line search then run on that many task workers) and, with
// --baseline DIR, another built checkout (e.g. the main branch) with the same flags.
// Usage: node scripts/run-ts.mjs bench/trpo-step.ts [--rounds N] [--iterations N] [--algo maml] [--workers 1,2] [--baseline DIR] [--json]
// Needs `npm run build` here (and in DIR).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
};
const rounds = Number(arg('rounds', '3'));
const iterations = arg('iterations', '5');
const algo = arg('algo', 'maml');
const workerCounts = arg('workers', '1,2').split(',').map(Number);
const baseline = process.argv.includes('--baseline') ? resolve(arg('baseline', '')) : null;
const config = resolve('configs/cartpole-start.json');
const work = mkdtempSync(join(tmpdir(), 'metarl-trpo-step-'));

interface RunFigures {
  trpoPer1k: number;
  totalPer1k: number;
  wall: number;
}

function run(project: string, workers: number, out: string): RunFigures {
  const t0 = performance.now();
  const args = ['bin/metarl.mjs', 'train', '--config', config, '--algo', algo, '--iterations', iterations, '--set', 'outerOptimizer=trpo', '--workers', String(workers), '--out', out];
  const r = spawnSync('node', args, { cwd: project, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${project}: metarl ${args.slice(1).join(' ')} failed: ${r.stderr.trim().split('\n').at(-1)}`);
  const wall = (performance.now() - t0) / 1000;
  let trpo = 0;
  let total = 0;
  let steps = 0;
  for (const line of readFileSync(join(out, 'log.jsonl'), 'utf8').trim().split('\n')) {
    const entry = JSON.parse(line) as { seconds: { trpo: number; total: number }; counts: { envSteps: number } };
    trpo += entry.seconds.trpo;
    total += entry.seconds.total;
    steps += entry.counts.envSteps;
  }
  return { trpoPer1k: (1000 * trpo) / steps, totalPer1k: (1000 * total) / steps, wall };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs: number[], digits: number): string => `${median(xs).toFixed(digits)} [${Math.min(...xs).toFixed(digits)}, ${Math.max(...xs).toFixed(digits)}]`;

const results = new Map<string, RunFigures[]>();
let k = 0;
for (let r = 0; r < rounds; r++) {
  for (const workers of workerCounts) {
    const systems: [string, string][] = [[`this checkout, --workers ${workers}`, resolve('.')]];
    if (baseline !== null) systems.push([`${baseline}, --workers ${workers}`, baseline]);
    for (const [name, project] of systems) results.set(name, [...(results.get(name) ?? []), run(project, workers, join(work, `run-${k++}`))]);
  }
  process.stderr.write(`round ${r + 1}/${rounds} done\n`);
}
rmSync(work, { recursive: true, force: true });

console.log(`${algo} with outerOptimizer trpo, ${iterations} iterations of configs/cartpole-start.json, ${rounds} interleaved rounds; median [min, max]`);
console.log('| run | trpo s per 1,000 env steps | iteration s per 1,000 env steps | process wall s |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, fs] of results) {
  console.log(`| ${name} | ${spread(fs.map((f) => f.trpoPer1k), 3)} | ${spread(fs.map((f) => f.totalPer1k), 3)} | ${spread(fs.map((f) => f.wall), 2)} |`);
}
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(Object.fromEntries([...results].map(([name, fs]) => [name, { trpoPer1k: median(fs.map((f) => f.trpoPer1k)), totalPer1k: median(fs.map((f) => f.totalPer1k)), wall: median(fs.map((f) => f.wall)) }]))));
}
