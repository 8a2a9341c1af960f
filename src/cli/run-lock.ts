// One writer per run folder: DIR/run.lock, created exclusively, holds the writer's host, pid and
// start time, so a second process (or thread) that would interleave its writes with the first is
// refused instead. A lock left by a process that died on this host is taken over; one from
// another host cannot be checked from here and is reported.
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { tempPathFor } from '../io/temp-files.js';
import { UsageError } from './args.js';

export const LOCK_FILE = 'run.lock';

/** What run.lock holds. */
export interface LockHolder {
  readonly host: string;
  readonly pid: number;
  /** The thread of that process, 0 for its main thread. */
  readonly thread: number;
  /** ISO 8601, UTC. */
  readonly started: string;
}

/** A run folder held by another live writer: exit 2, one line naming the holder. */
export class RunLockedError extends UsageError {}

/** The locks this thread holds, released on exit when nothing else released them. */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readRaw(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function readHolder(path: string): LockHolder | null {
  return parseHolder(readRaw(path));
}

function parseHolder(raw: string | null): LockHolder | null {
  if (raw === null) return null;
  try {
    const h = JSON.parse(raw) as Partial<LockHolder>;
    if (typeof h.host === 'string' && Number.isInteger(h.pid) && typeof h.started === 'string') return { host: h.host, pid: h.pid as number, thread: Number.isInteger(h.thread) ? (h.thread as number) : 0, started: h.started };
  } catch {
    // missing (released meanwhile) or not a lock this module wrote
  }
  return null;
}

function describe(h: LockHolder): string {
  return `pid ${h.pid}${h.thread === 0 ? '' : ` thread ${h.thread}`} on ${h.host} since ${h.started}`;
}

/**
 * Creates `path` holding `holder`, or returns false when it exists. The content is written to a
 * file of its own first and hard-linked into place, so the lock never exists empty or half written
 * (another process reading it then would take it for a stale one). The draft is named as every
 * temp file is, so one a kill left behind is removed when the folder is next opened.
 */
function tryCreate(path: string, holder: LockHolder): boolean {
  const draft = tempPathFor(path);
  writeFileSync(draft, `${JSON.stringify(holder)}\n`);
  try {
    linkSync(draft, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    removeQuietly(draft);
  }
}

/** The live writer holding DIR's lock (on this host, or any on another host), or null when it is free. */
export function lockHolder(dir: string): LockHolder | null {
  const holder = readHolder(join(dir, LOCK_FILE));
  return holder !== null && (holder.host !== hostname() || isAlive(holder.pid)) ? holder : null;
}

/** A held lock on one run folder. */
export class RunLock {
  private constructor(readonly path: string) {}

  /**
   * Takes DIR/FILE, or throws RunLockedError naming its live holder. A lock whose pid is gone on
   * this host is taken over, and so is an unreadable one (never written by this module).
   */
  static acquire(dir: string, file: string = LOCK_FILE): RunLock {
    const path = join(dir, file);
    const me: LockHolder = { host: hostname(), pid: process.pid, thread: threadId, started: new Date().toISOString() };
    for (let attempt = 0; attempt < 3; attempt++) {
      if (tryCreate(path, me)) {
        held.add(path);
        return new RunLock(path);
      }
      const raw = readRaw(path);
      const holder = parseHolder(raw);
      if (holder !== null && (holder.host !== me.host || isAlive(holder.pid))) {
        const where = holder.host === me.host ? '' : ' (another host: delete the lock if that process is gone)';
        throw new RunLockedError(`${dir} is locked by ${describe(holder)}${where}; ${path} is released when it ends`);
      }
      // Only the stale lock read above: another process may have taken it over meanwhile.
      if (readRaw(path) === raw) removeQuietly(path);
    }
    throw new RunLockedError(`${dir}: could not take ${path}`);
  }

  release(): void {
    if (held.delete(this.path)) removeQuietly(this.path);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `work` holding DIR/FILE, waiting while another writer holds it: for the grid folder's few
 * small writes, which every process on one grid makes at its start.
 */
export function withFolderLockWaiting<T>(dir: string, file: string, work: () => T): T {
  for (let attempt = 0; ; attempt++) {
    let lock: RunLock;
    try {
      lock = RunLock.acquire(dir, file);
    } catch (e) {
      if (!(e instanceof RunLockedError) || attempt >= 500) throw e;
      Atomics.wait(pause, 0, 0, 10);
      continue;
    }
    try {
      return work();
    } finally {
      lock.release();
    }
  }
}

/** Runs `work` holding the lock of `dir`, released however it ends. */
export async function withRunLock<T>(dir: string, work: () => T | Promise<T>): Promise<T> {
  const lock = RunLock.acquire(dir);
  try {
    return await work();
  } finally {
    lock.release();
  }
}

process.on('exit', () => {
  for (const path of held) removeQuietly(path);
  held.clear();
});
