import { type Check, type Fail, NON_EMPTY_STRING, POSITIVE_NUMBER, arrayOf, checked, integerIn, keyPath, plainObject, rule, stated } from '../validation/schema.js';
import { badValue, integerExpected, isIntegerIn } from '../validation/values.js';
import type { BenchCase, BenchCases } from './standard-cases.js';

/** Bounds that keep a user's case from allocating without limit (the standard cases are far below). */
export const CASE_LIMITS = { width: 4096, layers: 16, states: 100_000 } as const;

const casesFail: Fail = (path, value, expected) => {
  throw new Error(badValue(path, value, expected));
};

// The layer sizes are stated as one value: a case is written as its whole list of sizes.
const DIMS = rule(
  (v): v is number[] => Array.isArray(v) && v.length >= 2 && v.length <= CASE_LIMITS.layers + 2 && v.every((d) => isIntegerIn(d, 1, CASE_LIMITS.width)),
  `2 to ${CASE_LIMITS.layers + 2} layer sizes (observations, hidden..., actions), each ${integerExpected(1, CASE_LIMITS.width)}`,
);

/** A case; its name must differ from those in `names` (the cases before it), and joins them. */
function caseCheck(names: Set<string>): Check<BenchCase> {
  const nameRule = stated(NON_EMPTY_STRING, 'a name no other case has');
  return (v, path, fail) => {
    const c = plainObject('an object { name, dims, states }')(v, path, fail);
    const name = checked(nameRule)(c.name, keyPath(path, 'name'), fail);
    if (names.has(name)) fail(keyPath(path, 'name'), name, nameRule.expected);
    names.add(name);
    const dims = checked(DIMS)(c.dims, keyPath(path, 'dims'), fail);
    const states = checked(integerIn(1, CASE_LIMITS.states))(c.states, keyPath(path, 'states'), fail);
    return { name, dims, states };
  };
}

/**
 * A cases file (the shape of bench/torch/cases.json; other keys are ignored), checked whole.
 * Throws an Error naming the first bad field and what is expected there.
 */
export function parseBenchCases(json: unknown): BenchCases {
  const file = plainObject('an object { alpha, cases: [{ name, dims, states }] }')(json, 'the file', casesFail);
  const alpha = checked(POSITIVE_NUMBER)(file.alpha, 'alpha', casesFail);
  const cases = arrayOf(caseCheck(new Set()), 'a non-empty array of { name, dims, states }', { minLength: 1 })(file.cases, 'cases', casesFail);
  return { alpha, cases };
}
