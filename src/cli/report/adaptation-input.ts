// eval.json's `adaptation`, checked for what the report reads: S, the returns after 0..S inner
// steps in each action mode (S + 1 finite numbers), and the swap test (null, or own, other and
// gap per mode after its steps in [0, S]). The outcome rates are not read, so not kept.
import { FileError } from '../../io/file-system.js';
import type { AdaptationEvaluation } from '../../meta/adaptation-eval.js';
import type { SwapScore } from '../../meta/swap-test.js';
import { badValue, isPlainObject } from '../../validation/values.js';

type Json = Record<string, unknown>;

function objectAt(value: unknown, where: string): Json {
  if (!isPlainObject(value)) throw new FileError(badValue(where, value, 'an object'));
  return value;
}

function stepsAt(obj: Json, key: string, max: number, where: string): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > max) throw new FileError(badValue(`${where}.${key}`, v, `an integer in [0, ${max}]`));
  return v;
}

function finiteAt(obj: Json, key: string, where: string): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new FileError(badValue(`${where}.${key}`, v, 'a finite number'));
  return v;
}

function curveAt(value: unknown, steps: number, where: string): { returns: number[] } {
  const r = objectAt(value, where).returns;
  if (!Array.isArray(r) || r.length !== steps + 1 || !r.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new FileError(badValue(`${where}.returns`, r, `an array of ${steps + 1} finite numbers (after 0..${steps} inner steps)`));
  }
  return { returns: r as number[] };
}

function swapScoreAt(value: unknown, where: string): SwapScore {
  const s = objectAt(value, where);
  return { own: finiteAt(s, 'own', where), other: finiteAt(s, 'other', where), gap: finiteAt(s, 'gap', where) };
}

/** `value` (eval.json's `adaptation`, present); `where` names it ("FILE.adaptation"). */
export function adaptationAt(value: unknown, where: string): AdaptationEvaluation {
  const a = objectAt(value, where);
  const steps = stepsAt(a, 'steps', Number.MAX_SAFE_INTEGER, where);
  const sampled = curveAt(a.sampled, steps, `${where}.sampled`);
  const greedy = curveAt(a.greedy, steps, `${where}.greedy`);
  if (a.swap === null) return { steps, sampled, greedy, swap: null };
  const sw = `${where}.swap`;
  const swap = objectAt(a.swap, sw);
  return { steps, sampled, greedy, swap: { steps: stepsAt(swap, 'steps', steps, sw), sampled: swapScoreAt(swap.sampled, `${sw}.sampled`), greedy: swapScoreAt(swap.greedy, `${sw}.greedy`) } };
}
