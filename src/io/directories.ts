// Output folders, checked before any work (Node only). Node's recursive mkdir spins forever where
// a mkdir fails with ENOENT under an existing parent (/proc): here each missing level is created
// once, parent first, its parent fsynced, and the first failure is reported.
import { dirname, join } from 'node:path';
import { FileError, type FileSystem, errorCode, nodeFileSystem } from './file-system.js';
import { pathKind, syncDirectory } from './files.js';
import { tempPathFor } from './temp-files.js';

/**
 * Makes `path` an existing directory this process can create files in, creating missing parents;
 * otherwise throws one FileError naming the path and the reason.
 */
export function ensureWritableDirectory(path: string, fs: FileSystem = nodeFileSystem): void {
  if (path === '') throw new FileError('the directory path is empty');
  const missing: string[] = [];
  // dirname reaches a fixed point ('.' or '/'), which exists, so this walk ends.
  for (let current = path; ; current = dirname(current)) {
    const kind = pathKind(current, fs);
    if (kind === 'directory') break;
    if (kind === 'other') throw new FileError(`${current} exists and is not a directory`);
    missing.push(current);
    if (dirname(current) === current) break;
  }
  for (const dir of missing.reverse()) {
    try {
      fs.mkdirSync(dir);
    } catch (e) {
      if (errorCode(e) !== 'EEXIST' || pathKind(dir, fs) !== 'directory') throw new FileError(`cannot create directory ${dir}: ${errorCode(e)}`);
      continue; // another process made it, and syncs it
    }
    // The new entry in its parent survives a power cut only once the parent is fsynced.
    try {
      syncDirectory(fs, dirname(dir));
    } catch (e) {
      throw new FileError(`cannot sync directory ${dirname(dir)}: ${errorCode(e)}`);
    }
  }
  // Permission bits do not tell (root passes them, /proc refuses anyway): create a file and remove it.
  const probe = tempPathFor(join(path, 'probe'));
  try {
    fs.closeSync(fs.openSync(probe, 'wx'));
    fs.unlinkSync(probe);
  } catch (e) {
    throw new FileError(`cannot create files in ${path}: ${errorCode(e)}`);
  }
}
