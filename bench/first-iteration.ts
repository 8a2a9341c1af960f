// Start-up, side by side with PyTorch: the time from spawning a 5-iteration training process to
// its first finished meta-iteration (ours: the first line of log.jsonl; PyTorch's e2e_torch.py:
// its first --verbose line), and the process's wall time. Rounds interleave ours (per --workers
// value) and PyTorch; figures are medians with [min, max].
// Usage: node scripts/run-ts.mjs bench/first-iteration.ts [--rounds N] [--algo maml] [--workers 1,2] [--json]
// Needs `npm run build` (it runs bin/metarl.mjs) and, for the PyTorch column, Debian's python3-torch.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
};
const rounds = Number(arg('rounds', '5'));
const algo = arg('algo', 'maml');
const iterations = 5;
const workerCounts = arg('workers', '1,2').split(',').map(Number);
const config = resolve('configs/cartpole-start.json');
const torchScript = resolve('bench/torch/e2e_torch.py');
const work = mkdtempSync(join(tmpdir(), 'metarl-first-iteration-'));

interface Timing {
  firstIteration: number;
  wall: number;
}

/** Spawns `command`, resolving with the seconds to `firstDone()` becoming true and to its exit. */
function timed(command: string, args: string[], firstDone: (stderr: string) => boolean): Promise<Timing> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    let first = NaN;
    let stderr = '';
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const poll = setInterval(() => {
      if (Number.isNaN(first) && firstDone(stderr)) first = (performance.now() - t0) / 1000;
    }, 2);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (Number.isNaN(first) && firstDone(stderr)) first = (performance.now() - t0) / 1000;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim().split('\n').at(-1)}`));
      else resolvePromise({ firstIteration: first, wall: (performance.now() - t0) / 1000 });
    });
  });
}

function torchAvailable(): boolean {
  return spawnSync('/usr/bin/python3', ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs: number[]): string => `${median(xs).toFixed(2)} [${Math.min(...xs).toFixed(2)}, ${Math.max(...xs).toFixed(2)}]`;

const results = new Map<string, Timing[]>();
const record = (name: string, t: Timing): void => {
  results.set(name, [...(results.get(name) ?? []), t]);
};
const withTorch = torchAvailable();
if (!withTorch) console.error('no PyTorch (apt-get install -y python3-torch libopenblas0-pthread): ours only');
for (let r = 0; r < rounds; r++) {
  for (const workers of workerCounts) {
    const out = join(work, `ours-${r}-${workers}`);
    const log = join(out, 'log.jsonl');
    const args = ['bin/metarl.mjs', 'train', '--config', config, '--algo', algo, '--iterations', String(iterations), '--workers', String(workers), '--out', out];
    record(`metarl --workers ${workers}`, await timed('node', args, () => existsSync(log) && readFileSync(log, 'utf8').includes('\n')));
  }
  if (withTorch) {
    const args = [torchScript, '--algo', algo, '--iterations', String(iterations), '--verbose', '--out', join(work, `torch-${r}.json`)];
    record('pytorch', await timed('/usr/bin/python3', args, (stderr) => stderr.includes('{')));
  }
  process.stderr.write(`round ${r + 1}/${rounds} done\n`);
}
rmSync(work, { recursive: true, force: true });

console.log(`${algo}, ${iterations} iterations of configs/cartpole-start.json, ${rounds} interleaved rounds; median [min, max] seconds`);
console.log('| run | to the first finished meta-iteration | process wall |');
console.log('| --- | ---: | ---: |');
for (const [name, ts] of results) console.log(`| ${name} | ${spread(ts.map((t) => t.firstIteration))} | ${spread(ts.map((t) => t.wall))} |`);
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(Object.fromEntries([...results].map(([name, ts]) => [name, { firstIteration: median(ts.map((t) => t.firstIteration)), wall: median(ts.map((t) => t.wall)) }]))));
}
