import { describe, expect, it } from 'vitest';
import { NAME_EXPECTED, SAFE_NAME, isSafeName } from '../../src/validation/names.js';
import { type Fail, checked } from '../../src/validation/schema.js';
import { badValue } from '../../src/validation/values.js';

describe('the name pattern', () => {
  it('admits one path segment of letters, digits, ".", "_" and "-", starting with a letter or digit', () => {
    expect(['paper', 'ablation-cartpole', 'alpha-0.1', 'every_2nd', 'A1', 'a..b', 'x'.repeat(64)].map(isSafeName)).toEqual([true, true, true, true, true, true, true]);
  });

  it('refuses separators, dot segments, leading dots and dashes, spaces, control characters, non-strings and long names', () => {
    const bad: unknown[] = ['../../../escape/pwned', 'a/b', 'a\\b', '..', '.', '.hidden', '-rf', 'a b', 'a\nb', '', 'é', 'x'.repeat(65), 7, null, undefined];
    expect(bad.map(isSafeName)).toEqual(bad.map(() => false));
  });

  it('names the field and the pattern in one line', () => {
    expect(NAME_EXPECTED).toBe('a name matching [A-Za-z0-9][A-Za-z0-9._-]* of at most 64 characters');
    const fail: Fail = (path, value, expected) => {
      throw new Error(badValue(path, value, expected));
    };
    expect(() => checked(SAFE_NAME)('../x', 'variants[0].name', fail)).toThrow('variants[0].name is "../x", expected a name matching [A-Za-z0-9][A-Za-z0-9._-]* of at most 64 characters');
    expect(checked(SAFE_NAME)('paper', 'name', fail)).toBe('paper');
  });
});
