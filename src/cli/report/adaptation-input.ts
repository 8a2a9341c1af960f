// eval.json's `adaptation`, checked for what the report reads: S, the returns after 0..S inner
// steps in each action mode (S + 1 finite numbers), and the swap test (null, or own, other and
// gap per mode after its steps in [0, S]). The outcome rates are not read, so not kept.
import type { AdaptationEvaluation, ModeCurve } from '../../meta/adaptation-eval.js';
import type { SwapScore } from '../../meta/swap-test.js';
import { FINITE_NUMBER, PLAIN_OBJECT, arrayOf, checked, integerIn, keyPath } from '../../validation/schema.js';
import { fileFail } from './file-fail.js';

type Json = Record<string, unknown>;

const objectAt = (value: unknown, where: string): Json => checked(PLAIN_OBJECT)(value, where, fileFail);
const finiteAt = (obj: Json, key: string, where: string): number => checked(FINITE_NUMBER)(obj[key], keyPath(where, key), fileFail);
const stepsAt = (obj: Json, key: string, max: number, where: string): number => checked(integerIn(0, max))(obj[key], keyPath(where, key), fileFail);

function curveAt(value: unknown, steps: number, where: string): ModeCurve {
  const expected = `an array of ${steps + 1} finite numbers (after 0..${steps} inner steps)`;
  const returns = arrayOf(checked(FINITE_NUMBER), expected, { length: steps + 1 })(objectAt(value, where).returns, keyPath(where, 'returns'), fileFail);
  return { returns };
}

function swapScoreAt(value: unknown, where: string): SwapScore {
  const s = objectAt(value, where);
  return { own: finiteAt(s, 'own', where), other: finiteAt(s, 'other', where), gap: finiteAt(s, 'gap', where) };
}

/** `value` (eval.json's `adaptation`, present); `where` names it ("FILE.adaptation"). */
export function adaptationAt(value: unknown, where: string): AdaptationEvaluation {
  const a = objectAt(value, where);
  const steps = stepsAt(a, 'steps', Number.MAX_SAFE_INTEGER, where);
  const sampled = curveAt(a.sampled, steps, keyPath(where, 'sampled'));
  const greedy = curveAt(a.greedy, steps, keyPath(where, 'greedy'));
  if (a.swap === null) return { steps, sampled, greedy, swap: null };
  const sw = keyPath(where, 'swap');
  const swap = objectAt(a.swap, sw);
  return { steps, sampled, greedy, swap: { steps: stepsAt(swap, 'steps', steps, sw), sampled: swapScoreAt(swap.sampled, keyPath(sw, 'sampled')), greedy: swapScoreAt(swap.greedy, keyPath(sw, 'greedy')) } };
}
