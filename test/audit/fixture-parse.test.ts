import { describe, expect, it } from 'vitest';
import { FixtureError, parseFixture } from '../../src/audit/fixture.js';
import { readDataJson } from '../helpers/reference-data.js';

const tiny = readDataJson('fixtures', 'tiny-tanh.json') as Record<string, unknown> & { train: Record<string, unknown>; params: unknown[] };

/** The one line a fixture with `change` laid over tiny-tanh's fields is refused with. */
function refused(change: Record<string, unknown>): string {
  try {
    parseFixture({ ...tiny, ...change });
  } catch (e) {
    expect(e).toBeInstanceOf(FixtureError);
    return (e as Error).message;
  }
  return 'parsed';
}

describe('a malformed fixture', () => {
  it('is refused naming the field and what it must be, without the value', () => {
    expect(refused({ loss: 'mse' })).toBe('loss: expected "reinforce", got "mse"');
    expect(refused({ dims: '3,5,2' })).toBe('dims: expected a list of layer sizes');
    expect(refused({ activation: 'sigmoid' })).toBe('activation: expected "tanh" or "relu"');
    expect(refused({ dims: [3] })).toMatch(/^dims: expected at least two positive integer layer sizes \(/);
    expect(refused({ params: tiny.params.slice(0, 1) })).toBe('params: expected a list of 2 layers');
    expect(refused({ train: { ...tiny.train, obs: [] } })).toBe('train.obs: expected a non-empty list of observations');
    expect(refused({ train: { ...tiny.train, actions: [1, 1, 1, 1, 1, 1, 2] } })).toBe('train.actions[6]: expected an integer action in [0, 2)');
    expect(refused({ train: { ...tiny.train, actions: [1, 1] } })).toBe('train.actions: expected an array of 7 numbers');
    expect(refused({ vector: undefined })).toBe('vector: expected the Hessian-vector direction, required by expected.hvp');
    expect(refused({ test: undefined })).toBe('test: expected the outer batch, required by the meta-gradient fields');
  });

  it('parses tiny-tanh itself: the layout and batch sizes its file states', () => {
    const f = parseFixture(tiny);
    expect([f.name, f.layout.sizes, f.train.obs.shape, [...f.train.actions.data]]).toEqual(['tiny-tanh', [3, 5, 2], [7, 3], [1, 1, 1, 1, 1, 1, 1]]);
  });
});
