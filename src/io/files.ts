// File I/O for the CLI (Node only). A write either replaces the whole file or leaves the previous
// one intact: every byte goes to a temp file beside the target (short writes are continued), the
// temp file is fsynced, renamed over the target, and the directory fsynced so that the rename
// survives a power cut. Any failure removes the temp file and throws one FileError naming the path
// and the errno.
import { dirname } from 'node:path';
import { FILE_KINDS, type FileKind, MAX_JSON_DEPTH } from './file-kinds.js';
import { FileError, type FileStat, type FileSystem, errorCode, nodeFileSystem } from './file-system.js';
import { jsonDepth } from './json-depth.js';
import { tempPathFor } from './temp-files.js';

export { FileError } from './file-system.js';

/** writeSync may write fewer bytes than asked (a nearly full disk): continue until all are written. */
function writeAll(fs: FileSystem, fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    const written = fs.writeSync(fd, bytes, offset, bytes.length - offset);
    if (!(written > 0)) throw new Error(`no progress after ${offset} of ${bytes.length} bytes`);
    offset += written;
  }
}

/** Makes a rename in `dir` durable; file systems that cannot fsync a directory are let be. */
export function syncDirectory(fs: FileSystem, dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } catch (e) {
    const code = errorCode(e);
    if (code !== 'EISDIR' && code !== 'EINVAL') throw e;
  } finally {
    fs.closeSync(fd);
  }
}

export function writeFileAtomic(path: string, text: string, fs: FileSystem = nodeFileSystem): void {
  const bytes = Buffer.from(text, 'utf8');
  const temp = tempPathFor(path);
  let fd: number | null = null;
  let renamed = false;
  try {
    fd = fs.openSync(temp, 'wx');
    writeAll(fs, fd, bytes);
    fs.fsyncSync(fd);
    const open = fd;
    fd = null;
    fs.closeSync(open);
    fs.renameSync(temp, path);
    renamed = true;
    syncDirectory(fs, dirname(path));
  } catch (e) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        // the write already failed: that error is the one to report
      }
    }
    if (!renamed) {
      try {
        fs.unlinkSync(temp);
      } catch {
        // never created, or already gone
      }
    }
    throw new FileError(`cannot write ${path}: ${errorCode(e)}`);
  }
}

/**
 * Appends `bytes` to the file at `path` (created if missing) and fsyncs it. A failed append cuts
 * the file back to its previous length where it can; where it cannot (a kill), the cut line is
 * what a reader of the file must expect at its end.
 */
export function appendDurably(path: string, bytes: Uint8Array, fs: FileSystem = nodeFileSystem): void {
  let fd: number | null = null;
  let before = -1;
  try {
    fd = fs.openSync(path, 'a');
    before = fs.fstatSync(fd).size;
    writeAll(fs, fd, bytes);
    fs.fsyncSync(fd);
    const open = fd;
    fd = null;
    fs.closeSync(open);
  } catch (e) {
    if (fd !== null) {
      try {
        if (before >= 0) fs.ftruncateSync(fd, before);
        fs.closeSync(fd);
      } catch {
        // the append already failed: that error is the one to report
      }
    }
    throw new FileError(`cannot write ${path}: ${errorCode(e)}`);
  }
}

function describeKind(stat: FileStat): string {
  return stat.isDirectory() ? 'a directory' : 'a device, FIFO or socket';
}

/**
 * The bytes of a regular file of at most `kind.maxBytes`. The kind of file is checked before it is
 * opened (a FIFO would block the open) and the size limit before and while it is read (files in
 * /proc report size 0), so a device or an endless file is refused without reading it.
 */
export function readBytes(path: string, kind: FileKind, fs: FileSystem = nodeFileSystem): Buffer {
  const refuse = (what: string): never => {
    throw new FileError(`${path} is ${what}, expected a regular file of at most ${kind.maxBytes} bytes (${kind.what})`);
  };
  let fd: number | null = null;
  try {
    let stat = fs.statSync(path);
    if (!stat.isFile()) refuse(describeKind(stat));
    fd = fs.openSync(path, 'r');
    stat = fs.fstatSync(fd);
    if (!stat.isFile()) refuse(describeKind(stat));
    if (stat.size > kind.maxBytes) refuse(`${stat.size} bytes`);
    let buffer = Buffer.allocUnsafe(Math.min(kind.maxBytes, stat.size) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > kind.maxBytes) refuse(`more than ${kind.maxBytes} bytes`);
        const grown = Buffer.allocUnsafe(Math.min(kind.maxBytes + 1, Math.max(2 * buffer.length, 65536)));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const n = fs.readSync(fd, buffer, length, buffer.length - length);
      if (n === 0) break;
      length += n;
    }
    if (length > kind.maxBytes) refuse(`more than ${kind.maxBytes} bytes`);
    return buffer.subarray(0, length);
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(`cannot read ${path}: ${errorCode(e)}`);
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

export function readText(path: string, fs: FileSystem = nodeFileSystem, kind: FileKind = FILE_KINDS.text): string {
  return readBytes(path, kind, fs).toString('utf8');
}

/** Parsed JSON of a file of `kind`; errors name the file and what is wrong, never its content. */
export function readJson(path: string, fs: FileSystem = nodeFileSystem, kind: FileKind = FILE_KINDS.json): unknown {
  const text = readText(path, fs, kind);
  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH) throw new FileError(`${path} nests arrays and objects ${depth} deep, expected at most ${MAX_JSON_DEPTH} (${kind.what})`);
  try {
    return JSON.parse(text);
  } catch {
    throw new FileError(`${path} is not valid JSON (${kind.what})`);
  }
}

/** 'directory', 'other' (a file, a device...) or 'missing'; any other failure is a FileError. */
export function pathKind(path: string, fs: FileSystem = nodeFileSystem): 'directory' | 'other' | 'missing' {
  try {
    return fs.statSync(path).isDirectory() ? 'directory' : 'other';
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw new FileError(`cannot access ${path}: ${code}`);
  }
}
