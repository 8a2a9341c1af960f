import { badValue, integerExpected, isIntegerIn, isPlainObject } from '../validation/values.js';
import type { BenchCase, BenchCases } from './standard-cases.js';

/** Bounds that keep a user's case from allocating without limit (the standard cases are far below). */
export const CASE_LIMITS = { width: 4096, layers: 16, states: 100_000 } as const;

/**
 * A cases file (the shape of bench/torch/cases.json; other keys are ignored), checked whole.
 * Throws an Error naming the first bad field and what is expected there.
 */
export function parseBenchCases(json: unknown): BenchCases {
  if (!isPlainObject(json)) throw new Error(badValue('the file', json, 'an object { alpha, cases: [{ name, dims, states }] }'));
  const { alpha, cases } = json;
  if (typeof alpha !== 'number' || !Number.isFinite(alpha) || alpha <= 0) throw new Error(badValue('alpha', alpha, 'a positive finite number'));
  if (!Array.isArray(cases) || cases.length === 0) throw new Error(badValue('cases', cases, 'a non-empty array of { name, dims, states }'));
  const names = new Set<string>();
  const parsed = cases.map((c: unknown, i): BenchCase => {
    const at = `cases[${i}]`;
    if (!isPlainObject(c)) throw new Error(badValue(at, c, 'an object { name, dims, states }'));
    const { name, dims, states } = c;
    if (typeof name !== 'string' || name === '' || names.has(name)) throw new Error(badValue(`${at}.name`, name, 'a name no other case has'));
    names.add(name);
    const { width, layers } = CASE_LIMITS;
    if (!Array.isArray(dims) || dims.length < 2 || dims.length > layers + 2 || !dims.every((d) => isIntegerIn(d, 1, width))) {
      throw new Error(badValue(`${at}.dims`, dims, `2 to ${layers + 2} layer sizes (observations, hidden..., actions), each ${integerExpected(1, width)}`));
    }
    if (!isIntegerIn(states, 1, CASE_LIMITS.states)) throw new Error(badValue(`${at}.states`, states, integerExpected(1, CASE_LIMITS.states)));
    return { name, dims, states };
  });
  return { alpha, cases: parsed };
}
