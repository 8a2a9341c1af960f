// File I/O for the CLI (Node only). A write either replaces the whole file or leaves the previous
// one intact: every byte goes to a temp file beside the target (short writes are continued), the
// temp file is fsynced, renamed over the target, and the directory fsynced so that the rename
// survives a power cut. Any failure removes the temp file and throws one FileError naming the path
// and the errno.
import { dirname } from 'node:path';
import { FileError, type FileSystem, errorCode, nodeFileSystem } from './file-system.js';
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
function syncDirectory(fs: FileSystem, dir: string): void {
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

export function readText(path: string, fs: FileSystem = nodeFileSystem): string {
  try {
    return fs.readFileSync(path);
  } catch (e) {
    throw new FileError(`cannot read ${path}: ${errorCode(e)}`);
  }
}

export function readJson(path: string, fs: FileSystem = nodeFileSystem): unknown {
  const text = readText(path, fs);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FileError(`${path} is not valid JSON: ${(e as Error).message}`);
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
