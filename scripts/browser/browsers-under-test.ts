import { findChromium } from './find-chromium.js';
import { findFirefox } from './find-firefox.js';
import type { BrowserKind } from './launch.js';

/**
 * The browsers the browser tests run in, each with its executable or null where it is not found.
 * METARL_BROWSER=required (npm run test:browser) makes a missing one a failure instead of a skip.
 */

export const browserRequired = process.env.METARL_BROWSER === 'required';

export function browsersUnderTest(): [BrowserKind, string | null][] {
  return [['chromium', findChromium()], ['firefox', findFirefox()]];
}

/** The Debian package that provides a browser. */
export function packageOf(kind: BrowserKind): string {
  return kind === 'chromium' ? 'chromium' : 'firefox-esr';
}

/** The executable of a browser a test needs, or the error that says how to install it. */
export function requireExecutable(kind: BrowserKind, executable: string | null): string {
  if (executable === null) throw new Error(`${kind} is required but was not found: apt-get install ${packageOf(kind)}`);
  return executable;
}
