// The few synchronous file-system calls the CLI's I/O makes, behind one interface so that a test
// can hand in a disk that writes short, fills up or fails at a chosen call (Node only).
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';

export interface FileSystem {
  /** flags as Node's: 'w', 'wx' (create, fail if it exists), 'r'. */
  openSync(path: string, flags: string): number;
  /** Bytes actually written, which may be fewer than `length`. */
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  /** One level: fails if the parent does not exist. */
  mkdirSync(path: string): void;
  statSync(path: string): { isDirectory(): boolean };
  readdirSync(path: string): string[];
  readFileSync(path: string): string;
}

export const nodeFileSystem: FileSystem = {
  openSync: (path, flags) => openSync(path, flags),
  writeSync: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length),
  fsyncSync: (fd) => fsyncSync(fd),
  closeSync: (fd) => closeSync(fd),
  renameSync: (from, to) => renameSync(from, to),
  unlinkSync: (path) => unlinkSync(path),
  mkdirSync: (path) => void mkdirSync(path),
  statSync: (path) => statSync(path),
  readdirSync: (path) => readdirSync(path),
  readFileSync: (path) => readFileSync(path, 'utf8'),
};

/** A file that cannot be read or written: reported as one line naming the path and the errno, exit 2. */
export class FileError extends Error {}

/** The errno code of a failed call (ENOSPC, EACCES, ...), else its message. */
export function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}
