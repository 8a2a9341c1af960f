import { describe, expect, it } from 'vitest';
import { auditFixture } from '../../src/audit/audit.js';
import { FixtureError, MAX_FIXTURE_PARAMETERS, parseFixture } from '../../src/audit/fixture.js';
import { listData, readDataJson } from '../helpers/reference-data.js';

const files = listData('fixtures').filter((f) => f.endsWith('.json'));
const expectedQuantities = ['loss', 'grad', 'hvp', 'maml_1.test_loss', 'maml_1.meta_grad', 'maml_2.test_loss', 'maml_2.meta_grad', 'fomaml_1.meta_grad', 'metasgd_1.test_loss', 'metasgd_1.meta_grad', 'metasgd_1.alpha_grad'];

describe('PyTorch float64 fixtures', () => {
  it('are all present', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });
  for (const file of files) {
    it(`${file}: every expected field within 1e-10`, () => {
      const rows = auditFixture(parseFixture(readDataJson('fixtures', file)));
      expect(rows.map((r) => r.quantity)).toEqual(expectedQuantities);
      for (const row of rows) expect(row.error, `${file} ${row.quantity}`).toBeLessThan(1e-10);
    });
  }
});

describe('fixture dims too large to allocate', () => {
  const tiny = readDataJson('fixtures', 'tiny-tanh.json') as Record<string, unknown>;
  const parseError = (dims: number[]): FixtureError => {
    try {
      parseFixture({ ...tiny, dims });
    } catch (e) {
      expect(e).toBeInstanceOf(FixtureError);
      return e as FixtureError;
    }
    throw new Error(`dims [${dims.join(', ')}] parsed`);
  };

  it('dims [3, 1e9, 2] name dims, the limit and the parameter count before anything is allocated', () => {
    expect(MAX_FIXTURE_PARAMETERS).toBe(2 ** 24);
    expect(parseError([3, 1e9, 2]).message).toBe('dims: expected layer sizes with at most 16777216 parameters, got 6000000002 from [3, 1000000000, 2]');
    // 2 * 4194304 + 4194304 + 4194304 * 1 + 1 = 2^24 + 1 parameters: just above
    expect(parseError([2, 4194304, 1]).message).toBe('dims: expected layer sizes with at most 16777216 parameters, got 16777217 from [2, 4194304, 1]');
  });

  it('dims at the limit pass it; the data that does not match them is named before a vector is allocated', () => {
    // [1, 5592405, 1] is 3 * 5592405 + 1 = 2^24 parameters, in two layers as in the file
    expect(parseError([1, 5592405, 1]).message).toBe('expected.grad[0].weight: expected 5592405 rows of 1 numbers');
  });
});
