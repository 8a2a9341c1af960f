import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FileSystem, nodeFileSystem } from '../../src/io/file-system.js';
import { TINY, checkpointWithoutTimes, logWithoutTimes, runCli } from '../helpers/cli-run.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-run-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const args = [...TINY, '--seed', '3'];
const reference = join(root, 'reference');
beforeAll(async () => {
  expect((await runCli(['train', ...args, '--out', reference])).code).toBe(0);
});

describe('the run folder\'s log', () => {
  it('writes each iteration\'s line once: the bytes written to the log add up to the log\'s size', async () => {
    const dir = join(root, 'bytes');
    const logWrites: number[] = [];
    const logFds = new Set<number>();
    const fs: FileSystem = {
      ...nodeFileSystem,
      openSync: (p, f) => {
        const fd = nodeFileSystem.openSync(p, f);
        if (basename(p).includes('log.jsonl')) logFds.add(fd);
        else logFds.delete(fd);
        return fd;
      },
      writeSync: (fd, b, o, l) => {
        const n = nodeFileSystem.writeSync(fd, b, o, l);
        if (logFds.has(fd)) logWrites.push(n);
        return n;
      },
    };
    expect((await runCli(['train', ...args, '--set', 'iterations=12', '--out', dir], { fs })).code).toBe(0);
    const lines = readFileSync(join(dir, 'log.jsonl'), 'utf8').split('\n').slice(0, -1);
    expect(logWrites).toEqual(lines.map((l) => Buffer.byteLength(l) + 1));
  });

  it('refuses --resume when a line was edited into other valid JSON, naming the log and both checksums', async () => {
    const dir = join(root, 'edited');
    expect((await runCli(['train', ...args, '--iterations', '2', '--out', dir])).code).toBe(0);
    const path = join(dir, 'log.jsonl');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('"iteration":1,', '"iteration":1, '));
    const r = await runCli(['train', '--resume', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(new RegExp(`^metarl: ${path}: lines 1\\.\\.2 do not match the checkpoint's log checksum \\(the log was edited or corrupted\\): expected fnv1a64:[0-9a-f]{16}, got fnv1a64:[0-9a-f]{16}$`));
  });

  it('drops a line cut short past the checkpoint (a kill mid-append) and completes the same run', async () => {
    const dir = join(root, 'cut');
    expect((await runCli(['train', ...args, '--iterations', '2', '--out', dir])).code).toBe(0);
    appendFileSync(join(dir, 'log.jsonl'), '{"iteration":3,"retu');
    expect((await runCli(['train', '--resume', '--out', dir])).code).toBe(0);
    expect(logWithoutTimes(dir)).toEqual(logWithoutTimes(reference));
    expect(checkpointWithoutTimes(dir)).toEqual(checkpointWithoutTimes(reference));
  });

  it('resumes a checkpoint written before checkpoints carried a log checksum', async () => {
    const dir = join(root, 'old');
    expect((await runCli(['train', ...args, '--iterations', '2', '--out', dir])).code).toBe(0);
    const path = join(dir, 'checkpoint.json');
    const { logChecksum: _, ...old } = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify(old));
    expect((await runCli(['train', '--resume', '--out', dir])).code).toBe(0);
    expect(logWithoutTimes(dir)).toEqual(logWithoutTimes(reference));
  });
});

describe('a run folder that cannot be written', () => {
  it('fails train --resume and eval before any training or evaluation, naming the folder and errno', async () => {
    const dir = join(root, 'read-only');
    expect((await runCli(['train', ...args, '--iterations', '1', '--out', dir])).code).toBe(0);
    const before = statSync(join(dir, 'checkpoint.json')).mtimeMs;
    const readOnly: FileSystem = {
      ...nodeFileSystem,
      openSync: (p, f) => {
        if (f !== 'r') throw Object.assign(new Error('EROFS'), { code: 'EROFS' });
        return nodeFileSystem.openSync(p, f);
      },
    };
    for (const argv of [['train', '--resume', '--out', dir], ['eval', dir]]) {
      const r = await runCli(argv, { fs: readOnly });
      expect(r.code).toBe(2);
      expect(r.err).toEqual([`metarl: cannot create files in ${dir}: EROFS`]);
      expect(r.out).toEqual([]);
    }
    expect(statSync(join(dir, 'checkpoint.json')).mtimeMs).toBe(before);
  });
});

describe('config files', () => {
  it('refuses a device as --config, and a policy too large to checkpoint, before any work', async () => {
    const zero = await runCli(['train', '--config', '/dev/zero', '--out', join(root, 'zero')]);
    expect(zero.code).toBe(2);
    expect(zero.err).toEqual([`metarl: /dev/zero is a device, FIFO or socket, expected a regular file of at most 1048576 bytes (a config file)`]);
    const big = await runCli(['train', '--set', 'hidden=[4096,4096]', '--out', join(root, 'big')]);
    expect(big.code).toBe(2);
    expect(big.err).toEqual(['metarl: hidden is [4096,4096], expected hidden layer widths whose neighbouring products sum to at most 1048576 weights (this one: 16777216), e.g. [1024, 1024]']);
  });

  it('names a grid file and a grid\'s base.config as such when they are not regular files', async () => {
    const grid = await runCli(['experiment', '/dev/zero', '--out', join(root, 'grid-zero')]);
    expect([grid.code, grid.err]).toEqual([2, ['metarl: /dev/zero is a device, FIFO or socket, expected a regular file of at most 1048576 bytes (a grid file)']]);
    const file = join(root, 'base-zero.json');
    writeFileSync(file, JSON.stringify({ name: 'g', envs: ['cartpole'], algorithms: ['fomaml'], seeds: 1, base: { config: '/dev/zero' } }));
    const base = await runCli(['experiment', file, '--out', join(root, 'base-zero')]);
    expect([base.code, base.err]).toEqual([2, ['metarl: /dev/zero is a device, FIFO or socket, expected a regular file of at most 1048576 bytes (a config file)']]);
  });
});
