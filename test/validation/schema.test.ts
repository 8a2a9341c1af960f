import { describe, expect, it } from 'vitest';
import {
  BOOLEAN,
  type Check,
  FINITE_NUMBER,
  NON_EMPTY_STRING,
  NON_NEGATIVE_NUMBER,
  OPEN_UNIT,
  POSITIVE_NUMBER,
  UNIT,
  arrayOf,
  checked,
  indexPath,
  integerIn,
  keyPath,
  nullable,
  oneOf,
  plainObject,
  recordOf,
  stated,
  unknownKey,
  type Fail,
} from '../../src/validation/schema.js';
import { badValue } from '../../src/validation/values.js';

/** A Fail as a reader writes one: an error of its own kind, carrying the parts. */
class ValidationError extends Error {
  constructor(
    readonly path: string,
    readonly value: unknown,
    readonly expected: string,
  ) {
    super(badValue(path, value, expected));
  }
}

const throwBadValue: Fail = (path, value, expected) => {
  throw new ValidationError(path, value, expected);
};

/** The message a check reports for `value` at `path`, or null when it accepts it. */
function problem<T>(check: Check<T>, value: unknown, path = 'x'): string | null {
  try {
    check(value, path, throwBadValue);
    return null;
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return e.message;
  }
}

describe('schema rules', () => {
  it('accept exactly the values their wording names', () => {
    const cases: [string, unknown[], unknown[]][] = [
      [FINITE_NUMBER.expected, [0, -1.5, 1e308], [Number.NaN, Infinity, '1', null]],
      [POSITIVE_NUMBER.expected, [1e-300, 3], [0, -1, Infinity]],
      [NON_NEGATIVE_NUMBER.expected, [0, 2], [-1e-300, Infinity]],
      [OPEN_UNIT.expected, [0.5, 1e-9], [0, 1]],
      [UNIT.expected, [0, 1, 0.25], [-0.1, 1.1, Number.NaN]],
      [BOOLEAN.expected, [true, false], [0, 'true']],
      [NON_EMPTY_STRING.expected, ['a'], ['', 1]],
    ];
    const rules = [FINITE_NUMBER, POSITIVE_NUMBER, NON_NEGATIVE_NUMBER, OPEN_UNIT, UNIT, BOOLEAN, NON_EMPTY_STRING];
    cases.forEach(([expected, good, bad], i) => {
      expect(rules[i].expected).toBe(expected);
      expect(good.map((v) => rules[i].ok(v))).toEqual(good.map(() => true));
      expect(bad.map((v) => rules[i].ok(v))).toEqual(bad.map(() => false));
    });
  });

  it('state integer ranges as the config does', () => {
    expect([integerIn(0).expected, integerIn(1).expected, integerIn(3).expected, integerIn(1, 4096).expected]).toEqual([
      'a non-negative integer',
      'a positive integer',
      'an integer >= 3',
      'an integer in [1, 4096]',
    ]);
    expect([1, 4096, 0, 4097, 1.5, 2 ** 53].map((v) => integerIn(1, 4096).ok(v))).toEqual([true, true, false, false, false, false]);
  });

  it('list choices quoted, or bare for names', () => {
    expect(oneOf(['tanh', 'relu']).expected).toBe('one of "tanh", "relu"');
    expect(oneOf(['maml', 'fomaml'], false).expected).toBe('one of maml, fomaml');
    expect(problem(checked(oneOf(['tanh', 'relu'])), 'sigmoid', 'activation')).toBe('activation is "sigmoid", expected one of "tanh", "relu"');
  });

  it('keep their test when restated', () => {
    const seeds = stated(integerIn(1, 2), 'an integer in [1, 2] (the first seeds)');
    expect(problem(checked(seeds), 3, 'quick.seeds')).toBe('quick.seeds is 3, expected an integer in [1, 2] (the first seeds)');
    expect(problem(checked(seeds), 2)).toBeNull();
  });
});

