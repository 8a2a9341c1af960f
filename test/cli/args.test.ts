import { describe, expect, it } from 'vitest';
import { UsageError, numberFlag, parseArgs } from '../../src/cli/args.js';

describe('CLI arguments', () => {
  it('parses valued flags, = forms, switches and positionals, keeping repeats in order', () => {
    const a = parseArgs(['x.json', '--set', 'a=1', '--set=b=2', '--resume', 'y'], ['set'], ['resume']);
    expect(a.positional).toEqual(['x.json', 'y']);
    expect(a.flags.get('set')).toEqual(['a=1', 'b=2']);
    expect(a.flags.get('resume')).toEqual(['true']);
  });

  it('rejects unknown flags naming the allowed ones, and missing values', () => {
    expect(() => parseArgs(['--tl', '3'], ['tol'])).toThrow(/unknown option --tl \(allowed: --tol\)/);
    expect(() => parseArgs(['--tol'], ['tol'])).toThrow(/--tol needs a value/);
    expect(() => parseArgs(['--resume=1'], [], ['resume'])).toThrow(/--resume takes no value/);
    expect(() => parseArgs(['--x'], [])).toThrow(UsageError);
  });

  it('takes a value that starts with dashes as the value, keeps one-dash arguments as operands, refuses a bare --', () => {
    expect(parseArgs(['--out', '--odd', '-7', '-ab'], ['out'])).toEqual({ positional: ['-7', '-ab'], flags: new Map([['out', ['--odd']]]) });
    expect(() => parseArgs(['x', '--', 'y'], ['tol'])).toThrow(/^unknown option -- \(allowed: --tol\)$/);
  });

  it('reads positive numbers and names a bad one', () => {
    expect(numberFlag(parseArgs(['--tol', '1e-8'], ['tol']), 'tol', 1)).toBe(1e-8);
    expect(numberFlag(parseArgs([], ['tol']), 'tol', 0.5)).toBe(0.5);
    expect(() => numberFlag(parseArgs(['--tol', 'abc'], ['tol']), 'tol', 1)).toThrow(/--tol is 'abc', expected a positive number/);
    expect(() => numberFlag(parseArgs(['--tol', '-1'], ['tol']), 'tol', 1)).toThrow(/expected a positive number/);
  });
});
