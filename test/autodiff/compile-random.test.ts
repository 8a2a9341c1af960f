// compile's passes (dead kernels, dedupe, in-place accumulation, shared buffers) on random
// programs: whatever the graph, a compiled replay gives the bits of eager evaluation.
import { describe, expect, it } from 'vitest';
import {
  type Tensor,
  add,
  compile,
  exp,
  expand,
  gradients,
  matmul,
  mul,
  scaleBy,
  sub,
  sum,
  sumRows,
  tanh,
  watch,
} from '../../src/autodiff/index.js';
import { firstDifference } from '../helpers/doubles.js';
import { type Prng, prng } from '../helpers/prng.js';
import { randn } from '../helpers/tensors.js';

const N = 8;

/** One step of a random program: an op and the indices of its operands in the pool of values. */
interface Step {
  readonly op: number;
  readonly a: number;
  readonly b: number;
  readonly flags: number;
}

const OPS = 9;

function apply(step: Step, pool: readonly Tensor[], row: Tensor): Tensor {
  const a = pool[step.a], b = pool[step.b];
  switch (step.op) {
    case 0: return add(a, b);
    case 1: return sub(a, b);
    case 2: return mul(a, b);
    case 3: return scaleBy(matmul(a, b, (step.flags & 1) === 1, (step.flags & 2) === 2), 0.3);
    case 4: return tanh(a);
    case 5: return exp(scaleBy(tanh(a), 0.5));
    case 6: return add(a, expand(row, [N, N]));
    case 7: return add(a, expand(sumRows(b), [N, N]));
    default: return scaleBy(a, 1.5);
  }
}

/** A random recipe; some steps repeat an earlier one exactly, as reverse-over-reverse does. */
function randomRecipe(r: Prng, length: number, inputs: number): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < length; i++) {
    if (steps.length > 0 && r.uniform() < 0.2) {
      steps.push(steps[r.int(steps.length)]);
      continue;
    }
    const size = inputs + i;
    steps.push({ op: r.int(OPS), a: r.int(size), b: r.int(size), flags: r.int(4) });
  }
  return steps;
}

/** The program: values, a scalar loss, its gradients kept on the graph, and one more order. */
function program(recipe: readonly Step[]): (...xs: Tensor[]) => Tensor[] {
  return (x0, x1, x2, row) => {
    const leaves = [watch(x0), watch(x1), watch(x2), watch(row)];
    const pool = leaves.slice(0, 3);
    for (const step of recipe) pool.push(apply(step, pool, leaves[3]));
    const last = pool[pool.length - 1];
    const loss = add(sum(mul(last, pool[pool.length - 2])), sum(tanh(pool[3])));
    const grads = gradients(loss, leaves, { createGraph: true });
    const second = gradients(add(sum(mul(grads[0], grads[1])), sum(mul(grads[2], grads[2]))), leaves);
    return [loss, last, ...grads, ...second];
  };
}

function inputs(r: Prng): Tensor[] {
  return [randn(r, [N, N], 0.5), randn(r, [N, N], 0.5), randn(r, [N, N], 0.5), randn(r, [N], 0.5)];
}

describe('compile on random programs', () => {
  for (let seed = 0; seed < 24; seed++) {
    it(`program ${seed}: replays bit-identical to eager on three input sets`, () => {
      const r = prng(7000 + seed);
      const fn = program(randomRecipe(r, 10, 3));
      const sets = [inputs(r), inputs(r), inputs(r)];
      const compiled = compile(fn, sets[0]);
      for (const set of [...sets, sets[0]]) {
        const eager = fn(...set).map((t) => Float64Array.from(t.data));
        const replayed = compiled.run(...set);
        expect(replayed.length).toBe(eager.length);
        replayed.forEach((t, i) => expect(firstDifference(t.data, eager[i]), `output ${i}`).toBe(-1));
      }
    });
  }
});
