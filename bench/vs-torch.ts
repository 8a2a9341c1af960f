// Side by side with PyTorch on the standard workloads, in one session: rounds alternate ours
// (bench/autodiff.bench.ts --json) and PyTorch (bench/torch/torch_anchor.py, one OpenBLAS
// thread), and each op's figure is the median over rounds with its [min, max].
// Usage: npm run bench:vs-torch [-- --rounds N] [-- --threads N]   (PyTorch's thread count, and ours: 1 or 2)
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

type Table = Record<string, Record<string, number>>;

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const rounds = arg('rounds', 3);
const threads = arg('threads', 1);
const anchor = resolve('bench/torch/torch_anchor.py');

/** A Python that imports torch: the PATH's python3, else Debian's. */
function torchPython(): string | null {
  for (const python of ['python3', '/usr/bin/python3']) {
    if (spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0) return python;
  }
  return null;
}

function runJson(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { cases: Table } {
  const r = spawnSync(command, args, { encoding: 'utf8', env, maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr.trim().split('\n').at(-1)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as { cases: Table };
}

const python = torchPython();
if (python === null) {
  console.error('bench:vs-torch needs PyTorch: apt-get update && apt-get install -y python3-torch libopenblas0-pthread (Debian packages; no pip needed)');
  process.exit(1);
}

const ours: Table[] = [];
const theirs: Table[] = [];
for (let r = 0; r < rounds; r++) {
  ours.push(runJson('node', ['scripts/run-ts.mjs', 'bench/autodiff.bench.ts', '--json', '--threads', String(threads)]).cases);
  theirs.push(runJson(python, [anchor], { ...process.env, OPENBLAS_NUM_THREADS: String(threads), TORCH_THREADS: String(threads) }).cases);
  process.stderr.write(`round ${r + 1}/${rounds} done\n`);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs: number[]): string => `${median(xs).toFixed(0)} [${Math.min(...xs).toFixed(0)}, ${Math.max(...xs).toFixed(0)}]`;

console.log(`${rounds} interleaved rounds, ours and PyTorch with ${threads} thread(s); median [min, max] microseconds`);
console.log('| case | op | ours | PyTorch | ours / PyTorch |');
console.log('| --- | --- | ---: | ---: | ---: |');
const json: Record<string, Record<string, { ours: number; torch: number; ratio: number }>> = {};
for (const name of Object.keys(ours[0])) {
  json[name] = {};
  for (const op of Object.keys(ours[0][name])) {
    const a = ours.map((t) => t[name][op]);
    const b = theirs.map((t) => t[name][op]);
    const ratio = median(a) / median(b);
    json[name][op] = { ours: median(a), torch: median(b), ratio };
    console.log(`| ${name} | ${op} | ${spread(a)} | ${spread(b)} | ${ratio.toFixed(2)}x |`);
  }
  const extra = (t: Table[]): number[] => t.map((x) => x[name].maml - x[name].fomaml);
  console.log(`| ${name} | maml - fomaml | ${spread(extra(ours))} | ${spread(extra(theirs))} | ${(median(extra(ours)) / median(extra(theirs))).toFixed(2)}x |`);
}
if (process.argv.includes('--json')) console.log(JSON.stringify(json));
