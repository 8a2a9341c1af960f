import { relativeError } from '../autodiff/gradcheck.js';
import { metaGradient } from '../autodiff/meta-gradient.js';
import type { Tensor } from '../autodiff/tensor.js';
import { hvp, valueAndGrad } from '../autodiff/transforms.js';
import { mlpForward } from '../nn/mlp.js';
import { reinforceLoss } from '../nn/reinforce.js';
import type { Batch, Fixture, MetaExpected } from './fixture.js';

/** One audited quantity: its name and max relative error against the reference. */
export interface AuditRow {
  readonly quantity: string;
  readonly error: number;
}

function lossOn(f: Fixture, batch: Batch): (theta: Tensor) => Tensor {
  return (theta) => reinforceLoss(mlpForward(f.layout, theta, batch.obs), batch.actions, batch.advantages);
}

function scalarError(ours: number, ref: number): number {
  return relativeError([ours], [ref]);
}

/** Computes every quantity the fixture's `expected` holds and compares it with the reference. */
export function auditFixture(f: Fixture): AuditRow[] {
  const rows: AuditRow[] = [];
  const train = lossOn(f, f.train);
  const e = f.expected;
  if (e.loss !== null || e.grad !== null) {
    const { value, grad } = valueAndGrad(train)(f.params);
    if (e.loss !== null) rows.push({ quantity: 'loss', error: scalarError(value.item(), e.loss) });
    if (e.grad !== null) rows.push({ quantity: 'grad', error: relativeError(grad.data, e.grad) });
  }
  if (e.hvp !== null && f.vector !== null) {
    rows.push({ quantity: 'hvp', error: relativeError(hvp(train, f.params, f.vector).data, e.hvp) });
  }
  const metas: [string, MetaExpected | null, number, boolean, Tensor | number][] = [
    ['maml_1', e.maml1, 1, false, f.alpha],
    ['maml_2', e.maml2, 2, false, f.alpha],
    ['fomaml_1', e.fomaml1, 1, true, f.alpha],
    ['metasgd_1', e.metasgd1, 1, false, f.alphaVec ?? f.alpha],
  ];
  for (const [name, ref, steps, firstOrder, alpha] of metas) {
    if (ref === null || f.test === null) continue;
    const m = metaGradient(train, lossOn(f, f.test), f.params, { alpha, steps, firstOrder });
    if (ref.testLoss !== null) rows.push({ quantity: `${name}.test_loss`, error: scalarError(m.value.item(), ref.testLoss) });
    rows.push({ quantity: `${name}.meta_grad`, error: relativeError(m.grad.data, ref.metaGrad) });
    if (ref.alphaGrad !== null && m.alphaGrad !== null) {
      rows.push({ quantity: `${name}.alpha_grad`, error: relativeError(m.alphaGrad.data, ref.alphaGrad) });
    }
  }
  return rows;
}
