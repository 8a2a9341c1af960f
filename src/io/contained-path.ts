// Paths built from names read out of files, kept inside the folder they are meant for (Node only).
// The check reads the real disk (lstat, realpath) rather than the injectable FileSystem: a link
// is a property of the disk the writes will reach.
import { lstatSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { FileError, errorCode } from './file-system.js';

/** Whether `path` is `folder` or lies under it, by their names alone (links are not looked at). */
export function isInsideFolder(folder: string, path: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Null when nothing is at `path`; a link is not followed. */
function isLink(path: string): boolean | null {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new FileError(`cannot access ${path}: ${code}`);
  }
}

/**
 * `join(root, inner)`, or one FileError when that path would leave `root`: `inner` absolute or
 * climbing out with "..", or an existing folder or file on the way from `root` to it being a
 * symbolic link that leads outside `root`. `root` itself may be a link (the user named it).
 */
export function containedPath(root: string, inner: string): string {
  const target = join(root, inner);
  if (isAbsolute(inner) || !isInsideFolder(root, target)) throw new FileError(`${target} lies outside ${root}, expected a path inside it`);
  if (isLink(root) === null) return target;
  const realRoot = realpathSync(root);
  let current = root;
  for (const part of relative(resolve(root), resolve(target)).split(sep).filter((p) => p !== '')) {
    current = join(current, part);
    const link = isLink(current);
    if (link === null) break;
    if (!link) continue;
    const real = realpathOrNull(current);
    if (real === null || !isInsideFolder(realRoot, real)) throw new FileError(`${current} is a symbolic link out of ${root}, expected a file or folder inside it (writes never follow a link out of their folder)`);
  }
  return target;
}

/** Null for a dangling link, which is refused: what it will lead to is not there yet. */
function realpathOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}
