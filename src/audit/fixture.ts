import { tensor, type Tensor } from '../autodiff/tensor.js';
import { type HiddenActivation, type MlpLayout, mlpLayout } from '../nn/mlp.js';
import { type Check, type Fail, FINITE_NUMBER, anything, arrayOf, checked, integerIn, oneOf, plainObject, stated } from '../validation/schema.js';

/**
 * The gradient-fixture format (test/data/fixtures/README.md): an MLP policy, a REINFORCE surrogate on
 * train/test batches, and the expected derivatives. Parsing checks every shape and names the field.
 */
export interface Fixture {
  readonly name: string;
  readonly layout: MlpLayout;
  readonly alpha: number;
  readonly params: Tensor;
  readonly vector: Tensor | null;
  readonly alphaVec: Tensor | null;
  readonly train: Batch;
  readonly test: Batch | null;
  readonly expected: Expected;
}

/** The fixed batch of observations, actions and advantages a fixture's losses are evaluated on. */
export interface Batch {
  readonly obs: Tensor;
  readonly actions: Tensor;
  readonly advantages: Tensor;
}

/** A fixture's expected meta-gradient (and Meta-SGD rate gradient) for one algorithm and step count. */
export interface MetaExpected {
  readonly testLoss: number | null;
  readonly metaGrad: Float64Array;
  readonly alphaGrad: Float64Array | null;
}

/** The reference quantities a fixture carries: loss, gradient, Hessian-vector product and meta-gradients. */
export interface Expected {
  readonly loss: number | null;
  readonly grad: Float64Array | null;
  readonly hvp: Float64Array | null;
  readonly maml1: MetaExpected | null;
  readonly maml2: MetaExpected | null;
  readonly fomaml1: MetaExpected | null;
  readonly metasgd1: MetaExpected | null;
}

/** Thrown by `parseFixture` for a fixture that is malformed, naming the field and the expected value. */
export class FixtureError extends Error {}

/**
 * The largest parameter vector a fixture may declare: the audit holds a dozen vectors of that
 * length (params, direction, rates, references) and the tape many more; 2^24 doubles are 128 MiB.
 */
export const MAX_FIXTURE_PARAMETERS = 2 ** 24;

/** A fixture's problems read `FIELD: expected WHAT` (the value is not shown: it may be a whole array). */
const fixtureFail: Fail = (field, _value, expected) => {
  throw new FixtureError(`${field}: expected ${expected}`);
};

type Json = Record<string, unknown>;

function object(v: unknown, field: string): Json {
  return plainObject()(v, field, fixtureFail);
}

function number(v: unknown, field: string): number {
  return checked(FINITE_NUMBER)(v, field, fixtureFail);
}

const ACTIVATION = stated(oneOf<HiddenActivation>(['tanh', 'relu']), '"tanh" or "relu"');

const numbersOf = (length: number): Check<number[]> => arrayOf(checked(FINITE_NUMBER), `an array of ${length} numbers`, { length });

function numbers(v: unknown, field: string, length: number): number[] {
  return numbersOf(length)(v, field, fixtureFail);
}

function matrix(v: unknown, field: string, rows: number, cols: number): number[] {
  return arrayOf(numbersOf(cols), `${rows} rows of ${cols} numbers`, { length: rows })(v, field, fixtureFail).flat();
}

/**
 * A parameter-shaped field: a list of {weight [out][in], bias [out]} per layer, flattened. Every
 * layer is checked against the layout before the vector is allocated, so its size is one the file holds.
 */
function paramList(v: unknown, field: string, layout: MlpLayout): Float64Array {
  const list = arrayOf(anything, `a list of ${layout.layers.length} layers`, { length: layout.layers.length })(v, field, fixtureFail);
  const layers = layout.layers.map((l, i) => {
    const layer = object(list[i], `${field}[${i}]`);
    return { weight: matrix(layer.weight, `${field}[${i}].weight`, l.outputs, l.inputs), bias: numbers(layer.bias, `${field}[${i}].bias`, l.outputs) };
  });
  const out = new Float64Array(layout.size);
  layout.layers.forEach((l, i) => {
    out.set(layers[i].weight, l.weightOffset);
    out.set(layers[i].bias, l.biasOffset);
  });
  return out;
}

