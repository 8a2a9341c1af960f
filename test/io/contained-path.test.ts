import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { containedPath, isInsideFolder } from '../../src/io/contained-path.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-contained-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a path kept inside its folder', () => {
  const out = join(root, 'out');
  const outside = join(root, 'outside');
  mkdirSync(join(out, 'inner'), { recursive: true });
  mkdirSync(outside);

  it('joins a name inside the folder, existing or not', () => {
    expect(containedPath(out, 'figures/a.svg')).toBe(join(out, 'figures/a.svg'));
    expect(containedPath(out, 'inner/../results.md')).toBe(join(out, 'results.md'));
  });

  it('refuses climbing out and absolute paths with one line naming both', () => {
    expect(() => containedPath(out, '../../../escape/pwned-cartpole-iterations.svg')).toThrow(`${join(out, '../../../escape/pwned-cartpole-iterations.svg')} lies outside ${out}, expected a path inside it`);
    expect(() => containedPath(out, '/etc/passwd')).toThrow(`${join(out, '/etc/passwd')} lies outside ${out}, expected a path inside it`);
  });

  it('refuses a link out of the folder, its own or a dangling one, and allows one that stays inside', () => {
    symlinkSync(outside, join(out, 'figures'));
    symlinkSync(join(outside, 'gone'), join(out, 'dangling'));
    symlinkSync(join(out, 'inner'), join(out, 'alias'));
    writeFileSync(join(outside, 'secret'), 'x');
    symlinkSync(join(outside, 'secret'), join(out, 'inner', 'results.md'));
    const refused = (p: string): string => `${p} is a symbolic link out of ${out}, expected a file or folder inside it (writes never follow a link out of their folder)`;
    expect(() => containedPath(out, 'figures/a.svg')).toThrow(refused(join(out, 'figures')));
    expect(() => containedPath(out, 'dangling/a.svg')).toThrow(refused(join(out, 'dangling')));
    expect(() => containedPath(out, 'inner/results.md')).toThrow(refused(join(out, 'inner', 'results.md')));
    expect(containedPath(out, 'alias/a.svg')).toBe(join(out, 'alias/a.svg'));
  });

  it('lets the folder itself be a link: the user named it', () => {
    const linked = join(root, 'linked-out');
    symlinkSync(outside, linked);
    expect(containedPath(linked, 'results.md')).toBe(join(linked, 'results.md'));
  });

  it('compares by whole segments: a sibling whose name starts with the folder\'s is outside', () => {
    expect([isInsideFolder('/a/b', '/a/b'), isInsideFolder('/a/b', '/a/b/c'), isInsideFolder('/a/b', '/a/bc'), isInsideFolder('/a/b', '/a/b/../c'), isInsideFolder('/a/b', '/a/b/..c')]).toEqual([true, true, false, false, true]);
  });
});
