import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Executable names of Chromium builds, Debian's package first. */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

export function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium to drive: $CHROMIUM if set (it must be executable), else the first of NAMES on the
 * PATH; null when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const given = env.CHROMIUM;
  if (given !== undefined && given !== '') {
    if (!executable(given)) throw new Error(`CHROMIUM is ${JSON.stringify(given)}, expected the path of an executable Chromium`);
    return given;
  }
  return onPath(NAMES, env);
}

/** The first of `names` found executable on the PATH, or null. */
export function onPath(names: readonly string[], env: NodeJS.ProcessEnv = process.env): string | null {
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  for (const name of names) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (executable(path)) return path;
    }
  }
  return null;
}
