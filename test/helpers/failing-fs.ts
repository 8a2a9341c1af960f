import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type FileSystem, nodeFileSystem } from '../../src/io/file-system.js';

/** The file an open writes: an append's own, or the one a temp file `.NAME.PID.THREAD.SEQ.tmp` stands in for; null for reads and the writability probe. */
function targetOf(temp: string, flags: string): string | null {
  if (flags === 'a') return temp;
  const m = /^\.(.+)\.\d+\.\d+\.\d+\.tmp$/.exec(basename(temp));
  return m === null || m[1] === 'probe' ? null : join(dirname(temp), m[1]);
}

export interface FailingDisk {
  readonly fs: FileSystem;
  /** Every file written (each atomic write's target, each append's file), in order. */
  readonly targets: string[];
  /** The target of the write that failed, and its content just before (null: it did not exist). */
  failed: { path: string; before: string | null } | null;
}

/**
 * node:fs whose `n`-th file write (counting atomic writes and appends, not the folder probe) writes a few bytes
 * short and then fails with ENOSPC, as a disk that fills up; n = Infinity never fails. `chunk`
 * caps every write call, so writes come back short all along.
 */
export function failingDisk(n: number, chunk = Infinity): FailingDisk {
  let failing: number | null = null;
  let failedOnce = false;
  const disk: FailingDisk = {
    targets: [],
    failed: null,
    fs: {
      ...nodeFileSystem,
      openSync: (path, flags) => {
        const fd = nodeFileSystem.openSync(path, flags);
        const target = targetOf(path, flags);
        if (target !== null) {
          disk.targets.push(target);
          if (disk.targets.length === n) {
            failing = fd;
            disk.failed = { path: target, before: existsSync(target) ? readFileSync(target, 'utf8') : null };
          }
        }
        return fd;
      },
      writeSync: (fd, buffer, offset, length) => {
        if (fd === failing) {
          if (failedOnce) {
            failing = null; // the descriptor number may be reused after close
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          }
          failedOnce = true;
          return nodeFileSystem.writeSync(fd, buffer, offset, Math.min(length, 10));
        }
        return nodeFileSystem.writeSync(fd, buffer, offset, Math.min(length, chunk));
      },
    },
  };
  return disk;
}
