import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileError } from '../io/file-system.js';

/**
 * The version in metarl's own package.json, found by walking up from this module: the same code
 * runs as dist/cli.js in an installed package and as src/cli/version.ts under the tests, at
 * different depths below that file.
 */
export function packageVersion(from: URL = new URL(import.meta.url)): string {
  const start = dirname(fileURLToPath(from));
  for (let dir = start; ; dir = dirname(dir)) {
    const json = readPackageJson(join(dir, 'package.json'));
    if (json?.name === 'metarl' && typeof json.version === 'string') return json.version;
    if (dirname(dir) === dir) throw new FileError(`cannot find metarl's package.json above ${start}`);
  }
}

function readPackageJson(path: string): { name?: unknown; version?: unknown } | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    return null; // absent here (or not ours): keep walking up
  }
}
