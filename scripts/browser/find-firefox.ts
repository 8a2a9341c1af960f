import { executable, onPath } from './find-chromium.js';

/** Executable names of Firefox builds, Debian's ESR package first. */
const NAMES = ['firefox-esr', 'firefox'];

/**
 * The Firefox to drive: $FIREFOX if set (it must be executable), else the first of NAMES on the
 * PATH; null when there is none.
 */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string | null {
  const given = env.FIREFOX;
  if (given !== undefined && given !== '') {
    if (!executable(given)) throw new Error(`FIREFOX is ${JSON.stringify(given)}, expected the path of an executable Firefox`);
    return given;
  }
  return onPath(NAMES, env);
}
