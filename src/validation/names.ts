/**
 * The one pattern every name that becomes part of a file path must match: a grid's name, its
 * variants', and the env, algorithm and folder names a grid.json lists. It admits no "/" or "\",
 * no leading "." (so neither "." nor ".."), no space and no control character, so a name is one
 * path segment that stays where it is put and reads the same in Markdown, SVG and a shell.
 */
import { type Rule, rule } from './schema.js';

export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const NAME_MAX_LENGTH = 64;
export const NAME_EXPECTED = `a name matching [A-Za-z0-9][A-Za-z0-9._-]* of at most ${NAME_MAX_LENGTH} characters`;

export function isSafeName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= NAME_MAX_LENGTH && NAME_PATTERN.test(value);
}

/** The name pattern as a schema rule. */
export const SAFE_NAME: Rule<string> = rule(isSafeName, NAME_EXPECTED);
