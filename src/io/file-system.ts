// The few synchronous file-system calls the CLI's I/O makes, behind one interface so that a test
// can hand in a disk that writes short, fills up or fails at a chosen call (Node only).
import { closeSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';

/** What the I/O asks of a stat: the kind of file, and its size in bytes. */
export interface FileStat {
  isDirectory(): boolean;
  isFile(): boolean;
  readonly size: number;
}

export interface FileSystem {
  /** flags as Node's: 'w', 'wx' (create, fail if it exists), 'a' (append), 'r'. */
  openSync(path: string, flags: string): number;
  /** Bytes actually written, which may be fewer than `length`. */
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  /** Bytes read from the current position, 0 at the end of the file. */
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  ftruncateSync(fd: number, length: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  /** One level: fails if the parent does not exist. */
  mkdirSync(path: string): void;
  /** Follows symbolic links. */
  statSync(path: string): FileStat;
  fstatSync(fd: number): FileStat;
  readdirSync(path: string): string[];
}

export const nodeFileSystem: FileSystem = {
  openSync: (path, flags) => openSync(path, flags),
  writeSync: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length),
  readSync: (fd, buffer, offset, length) => readSync(fd, buffer, offset, length, null),
  fsyncSync: (fd) => fsyncSync(fd),
  ftruncateSync: (fd, length) => ftruncateSync(fd, length),
  closeSync: (fd) => closeSync(fd),
  renameSync: (from, to) => renameSync(from, to),
  unlinkSync: (path) => unlinkSync(path),
  mkdirSync: (path) => void mkdirSync(path),
  statSync: (path) => statSync(path),
  fstatSync: (fd) => fstatSync(fd),
  readdirSync: (path) => readdirSync(path),
};

/** A file that cannot be read or written: reported as one line naming the path and the errno, exit 2. */
export class FileError extends Error {}

/** The errno code of a failed call (ENOSPC, EACCES, ...), else its message. */
export function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}
