// Names of the temp files that atomic writes go through, and the removal of those a killed
// process left behind (Node only).
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { FileError, type FileSystem, errorCode } from './file-system.js';

/** `.NAME.PID.THREAD.SEQ.tmp`: hidden, beside its target, unique among live writers. */
const TEMP_NAME = /^\..+\.(\d+)\.\d+\.\d+\.tmp$/;

let sequence = 0;

/** A fresh temp path beside `path`. */
export function tempPathFor(path: string): string {
  sequence += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${threadId}.${sequence}.tmp`);
}

export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

/**
 * True when another process that is still running may be writing this temp file (an `eval`
 * while `train` writes, say). This process has no write in flight when it opens a folder, since
 * every write is synchronous and one folder belongs to one thread.
 */
function writerMayBeAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === 'EPERM'; // exists, owned by someone else
  }
}

/** Removes temp files in `dir` whose writer is gone (killed mid-write); returns their names. */
export function removeStaleTemps(dir: string, fs: FileSystem): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    throw new FileError(`cannot list ${dir}: ${errorCode(e)}`);
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (match === null || writerMayBeAlive(Number(match[1]))) continue;
    const path = join(dir, name);
    try {
      fs.unlinkSync(path);
      removed.push(name);
    } catch (e) {
      if (errorCode(e) !== 'ENOENT') throw new FileError(`cannot remove ${path}: ${errorCode(e)}`);
    }
  }
  return removed;
}
