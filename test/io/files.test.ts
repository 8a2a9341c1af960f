import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { thrown } from '../helpers/thrown.js';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureWritableDirectory } from '../../src/io/directories.js';
import { FileError, type FileSystem, nodeFileSystem } from '../../src/io/file-system.js';
import { readJson, writeFileAtomic } from '../../src/io/files.js';
import { isTempName, removeStaleTemps } from '../../src/io/temp-files.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-io-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function errno(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** node:fs, with every call logged as `name arg` (paths relative to `dir`) and some calls overridden. */
function recordingFs(dir: string, overrides: Partial<FileSystem> = {}): { fs: FileSystem; calls: string[] } {
  const calls: string[] = [];
  const rel = (p: string): string => (p.startsWith(dir) ? p.slice(dir.length + 1) || '.' : p);
  const base = { ...nodeFileSystem, ...overrides };
  const fs: FileSystem = {
    ...base,
    openSync: (p, flags) => (calls.push(`open ${rel(p)} ${flags}`), base.openSync(p, flags)),
    writeSync: (fd, b, o, l) => {
      const n = base.writeSync(fd, b, o, l);
      calls.push(`write ${n}`);
      return n;
    },
    fsyncSync: (fd) => (calls.push('fsync'), base.fsyncSync(fd)),
    closeSync: (fd) => (calls.push('close'), base.closeSync(fd)),
    renameSync: (a, b) => (calls.push(`rename ${rel(a)} ${rel(b)}`), base.renameSync(a, b)),
    unlinkSync: (p) => (calls.push(`unlink ${rel(p)}`), base.unlinkSync(p)),
  };
  return { fs, calls };
}

function freshDir(name: string): string {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  ensureWritableDirectory(dir);
  return dir;
}

const text = `{"é":"${'x€𝄞'.repeat(300)}"}\n`; // 2,410 UTF-8 bytes, 1-, 3- and 4-byte characters

describe('writeFileAtomic', () => {
  it('writes every byte to a temp file, fsyncs it, renames it over the target, then fsyncs the folder', () => {
    const dir = freshDir('order');
    const { fs, calls } = recordingFs(dir);
    writeFileAtomic(join(dir, 'log.jsonl'), text, fs);
    expect(readFileSync(join(dir, 'log.jsonl'), 'utf8')).toBe(text);
    const temp = calls[0].split(' ')[1];
    expect(isTempName(temp)).toBe(true);
    expect(temp).toMatch(new RegExp(`^\\.log\\.jsonl\\.${process.pid}\\.\\d+\\.\\d+\\.tmp$`));
    expect(calls).toEqual([`open ${temp} wx`, `write ${Buffer.byteLength(text)}`, 'fsync', 'close', `rename ${temp} log.jsonl`, 'open . r', 'fsync', 'close']);
    expect(readdirSync(dir)).toEqual(['log.jsonl']);
  });

  it('continues short writes until every byte is written, even one cut inside a character', () => {
    const dir = freshDir('short');
    const short = (fd: number, b: Uint8Array, o: number, l: number): number => nodeFileSystem.writeSync(fd, b, o, Math.min(l, 7));
    const { fs, calls } = recordingFs(dir, { writeSync: short });
    writeFileAtomic(join(dir, 'checkpoint.json'), text, fs);
    expect(readFileSync(join(dir, 'checkpoint.json'), 'utf8')).toBe(text);
    const bytes = Buffer.byteLength(text);
    expect(calls.filter((c) => c.startsWith('write'))).toHaveLength(Math.ceil(bytes / 7));
    expect(calls.filter((c) => c === 'write 7')).toHaveLength(Math.floor(bytes / 7));
  });

  it('on a full disk (short write, then ENOSPC) leaves the previous file intact, removes the temp file, names path and errno', () => {
    const dir = freshDir('full');
    const path = join(dir, 'checkpoint.json');
    writeFileSync(path, 'previous content');
    let writes = 0;
    const full = (fd: number, b: Uint8Array, o: number, l: number): number => {
      if (++writes > 1) throw errno('ENOSPC');
      return nodeFileSystem.writeSync(fd, b, o, Math.min(l, 1000));
    };
    const e = thrown(() => writeFileAtomic(path, text, recordingFs(dir, { writeSync: full }).fs));
    expect(e).toBeInstanceOf(FileError);
    expect(e.message).toBe(`cannot write ${path}: ENOSPC`);
    expect(readFileSync(path, 'utf8')).toBe('previous content');
    expect(readdirSync(dir)).toEqual(['checkpoint.json']);
  });

  it('refuses a write that makes no progress instead of looping on it', () => {
    const dir = freshDir('stuck');
    const path = join(dir, 'log.jsonl');
    const e = thrown(() => writeFileAtomic(path, 'abc', recordingFs(dir, { writeSync: () => 0 }).fs));
    expect(e.message).toBe(`cannot write ${path}: no progress after 0 of 3 bytes`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the previous file when fsync or rename fails, and reports a failed folder fsync after the rename', () => {
    const dir = freshDir('later');
    const path = join(dir, 'eval.json');
    writeFileSync(path, 'old');
    const failFsync = thrown(() => writeFileAtomic(path, 'new', recordingFs(dir, { fsyncSync: () => { throw errno('EIO'); } }).fs));
    expect(failFsync.message).toBe(`cannot write ${path}: EIO`);
    const failRename = thrown(() => writeFileAtomic(path, 'new', recordingFs(dir, { renameSync: () => { throw errno('EXDEV'); } }).fs));
    expect(failRename.message).toBe(`cannot write ${path}: EXDEV`);
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['eval.json']);
    let fsyncs = 0;
    const secondFsyncFails = (fd: number): void => {
      if (++fsyncs === 2) throw errno('EIO');
      nodeFileSystem.fsyncSync(fd);
    };
    expect(thrown(() => writeFileAtomic(path, 'new', recordingFs(dir, { fsyncSync: secondFsyncFails }).fs)).message).toBe(`cannot write ${path}: EIO`);
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['eval.json']);
  });

  it('reads back what it wrote, and names a file that is missing or not JSON', () => {
    const dir = freshDir('read');
    writeFileAtomic(join(dir, 'a.json'), text);
    expect(readJson(join(dir, 'a.json'))).toEqual(JSON.parse(text));
    expect(thrown(() => readJson(join(dir, 'none.json'))).message).toBe(`cannot read ${join(dir, 'none.json')}: ENOENT`);
    writeFileSync(join(dir, 'cut.json'), text.slice(0, 40));
    expect(thrown(() => readJson(join(dir, 'cut.json'))).message).toMatch(new RegExp(`^${join(dir, 'cut.json')} is not valid JSON`));
  });
});

