import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The CLI bundled from the current sources into `dir` (dist/ may be stale while src changes), for
 * tests that need a real process or worker threads. Same options as scripts/build.mjs.
 */
export async function buildCli(dir: string): Promise<{ path: string; url: URL }> {
  const path = join(dir, 'cli.mjs');
  await build({ entryPoints: ['src/cli/bin.ts'], outfile: path, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error' });
  return { path, url: pathToFileURL(path) };
}
