import { describe, expect, it } from 'vitest';
import { adaptationAt } from '../../src/cli/report/adaptation-input.js';
import { mechanismAt } from '../../src/cli/report/mechanism-input.js';
import { FileError } from '../../src/io/file-system.js';

// The eval.json `adaptation` block and a log line's `mechanism` as the report reads them: each bad
// field is one FileError line, `PATH is VALUE, expected WHAT`, worded like the rest of the report input.
const curve = (returns: unknown) => ({ returns });
const score = { own: 2, other: 1, gap: 1 };
const adaptation = { steps: 2, sampled: curve([1, 2, 3]), greedy: curve([2, 3, 4]), swap: { steps: 1, sampled: score, greedy: score } };
const mechanism = { cosHessianTerm: 0.5, cosCombined: null, cosFirstOrder: -1, normDirected: 3, normFirstOrder: 0, normHessianTerm: 2 };

/** The message `read` throws (a FileError), or a note that it did not throw one. */
function messageOf(read: () => unknown): string {
  try {
    read();
  } catch (e) {
    return e instanceof FileError ? e.message : `not a FileError: ${String(e)}`;
  }
  return 'did not throw';
}

describe('eval.json adaptation block', () => {
  it('reads a valid block as it is', () => {
    expect(adaptationAt(adaptation, 'e.json.adaptation')).toEqual(adaptation);
    expect(adaptationAt({ ...adaptation, swap: null }, 'e.json.adaptation').swap).toBeNull();
  });

  it('names the first bad field and what is expected there', () => {
    const cases: [unknown, string][] = [
      [[], 'e.json.adaptation is [], expected an object'],
      [{ ...adaptation, steps: -1 }, 'e.json.adaptation.steps is -1, expected a non-negative integer'],
      [{ ...adaptation, sampled: curve([1, 'x', 3]) }, 'e.json.adaptation.sampled.returns[1] is "x", expected a finite number'],
      [{ ...adaptation, greedy: curve([1, 2]) }, 'e.json.adaptation.greedy.returns is [1,2], expected an array of 3 finite numbers (after 0..2 inner steps)'],
      [{ ...adaptation, swap: { ...adaptation.swap, steps: 3 } }, 'e.json.adaptation.swap.steps is 3, expected an integer in [0, 2]'],
      [{ ...adaptation, swap: { ...adaptation.swap, greedy: { own: 2, gap: 1 } } }, 'e.json.adaptation.swap.greedy.other is missing, expected a finite number'],
    ];
    for (const [block, message] of cases) expect(messageOf(() => adaptationAt(block, 'e.json.adaptation'))).toBe(message);
  });
});

describe('log line mechanism', () => {
  it('reads a valid mechanism as it is, null cosines kept', () => {
    expect(mechanismAt(mechanism, 'log line 1.mechanism')).toEqual(mechanism);
  });

  it('names the first bad field and what is expected there', () => {
    const cases: [unknown, string][] = [
      ['m', 'log line 1.mechanism is "m", expected an object'],
      [{ ...mechanism, cosFirstOrder: 'high' }, 'log line 1.mechanism.cosFirstOrder is "high", expected a finite number or null'],
      [{ ...mechanism, normHessianTerm: -0.5 }, 'log line 1.mechanism.normHessianTerm is -0.5, expected a non-negative finite number'],
      [{ ...mechanism, normDirected: undefined }, 'log line 1.mechanism.normDirected is missing, expected a non-negative finite number'],
    ];
    for (const [value, message] of cases) expect(messageOf(() => mechanismAt(value, 'log line 1.mechanism'))).toBe(message);
  });
});
