import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFolders, repoRoot } from '../helpers/reference-data.js';

// The reference data lives in the repository as copies of the shared reference folders. Beside a
// checkout that has ../shared, each copy must still be its source byte for byte; a clone without
// it has only the copies, and this is the one test that notices the absence.

const sharedDir = join(repoRoot, '..', 'shared');
const folders = Object.entries(dataFolders);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => relative(dir, join(f.parentPath, f.name)))
    .sort();
}

describe('reference data', () => {
  it('test/data/README.md names each copied folder and its source, as the tests read them', () => {
    const readme = readFileSync(join(repoRoot, 'test', 'data', 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([^`]+)\/` \| `\.\.\/shared\/([^`]+)\/` \|/gm)].map((m) => [m[2], m[1]]);
    expect(rows).toEqual(folders);
  });

  const present = existsSync(sharedDir);
  const skipped = present ? '' : ' (skipped: no ../shared beside the repository)';
  for (const [source, copy] of folders) {
    it.skipIf(!present)(`${copy} holds every file of ../shared/${source}, byte for byte${skipped}`, () => {
      const files = filesUnder(join(sharedDir, source));
      expect(files.length).toBeGreaterThan(0);
      expect(filesUnder(join(repoRoot, copy))).toEqual(files);
      for (const file of files) {
        const same = readFileSync(join(sharedDir, source, file)).equals(readFileSync(join(repoRoot, copy, file)));
        expect(same, `${copy}/${file} differs from ../shared/${source}/${file}`).toBe(true);
      }
    });
  }
});