function batch(v: unknown, field: string, layout: MlpLayout): Batch {
  const b = object(v, field);
  const n = arrayOf(anything, 'a non-empty list of observations', { minLength: 1 })(b.obs, `${field}.obs`, fixtureFail).length;
  const inputs = layout.sizes[0];
  const outputs = layout.sizes[layout.sizes.length - 1];
  const action = checked(stated(integerIn(0, outputs - 1), `an integer action in [0, ${outputs})`));
  const actions = arrayOf(action, `an array of ${n} numbers`, { length: n })(b.actions, `${field}.actions`, fixtureFail);
  return {
    obs: tensor(matrix(b.obs, `${field}.obs`, n, inputs), [n, inputs]),
    actions: tensor(actions),
    advantages: tensor(numbers(b.advantages, `${field}.advantages`, n)),
  };
}

function meta(v: unknown, field: string, layout: MlpLayout, withAlpha: boolean): MetaExpected | null {
  if (v === undefined) return null;
  const m = object(v, field);
  return {
    testLoss: m.test_loss === undefined ? null : number(m.test_loss, `${field}.test_loss`),
    metaGrad: paramList(m.meta_grad, `${field}.meta_grad`, layout),
    alphaGrad: withAlpha ? paramList(m.alpha_grad, `${field}.alpha_grad`, layout) : null,
  };
}

/** Checks untrusted fixture JSON (a network, its parameters, a batch and the expected quantities) and returns it typed. */
export function parseFixture(json: unknown): Fixture {
  const f = object(json, 'fixture');
  if (f.loss !== undefined && f.loss !== 'reinforce') fixtureFail('loss', f.loss, `"reinforce", got ${JSON.stringify(f.loss)}`);
  const dims = arrayOf(anything, 'a list of layer sizes')(f.dims, 'dims', fixtureFail);
  const activation = checked(ACTIVATION)(f.activation, 'activation', fixtureFail);
  let layout: MlpLayout;
  try {
    layout = mlpLayout(dims as number[], activation);
  } catch (e) {
    fixtureFail('dims', dims, `at least two positive integer layer sizes (${(e as Error).message})`);
  }
  if (layout.size > MAX_FIXTURE_PARAMETERS) {
    fixtureFail('dims', dims, `layer sizes with at most ${MAX_FIXTURE_PARAMETERS} parameters, got ${layout.size} from [${layout.sizes.join(', ')}]`);
  }
  const e = object(f.expected, 'expected');
  const needsTest = ['maml_1', 'maml_2', 'fomaml_1', 'metasgd_1'].some((k) => e[k] !== undefined);
  const needsAlpha = ['maml_1', 'maml_2', 'fomaml_1'].some((k) => e[k] !== undefined);
  const present = (k: string): boolean => f[k] !== undefined;
  const expected: Expected = {
    loss: e.loss === undefined ? null : number(e.loss, 'expected.loss'),
    grad: e.grad === undefined ? null : paramList(e.grad, 'expected.grad', layout),
    hvp: e.hvp === undefined ? null : paramList(e.hvp, 'expected.hvp', layout),
    maml1: meta(e.maml_1, 'expected.maml_1', layout, false),
    maml2: meta(e.maml_2, 'expected.maml_2', layout, false),
    fomaml1: meta(e.fomaml_1, 'expected.fomaml_1', layout, false),
    metasgd1: meta(e.metasgd_1, 'expected.metasgd_1', layout, true),
  };
  if (expected.hvp && !present('vector')) fixtureFail('vector', f.vector, 'the Hessian-vector direction, required by expected.hvp');
  if (expected.metasgd1 && !present('alpha_vec')) fixtureFail('alpha_vec', f.alpha_vec, 'per-parameter rates, required by expected.metasgd_1');
  if (needsTest && !present('test')) fixtureFail('test', f.test, 'the outer batch, required by the meta-gradient fields');
  return {
    name: typeof f.name === 'string' ? f.name : 'fixture',
    layout,
    alpha: needsAlpha || present('alpha') ? number(f.alpha, 'alpha') : 0,
    params: tensor(paramList(f.params, 'params', layout)),
    vector: present('vector') ? tensor(paramList(f.vector, 'vector', layout)) : null,
    alphaVec: present('alpha_vec') ? tensor(paramList(f.alpha_vec, 'alpha_vec', layout)) : null,
    train: batch(f.train, 'train', layout),
    test: present('test') ? batch(f.test, 'test', layout) : null,
    expected,
  };
}
