import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliProcesses } from '../helpers/cli-processes.js';
import { checkpointWithoutTimes, logWithoutTimes, readJsonFile, runCli } from '../helpers/cli-run.js';

// SIGINT, SIGTERM and SIGHUP stop a command after its write in progress, and --resume (or, for a
// grid, the same command) ends with the bits of an uninterrupted run.
const { root, spawnCli } = cliProcesses('metarl-signals-');
const SMALL = ['--set', 'iterations=60', '--set', 'metaBatchSize=2', '--set', 'episodesPerTask=2', '--set', 'numEnvs=2', '--set', 'evalTasks=2', '--set', 'evalEpisodes=2', '--set', 'hidden=[8]'];
/**
 * Runs the CLI; sends `signal` once its stderr has `lines` lines, or once every one of
 * `lines.files` exists (a worker thread's progress lines reach stderr only when its run ends).
 */
function run(argv: string[], signal: NodeJS.Signals | null = null, lines: number | { files: string[] } = 2): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawnCli(argv);
    child.stdout.resume(); // its progress lines are not read
    let stderr = '';
    let sent = false;
    if (signal !== null && typeof lines !== 'number') {
      const poll = setInterval(() => {
        if (!lines.files.every((f) => existsSync(f))) return;
        clearInterval(poll);
        child.kill(signal);
      }, 10);
      child.on('close', () => clearInterval(poll));
    }
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (signal !== null && typeof lines === 'number' && !sent && stderr.split('\n').length - 1 >= lines) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('close', (code) => {
      resolve({ code, stderr });
    });
  });
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}

describe('a signal during training', () => {
  const reference = join(root, 'reference');
  beforeAll(async () => {
    expect((await runCli(['train', ...SMALL, '--out', reference])).code).toBe(0);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('train stops on %s after a whole iteration, exits %d, and --resume gives the uninterrupted bits', async (signal, code) => {
    const dir = join(root, `train-${signal}`);
    const r = await run(['train', ...SMALL, '--workers', '1', '--out', dir], signal);
    const at = (checkpointWithoutTimes(dir) as { iteration: number }).iteration;
    expect([r.code, lastLine(r.stderr)]).toEqual([code, `metarl: interrupted at iteration ${at}: --resume continues`]);
    expect(logWithoutTimes(dir)).toHaveLength(at);
    expect(at).toBeLessThan(60);
    expect(readdirSync(dir).sort()).toEqual(['checkpoint.json', 'log.jsonl']); // the lock released
    expect((await run(['train', '--resume', '--out', dir])).code).toBe(0);
    expect(logWithoutTimes(dir)).toEqual(logWithoutTimes(reference));
    expect(checkpointWithoutTimes(dir)).toEqual(checkpointWithoutTimes(reference));
    expect(readJsonFile(dir, 'eval.json')).toEqual(readJsonFile(reference, 'eval.json'));
  });

  it('compare on 2 workers stops every run after its write in progress; --resume gives the uninterrupted bits', async () => {
    const args = ['compare', '--algos', 'fomaml,maml', ...SMALL, '--set', 'iterations=200', '--workers', '2'];
    const whole = join(root, 'compare-whole');
    expect((await run([...args, '--out', whole])).code).toBe(0);
    const dir = join(root, 'compare');
    const r = await run([...args, '--out', dir], 'SIGTERM', { files: ['fomaml-seed0', 'maml-seed0'].map((run) => join(dir, run, 'checkpoint.json')) });
    expect(r.code).toBe(143);
    expect(lastLine(r.stderr)).toMatch(/^metarl: interrupted at iteration \d+: --resume continues$/);
    for (const run of ['fomaml-seed0', 'maml-seed0']) expect(readdirSync(join(dir, run)).sort()).toEqual(['checkpoint.json', 'log.jsonl']);
    expect((await run([...args, '--resume', '--out', dir])).code).toBe(0);
    for (const run of ['fomaml-seed0', 'maml-seed0']) {
      expect(logWithoutTimes(join(dir, run))).toEqual(logWithoutTimes(join(whole, run)));
      expect(readJsonFile(join(dir, run), 'eval.json')).toEqual(readJsonFile(join(whole, run), 'eval.json'));
    }
  });

  it('experiment stops on SIGINT with the run and iteration named; the same command continues to the uninterrupted bits', async () => {
    const tiny = JSON.parse(readFileSync('experiments/tiny.json', 'utf8'));
    const grid = join(root, 'grid.json');
    writeFileSync(grid, JSON.stringify({ ...tiny, base: { ...tiny.base, iterations: 60 } }));
    const whole = join(root, 'grid-whole');
    expect((await runCli(['experiment', grid, '--out', whole])).code).toBe(0);
    const dir = join(root, 'grid');
    // Its first stderr line is the grid's progress at the start; the runs are quiet.
    const r = await run(['experiment', grid, '--workers', '1', '--out', dir], 'SIGINT', 1);
    expect(r.code).toBe(130);
    expect(lastLine(r.stderr)).toMatch(new RegExp(`^metarl: interrupted at iteration \\d+ of ${dir}/cartpole/default/[a-z-]+-seed0: the same command continues$`));
    expect((await run(['experiment', grid, '--workers', '1', '--out', dir])).code).toBe(0);
    for (const run of ['maml-seed0', 'directed-maml-seed0']) {
      const [a, b] = [join(dir, 'cartpole/default', run), join(whole, 'cartpole/default', run)];
      expect(logWithoutTimes(a)).toEqual(logWithoutTimes(b));
      expect(readJsonFile(a, 'eval.json')).toEqual(readJsonFile(b, 'eval.json'));
    }
  });
});
