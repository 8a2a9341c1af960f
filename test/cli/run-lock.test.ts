import { type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliProcesses } from '../helpers/cli-processes.js';
import { TINY, logWithoutTimes, runCli } from '../helpers/cli-run.js';

// Two writers on one run folder, as real processes: the second is refused while the first lives.
const { root, spawnCli } = cliProcesses('metarl-lock-');
/** A pid no process has: above Linux's pid_max ceiling. */
const DEAD_PID = 4194305;

function start(argv: string[]): { child: ChildProcess; firstLine: Promise<void>; exit: Promise<{ code: number | null; stderr: string }> } {
  const child = spawnCli(argv);
  let stderr = '';
  let seen: () => void = () => {};
  const firstLine = new Promise<void>((resolve) => (seen = resolve));
  child.stdout?.resume();
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (stderr.includes('\n')) seen();
  });
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      resolve({ code, stderr });
    }),
  );
  return { child, firstLine, exit };
}

describe('the run folder lock', () => {
  it('a second train on a folder a live train holds exits 2 with one line naming the holder', async () => {
    const dir = join(root, 'held');
    const first = start(['train', ...TINY, '--set', 'iterations=100000', '--out', dir]);
    await first.firstLine; // one iteration recorded: the lock is taken
    const second = start(['train', '--resume', '--out', dir]);
    const r = await second.exit;
    first.child.kill('SIGKILL');
    await first.exit;
    expect(r.code).toBe(2);
    const pid = first.child.pid as number;
    expect(r.stderr).toMatch(new RegExp(`^metarl: ${dir} is locked by pid ${pid} on ${hostname()} since \\d{4}-\\d\\d-\\d\\dT[^ ]+Z; ${join(dir, 'run.lock')} is released when it ends\\n$`));
  });

  it('a lock left by a dead pid on this host is taken over, and released at the end', async () => {
    const dir = join(root, 'stale');
    mkdirSync(dir);
    writeFileSync(join(dir, 'run.lock'), JSON.stringify({ host: hostname(), pid: DEAD_PID, thread: 0, started: '2020-01-01T00:00:00.000Z' }));
    const r = await runCli(['train', ...TINY, '--out', dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['checkpoint.json', 'eval.json', 'log.jsonl']);
    const reference = join(root, 'stale-reference');
    expect((await runCli(['train', ...TINY, '--out', reference])).code).toBe(0);
    expect(logWithoutTimes(dir)).toEqual(logWithoutTimes(reference));
  });

  it('a lock from another host is reported, not taken over', async () => {
    const dir = join(root, 'elsewhere');
    mkdirSync(dir);
    writeFileSync(join(dir, 'run.lock'), JSON.stringify({ host: 'node-17', pid: DEAD_PID, thread: 0, started: '2020-01-01T00:00:00.000Z' }));
    const r = await runCli(['train', ...TINY, '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`metarl: ${dir} is locked by pid ${DEAD_PID} on node-17 since 2020-01-01T00:00:00.000Z (another host: delete the lock if that process is gone); ${join(dir, 'run.lock')} is released when it ends`]);
    expect(existsSync(join(dir, 'log.jsonl'))).toBe(false);
  });

  it('train --resume --iterations below the run\'s iteration is refused; at it, after evaluation, there is nothing to train', async () => {
    const dir = join(root, 'done');
    expect((await runCli(['train', ...TINY, '--out', dir])).code).toBe(0);
    const below = await runCli(['train', '--resume', '--iterations', '2', '--out', dir]);
    expect([below.code, below.err]).toEqual([2, [`metarl: --iterations is 2, expected at least 3 (the iteration ${dir} is at)`]]);
    const at = await runCli(['train', '--resume', '--iterations', '3', '--out', dir]);
    expect([at.code, at.out]).toEqual([0, [`${dir} is at iteration 3 and evaluated: nothing to train`]]);
  });
});
