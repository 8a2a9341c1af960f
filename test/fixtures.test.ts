import { describe, expect, it } from 'vitest';
import { auditFixture } from '../src/audit/audit.js';
import { parseFixture } from '../src/audit/fixture.js';
import { listShared, readSharedJson } from './helpers/shared.js';

const files = listShared('fixtures').filter((f) => f.endsWith('.json'));
const expectedQuantities = ['loss', 'grad', 'hvp', 'maml_1.test_loss', 'maml_1.meta_grad', 'maml_2.test_loss', 'maml_2.meta_grad', 'fomaml_1.meta_grad', 'metasgd_1.test_loss', 'metasgd_1.meta_grad', 'metasgd_1.alpha_grad'];

describe('PyTorch float64 fixtures', () => {
  it('are all present', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });
  for (const file of files) {
    it(`${file}: every expected field within 1e-10`, () => {
      const rows = auditFixture(parseFixture(readSharedJson('fixtures', file)));
      expect(rows.map((r) => r.quantity)).toEqual(expectedQuantities);
      for (const row of rows) expect(row.error, `${file} ${row.quantity}`).toBeLessThan(1e-10);
    });
  }
});
