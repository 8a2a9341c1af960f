// Every side-by-side figure of docs/benchmarks.md in one command, for a quiet machine: the autodiff
// ops against PyTorch (one thread, then both cores), 20 meta-iterations end to end against
// PyTorch (MAML and FOMAML), the start-up (first meta-iteration, process wall of 5 iterations),
// and the TRPO step (against a baseline checkout when given). Each part's table goes to stdout
// and, with its JSON, to OUT/NAME.md and OUT/NAME.json.
// Usage: npm run bench:quiet -- [--out DIR (default runs/bench)] [--rounds N] [--baseline DIR]   (builds first; needs Debian's python3-torch)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { arg, flag } from './args.js';

const out = resolve(arg('out', 'runs/bench'));
const rounds = arg('rounds', '5');
const baseline = flag('baseline') ? ['--baseline', resolve(arg('baseline', ''))] : [];
mkdirSync(out, { recursive: true });

function part(name: string, command: string, args: string[]): void {
  process.stderr.write(`== ${name}: ${command} ${args.join(' ')}\n`);
  const r = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${name} failed (exit ${r.status})`);
  const lines = r.stdout.trim().split('\n');
  const json = lines.at(-1)?.startsWith('{') === true ? (lines.pop() as string) : null;
  const table = lines.join('\n');
  console.log(`## ${name}\n\n${table}\n`);
  writeFileSync(join(out, `${name}.md`), `${table}\n`);
  if (json !== null) writeFileSync(join(out, `${name}.json`), `${json}\n`);
}

const ts = (script: string, ...args: string[]): [string, string[]] => ['node', ['scripts/run-ts.mjs', script, ...args]];
part('ops-1-thread', ...ts('bench/vs-torch.ts', '--rounds', rounds, '--threads', '1', '--json'));
part('ops-2-threads', ...ts('bench/vs-torch.ts', '--rounds', rounds, '--threads', '2', '--json'));
part('end-to-end-20', '/usr/bin/python3', ['bench/torch/e2e_compare.py', '--project', '.', '--work', join(out, 'e2e'), '--rounds', rounds, '--iterations', '20']);
part('first-iteration', ...ts('bench/first-iteration.ts', '--rounds', rounds, '--json'));
part('trpo-step', ...ts('bench/trpo-step.ts', '--rounds', rounds, ...baseline, '--json'));
process.stderr.write(`tables and JSON in ${out}\n`);
