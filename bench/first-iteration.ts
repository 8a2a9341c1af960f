// Start-up, side by side with PyTorch: the time from spawning a 5-iteration training process to
// its first finished meta-iteration (ours: the first line of log.jsonl; PyTorch's e2e_torch.py:
// its first --verbose line), and the process's wall time. Rounds interleave ours (per --workers
// value) and PyTorch; figures are medians with [min, max]. Beside each wall time, the CPU time the
// process had used by then (user + system over all its threads, from /proc/PID/stat in clock
// ticks, read as the wall times are; Linux only): on a machine shared with other jobs it is the
// figure that compares, since waiting for a core adds to wall time and not to CPU time.
// Usage: node scripts/run-ts.mjs bench/first-iteration.ts [--rounds N] [--algo maml] [--workers 1,2] [--ours-only] [--baseline DIR] [--json]
// --baseline DIR: also runs DIR's build (another checkout, such as main before a change), interleaved with ours.
// Needs `npm run build` (it runs bin/metarl.mjs) and, for the PyTorch column, Debian's python3-torch.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { arg, flag } from './args.js';

const rounds = Number(arg('rounds', '5'));
const algo = arg('algo', 'maml');
const iterations = 5;
const workerCounts = arg('workers', '1,2').split(',').map(Number);
const config = resolve('configs/cartpole-start.json');
const torchScript = resolve('bench/torch/e2e_torch.py');
const baseline = flag('baseline') ? resolve(arg('baseline', '')) : null;
const checkouts: [string, string][] = [['metarl', resolve('.')], ...(baseline === null ? [] : [['baseline', baseline] as [string, string]])];
const work = mkdtempSync(join(tmpdir(), 'metarl-first-iteration-'));

interface Timing {
  firstIteration: number;
  wall: number;
  /** CPU seconds of the process at its first finished meta-iteration and at its last reading before exit (NaN without /proc). */
  firstIterationCpu: number;
  cpu: number;
}

/** User + system CPU seconds of process `pid` so far, NaN where /proc cannot tell. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // Fields after the command (which may hold spaces), from field 3 on: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** Spawns `command`, resolving with the seconds to `firstDone()` becoming true and to its exit. */
function timed(command: string, args: string[], firstDone: (stderr: string) => boolean): Promise<Timing> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    let first = NaN;
    let firstCpu = NaN;
    let cpu = NaN;
    let stderr = '';
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const check = (): void => {
      const now = cpuSeconds(child.pid);
      if (!Number.isNaN(now)) cpu = now;
      if (Number.isNaN(first) && firstDone(stderr)) {
        first = (performance.now() - t0) / 1000;
        firstCpu = cpu;
      }
    };
    const poll = setInterval(check, 2);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      check();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim().split('\n').at(-1)}`));
      else resolvePromise({ firstIteration: first, wall: (performance.now() - t0) / 1000, firstIterationCpu: firstCpu, cpu });
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
const withTorch = !flag('ours-only') && torchAvailable();
if (!withTorch) console.error('no PyTorch (apt-get install -y python3-torch libopenblas0-pthread): ours only');
for (let r = 0; r < rounds; r++) {
  for (const workers of workerCounts) {
    for (const [label, project] of checkouts) {
      const out = join(work, `${label}-${r}-${workers}`);
      const log = join(out, 'log.jsonl');
      const args = [join(project, 'bin/metarl.mjs'), 'train', '--config', config, '--algo', algo, '--iterations', String(iterations), '--workers', String(workers), '--out', out];
      record(`${label} --workers ${workers}`, await timed('node', args, () => existsSync(log) && readFileSync(log, 'utf8').includes('\n')));
    }
  }
  if (withTorch) {
    const args = [torchScript, '--algo', algo, '--iterations', String(iterations), '--verbose', '--out', join(work, `torch-${r}.json`)];
    record('pytorch', await timed('/usr/bin/python3', args, (stderr) => stderr.includes('{')));
  }
  process.stderr.write(`round ${r + 1}/${rounds} done\n`);
}
rmSync(work, { recursive: true, force: true });

console.log(`${algo}, ${iterations} iterations of configs/cartpole-start.json, ${rounds} interleaved rounds; median [min, max] seconds`);
console.log('| run | to the first finished meta-iteration | its CPU | process wall | process CPU |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, ts] of results) {
  const cells = [ts.map((t) => t.firstIteration), ts.map((t) => t.firstIterationCpu), ts.map((t) => t.wall), ts.map((t) => t.cpu)].map(spread);
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
if (flag('json')) {
  const medians = (ts: Timing[]) => ({ firstIteration: median(ts.map((t) => t.firstIteration)), wall: median(ts.map((t) => t.wall)), firstIterationCpu: median(ts.map((t) => t.firstIterationCpu)), cpu: median(ts.map((t) => t.cpu)) });
  console.log(JSON.stringify(Object.fromEntries([...results].map(([name, ts]) => [name, medians(ts)]))));
}
