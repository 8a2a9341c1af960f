import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { thrown } from '../helpers/thrown.js';
import { afterAll, describe, expect, it } from 'vitest';
import { FILE_KINDS, MAX_JSON_DEPTH } from '../../src/io/file-kinds.js';
import { FileError, type FileSystem, nodeFileSystem } from '../../src/io/file-system.js';
import { appendDurably, readBytes, readJson } from '../../src/io/files.js';
import { jsonDepth } from '../../src/io/json-depth.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-bounded-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** node:fs that logs which calls touch file contents. */
function watchedFs(overrides: Partial<FileSystem> = {}): { fs: FileSystem; calls: string[] } {
  const calls: string[] = [];
  const base = { ...nodeFileSystem, ...overrides };
  return {
    calls,
    fs: {
      ...base,
      openSync: (p, f) => (calls.push(`open ${f}`), base.openSync(p, f)),
      readSync: (fd, b, o, l) => {
        const n = base.readSync(fd, b, o, l);
        calls.push(`read ${n}`);
        return n;
      },
      writeSync: (fd, b, o, l) => {
        const n = base.writeSync(fd, b, o, l);
        calls.push(`write ${n}`);
        return n;
      },
      fsyncSync: (fd) => (calls.push('fsync'), base.fsyncSync(fd)),
      ftruncateSync: (fd, n) => (calls.push(`ftruncate ${n}`), base.ftruncateSync(fd, n)),
    },
  };
}

const limit = FILE_KINDS.config.maxBytes;

describe('bounded reads', () => {
  it('refuses devices and folders before opening them, naming the file and the kind expected', () => {
    const { fs, calls } = watchedFs();
    expect(thrown(() => readJson('/dev/zero', fs, FILE_KINDS.config)).message).toBe(`/dev/zero is a device, FIFO or socket, expected a regular file of at most ${limit} bytes (a config file)`);
    expect(thrown(() => readJson(root, fs, FILE_KINDS.grid)).message).toBe(`${root} is a directory, expected a regular file of at most ${FILE_KINDS.grid.maxBytes} bytes (a grid file)`);
    expect(calls).toEqual([]);
  });

  it('refuses a file over its kind\'s limit without reading a byte of it', () => {
    const path = join(root, 'big.json');
    writeFileSync(path, '{}');
    truncateSync(path, FILE_KINDS.checkpoint.maxBytes + 1); // sparse: costs no disk
    const { fs, calls } = watchedFs();
    const e = thrown(() => readJson(path, fs, FILE_KINDS.checkpoint));
    expect(e).toBeInstanceOf(FileError);
    expect(e.message).toBe(`${path} is ${FILE_KINDS.checkpoint.maxBytes + 1} bytes, expected a regular file of at most ${FILE_KINDS.checkpoint.maxBytes} bytes (a checkpoint)`);
    expect(calls).toEqual(['open r']);
    truncateSync(path, limit);
    expect(thrown(() => readJson(path, fs, FILE_KINDS.config)).message).toBe(`${path} is not valid JSON (a config file)`); // at the limit: read
  });

  it('stops reading a file that reports size 0 but grows past the limit (as files in /proc do)', () => {
    const path = join(root, 'endless.json');
    writeFileSync(path, '');
    let served = 0;
    const endless = (_fd: number, b: Uint8Array, o: number, l: number): number => {
      b.fill(0x20, o, o + l);
      served += l;
      return l;
    };
    const e = thrown(() => readBytes(path, FILE_KINDS.config, watchedFs({ readSync: endless }).fs));
    expect(e.message).toBe(`${path} is more than ${limit} bytes, expected a regular file of at most ${limit} bytes (a config file)`);
    expect(served).toBe(limit + 1);
  });

  it('reads files that report size 0 whole, and never quotes a file\'s content in an error', () => {
    const environ = thrown(() => readJson('/proc/self/environ', nodeFileSystem, FILE_KINDS.config));
    expect(environ.message).toBe('/proc/self/environ is not valid JSON (a config file)');
    expect(readBytes('/proc/self/environ', FILE_KINDS.config).length).toBeGreaterThan(0);
    expect(thrown(() => readJson('/etc/passwd', nodeFileSystem, FILE_KINDS.config)).message).toBe('/etc/passwd is not valid JSON (a config file)');
  });

  it('measures nesting outside strings and refuses JSON nested deeper than the limit before parsing', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[{{\\"]]"}],"c":{}}')).toBe(3);
    expect(jsonDepth('"[["')).toBe(0);
    const path = join(root, 'deep.json');
    writeFileSync(path, `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`);
    expect(readJson(path, nodeFileSystem, FILE_KINDS.grid)).toHaveLength(1);
    writeFileSync(path, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(thrown(() => readJson(path, nodeFileSystem, FILE_KINDS.grid)).message).toBe(`${path} nests arrays and objects 100000 deep, expected at most ${MAX_JSON_DEPTH} (a grid file)`);
  });
});

describe('appendDurably', () => {
  it('appends and fsyncs; on a full disk cuts the file back to its previous length and names path and errno', () => {
    const path = join(root, 'log.jsonl');
    writeFileSync(path, 'line 1\n');
    const { fs, calls } = watchedFs();
    appendDurably(path, Buffer.from('line 2\n'), fs);
    expect(calls).toEqual(['open a', 'write 7', 'fsync']);
    let writes = 0;
    const full = watchedFs({
      writeSync: (fd, b, o, l) => {
        if (++writes > 1) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        return nodeFileSystem.writeSync(fd, b, o, Math.min(l, 3));
      },
    });
    expect(thrown(() => appendDurably(path, Buffer.from('line 3\n'), full.fs)).message).toBe(`cannot write ${path}: ENOSPC`);
    expect(full.calls).toEqual(['open a', 'write 3', 'ftruncate 14']);
    expect(readBytes(path, FILE_KINDS.log).toString()).toBe('line 1\nline 2\n');
  });
});