describe('schema checks', () => {
  it('name the path, the value and what was expected', () => {
    expect(problem(checked(POSITIVE_NUMBER), -2, 'innerLr')).toBe('innerLr is -2, expected a positive finite number');
    expect(problem(plainObject(), [1], 'the config')).toBe('the config is [1], expected an object');
    expect(problem(plainObject('a JSON object'), null, 'the file')).toBe('the file is null, expected a JSON object');
  });

  it('build paths of keys and indices', () => {
    expect([keyPath('', 'env'), keyPath('directed', 'eta'), indexPath('hidden', 2), indexPath(keyPath('a', 'b'), 0)]).toEqual(['env', 'directed.eta', 'hidden[2]', 'a.b[0]']);
  });

  it('say what null means beside the other values allowed', () => {
    const eta = nullable(checked(POSITIVE_NUMBER), 'the inner rate alpha');
    expect(eta(null, 'directed.eta', throwBadValue)).toBeNull();
    expect(eta(0.5, 'directed.eta', throwBadValue)).toBe(0.5);
    expect(problem(eta, 0, 'directed.eta')).toBe('directed.eta is 0, expected null (the inner rate alpha) or a positive finite number');
    // A problem inside the value keeps its own wording.
    const widths = nullable(arrayOf(checked(integerIn(1)), 'a list of widths'), 'no layers');
    expect(problem(widths, [2, 0], 'hidden')).toBe('hidden[1] is 0, expected a positive integer');
    expect(problem(widths, 'wide', 'hidden')).toBe('hidden is "wide", expected null (no layers) or a list of widths');
  });

  it('check an array\'s shape before its elements, then each in order', () => {
    const seeds = arrayOf(checked(integerIn(0)), 'a list of up to 3 seeds', { minLength: 1, maxLength: 3, distinct: 'a seed not listed before' });
    expect(seeds([0, 5, 2], 'seeds', throwBadValue)).toEqual([0, 5, 2]);
    expect(problem(seeds, [], 'seeds')).toBe('seeds is [], expected a list of up to 3 seeds');
    expect(problem(seeds, [-1, 'a', 'b', 'c'], 'seeds')).toBe('seeds is [-1,"a","b","c"], expected a list of up to 3 seeds');
    expect(problem(seeds, [1, -1, 1], 'seeds')).toBe('seeds[1] is -1, expected a non-negative integer');
    expect(problem(seeds, [1, 2, 1], 'seeds')).toBe('seeds[2] is 1, expected a seed not listed before');
    const pair = arrayOf(checked(FINITE_NUMBER), 'an array of 2 numbers', { length: 2 });
    expect(problem(pair, [1, 2, 3], 'r')).toBe('r is [1,2,3], expected an array of 2 numbers');
    expect(problem(arrayOf(pair, '2 rows', { length: 2 }), [[1, 2], [3, Infinity]], 'm')).toBe('m[1][1] is Infinity, expected a finite number');
  });

  it('read records entry by entry and fields by key', () => {
    const task = recordOf(checked(FINITE_NUMBER), 'an object { param: value }');
    expect(task({ goal: 1, width: 0.5 }, 'directed.fixedTask', throwBadValue)).toEqual({ goal: 1, width: 0.5 });
    expect(problem(task, { goal: '1' }, 'directed.fixedTask')).toBe('directed.fixedTask.goal is "1", expected a finite number');
    expect(problem(task, [1], 'directed.fixedTask')).toBe('directed.fixedTask is [1], expected an object { param: value }');
    const ranges = recordOf(checked(FINITE_NUMBER), 'an object naming at least one parameter', { minKeys: 1 });
    expect(problem(ranges, {}, 'taskRanges')).toBe('taskRanges is {}, expected an object naming at least one parameter');
    expect(problem(ranges, { goal: 1 }, 'taskRanges')).toBeNull();
    expect(problem((v, p, f) => checked(integerIn(0))(plainObject()(v, p, f).seed, keyPath(p, 'seed'), f), { seed: 1.5 }, 'run')).toBe('run.seed is 1.5, expected a non-negative integer');
    expect([unknownKey({ name: 1, sets: 2 }, ['name', 'set']), unknownKey({ name: 1 }, ['name'])]).toEqual(['sets', undefined]);
  });

  it('report through the reader\'s own Fail', () => {
    class FileProblem extends Error {}
    const inFile = (path: string, value: unknown, expected: string): never => {
      throw new FileProblem(`grid.json: ${path} is ${JSON.stringify(value)}, expected ${expected}`);
    };
    expect(() => checked(BOOLEAN)('yes', 'normalizeAdvantages', inFile)).toThrow(new FileProblem('grid.json: normalizeAdvantages is "yes", expected true or false'));
    const e = (() => {
      try {
        checked(UNIT)(2, 'gamma', throwBadValue);
      } catch (error) {
        return error as ValidationError;
      }
      return null;
    })();
    expect([e?.path, e?.value, e?.expected]).toEqual(['gamma', 2, 'a number in [0, 1]']);
  });
});