describe('removeStaleTemps', () => {
  it("removes the temp files of dead writers and of this process, keeps a live writer's and every other file", () => {
    const dir = freshDir('stale');
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number; // has exited
    const names = {
      dead: `.checkpoint.json.${dead}.0.3.tmp`,
      own: `.log.jsonl.${process.pid}.1.12.tmp`,
      live: `.log.jsonl.${process.ppid}.0.1.tmp`,
      kept: ['log.jsonl', '.hidden', '.x.tmp', 'a.123.0.1.tmp', '.log.jsonl.12.tmp.bak'],
    };
    for (const name of [names.dead, names.own, names.live, ...names.kept]) writeFileSync(join(dir, name), 'x');
    expect(removeStaleTemps(dir, nodeFileSystem).sort()).toEqual([names.dead, names.own].sort());
    expect(readdirSync(dir).sort()).toEqual([names.live, ...names.kept].sort());
  });
});

describe('ensureWritableDirectory', () => {
  it('creates missing parents one level at a time', () => {
    const dir = join(root, 'deep', 'a', 'b');
    const { fs, calls } = recordingFs(root, { mkdirSync: (p) => (calls.push(`mkdir ${p.slice(root.length + 1)}`), nodeFileSystem.mkdirSync(p)) });
    ensureWritableDirectory(dir, fs);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(calls.filter((c) => c.startsWith('mkdir'))).toEqual(['mkdir deep', 'mkdir deep/a', 'mkdir deep/a/b']);
    expect(readdirSync(dir)).toEqual([]); // the probe file is gone
    ensureWritableDirectory(dir, fs); // exists: fine
  });

  it('fsyncs each new folder\'s parent after making it, so the new entries survive a power cut', () => {
    const dir = join(root, 'synced', 'a');
    const { fs, calls } = recordingFs(root, { mkdirSync: (p) => (calls.push(`mkdir ${p.slice(root.length + 1)}`), nodeFileSystem.mkdirSync(p)) });
    ensureWritableDirectory(dir, fs);
    expect(calls.filter((c) => !c.startsWith('close') && !c.startsWith('unlink') && !c.includes(' wx'))).toEqual(['mkdir synced', 'open . r', 'fsync', 'mkdir synced/a', 'open synced r', 'fsync']);
  });

  it('fails at once, naming the path and errno, where a folder cannot be made or written', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    expect(thrown(() => ensureWritableDirectory(file)).message).toBe(`${file} exists and is not a directory`);
    expect(thrown(() => ensureWritableDirectory(join(file, 'sub', 'dir'))).message).toBe(`${file} exists and is not a directory`);
    expect(thrown(() => ensureWritableDirectory('')).message).toBe('the directory path is empty');
    // mkdir failing with ENOENT under an existing parent, as in /proc, where recursive mkdir spins
    const noMkdir = recordingFs(root, { mkdirSync: () => { throw errno('ENOENT'); } }).fs;
    expect(thrown(() => ensureWritableDirectory(join(root, 'proc-like', 'x'), noMkdir)).message).toBe(`cannot create directory ${join(root, 'proc-like')}: ENOENT`);
    expect(thrown(() => ensureWritableDirectory('/proc/anything/x')).message).toBe('cannot create directory /proc/anything: ENOENT');
    const readOnly = recordingFs(root, { openSync: () => { throw errno('EROFS'); } }).fs;
    expect(thrown(() => ensureWritableDirectory(root, readOnly)).message).toBe(`cannot create files in ${root}: EROFS`);
  });
});
