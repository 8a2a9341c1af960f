import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failingDisk } from '../helpers/failing-fs.js';
import { TINY, checkpointWithoutTimes, logWithoutTimes, readJsonFile, runCli } from '../helpers/cli-run.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-faults-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const args = [...TINY, '--seed', '5'];
const reference = join(root, 'reference');
beforeAll(async () => {
  expect((await runCli(['train', ...args, '--out', reference])).code).toBe(0);
});

function expectSameRun(dir: string): void {
  expect(logWithoutTimes(dir)).toEqual(logWithoutTimes(reference));
  expect(checkpointWithoutTimes(dir)).toEqual(checkpointWithoutTimes(reference));
  expect(readJsonFile(dir, 'eval.json')).toEqual(readJsonFile(reference, 'eval.json'));
  expect(readdirSync(dir).sort()).toEqual(['checkpoint.json', 'eval.json', 'log.jsonl']);
}

describe('train on a disk that fails', () => {
  it('continues short writes: every file whole, the run identical to one on a sound disk', async () => {
    const dir = join(root, 'short');
    const disk = failingDisk(Infinity, 64);
    expect((await runCli(['train', ...args, '--out', dir], { fs: disk.fs })).code).toBe(0);
    expect(disk.targets.map((t) => t.slice(dir.length + 1))).toEqual(['log.jsonl', 'checkpoint.json', 'log.jsonl', 'checkpoint.json', 'log.jsonl', 'checkpoint.json', 'eval.json']);
    expectSameRun(dir);
  });

  // Three iterations write log, checkpoint, log, checkpoint, log, checkpoint, then eval.json: the
  // disk fills up at each of these writes in turn. The log is written before the checkpoint, so a
  // failed checkpoint leaves the log one iteration ahead, which --resume must trim.
  it('fails at any write with exit 2 and one line naming the path and errno, the file intact; --resume then completes the same run', async () => {
    const order = ['log.jsonl', 'checkpoint.json', 'log.jsonl', 'checkpoint.json', 'log.jsonl', 'checkpoint.json', 'eval.json'];
    for (let n = 1; n <= order.length; n++) {
      const dir = join(root, `full-at-${n}`);
      const disk = failingDisk(n);
      const r = await runCli(['train', ...args, '--out', dir], { fs: disk.fs });
      const path = join(dir, order[n - 1]);
      expect(disk.failed?.path, `write ${n}`).toBe(path);
      expect(r.code).toBe(2);
      expect(r.err).toEqual([`metarl: cannot write ${path}: ENOSPC`]);
      expect(existsSync(path) ? readFileSync(path, 'utf8') : null).toBe(disk.failed?.before);
      if (order.slice(0, n - 1).includes(order[n - 1])) expect(disk.failed?.before).not.toBeNull(); // an earlier version, which survived
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const again = existsSync(join(dir, 'checkpoint.json')) ? ['train', '--resume', '--out', dir] : ['train', ...args, '--out', dir];
      const resumed = await runCli(again);
      expect(resumed.err, `write ${n}`).toEqual([]);
      expect(resumed.code).toBe(0);
      expectSameRun(dir);
    }
  });

  it('removes the temp files of killed writes when a run folder is opened, and keeps those of a live writer', async () => {
    const dir = join(root, 'stale');
    expect((await runCli(['train', ...args, '--iterations', '2', '--out', dir])).code).toBe(0);
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    const stale = [`.checkpoint.json.${dead}.0.4.tmp`, `.log.jsonl.${dead}.0.5.tmp`];
    const live = `.eval.json.${process.ppid}.0.1.tmp`;
    for (const name of [...stale, live]) writeFileSync(join(dir, name), '{"cut');
    expect((await runCli(['eval', dir])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([live, 'checkpoint.json', 'eval.json', 'log.jsonl'].sort());
    writeFileSync(join(dir, stale[0]), '{"cut');
    expect((await runCli(['train', '--resume', '--out', dir])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([live, 'checkpoint.json', 'eval.json', 'log.jsonl'].sort());
    rmSync(join(dir, live));
    expectSameRun(dir);
  });
});
