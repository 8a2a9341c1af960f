import { type AuditRow, type Tensor, auditFixture, hvp, metaGradient, mlpForward, parseFixture, reinforceLoss, valueAndGrad } from '../../src/index.js';

/**
 * Everything the engine computes for one gradient fixture, in a form that crosses the DevTools
 * protocol intact: the audit's rows (quantity, max relative error) and every computed value as the
 * hex of its float64 bytes, so that a page and Node can be compared bit for bit.
 */
export interface FixtureQuantities {
  readonly rows: AuditRow[];
  /** Quantity name (as in the audit rows) -> little-endian float64 bytes in hex. */
  readonly bits: Record<string, string>;
}

export function hexOfDoubles(values: Float64Array | readonly number[]): string {
  const bytes = new Uint8Array(Float64Array.from(values).buffer);
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

export function fixtureQuantities(json: unknown): FixtureQuantities {
  const f = parseFixture(json);
  const loss = (batch: typeof f.train) => (theta: Tensor) => reinforceLoss(mlpForward(f.layout, theta, batch.obs), batch.actions, batch.advantages);
  const train = loss(f.train);
  const bits: Record<string, string> = {};
  const { value, grad } = valueAndGrad(train)(f.params);
  bits.loss = hexOfDoubles([value.item()]);
  bits.grad = hexOfDoubles(grad.data);
  if (f.vector !== null) bits.hvp = hexOfDoubles(hvp(train, f.params, f.vector).data);
  if (f.test !== null) {
    const test = loss(f.test);
    const metas: [string, number, boolean, Tensor | number][] = [
      ['maml_1', 1, false, f.alpha],
      ['maml_2', 2, false, f.alpha],
      ['fomaml_1', 1, true, f.alpha],
      ['metasgd_1', 1, false, f.alphaVec ?? f.alpha],
    ];
    for (const [name, steps, firstOrder, alpha] of metas) {
      const m = metaGradient(train, test, f.params, { alpha, steps, firstOrder });
      bits[`${name}.test_loss`] = hexOfDoubles([m.value.item()]);
      bits[`${name}.meta_grad`] = hexOfDoubles(m.grad.data);
      bits[`${name}.adapted`] = hexOfDoubles(m.adapted.data);
      if (m.alphaGrad !== null) bits[`${name}.alpha_grad`] = hexOfDoubles(m.alphaGrad.data);
    }
  }
  return { rows: auditFixture(f), bits };
}
