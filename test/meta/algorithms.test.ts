import { describe, expect, it } from 'vitest';
import { ALGORITHMS, ALGORITHM_SPECS, algorithmSpec, isAlgorithmName } from '../../src/meta/algorithms.js';
import { baseName, isDirectedName } from '../../src/report/claims.js';

describe('the algorithm table', () => {
  it('lists the seven algorithms in the CLI order with their properties', () => {
    expect(ALGORITHMS).toEqual(['maml', 'fomaml', 'metasgd', 'directed-maml', 'directed-fomaml', 'directed-metasgd', 'multitask']);
    expect(ALGORITHM_SPECS).toEqual({
      maml: { base: 'maml', firstOrder: false, learnsRates: false, directed: false, innerLoop: true },
      fomaml: { base: 'fomaml', firstOrder: true, learnsRates: false, directed: false, innerLoop: true },
      metasgd: { base: 'metasgd', firstOrder: false, learnsRates: true, directed: false, innerLoop: true },
      'directed-maml': { base: 'maml', firstOrder: false, learnsRates: false, directed: true, innerLoop: true },
      'directed-fomaml': { base: 'fomaml', firstOrder: true, learnsRates: false, directed: true, innerLoop: true },
      'directed-metasgd': { base: 'metasgd', firstOrder: false, learnsRates: true, directed: true, innerLoop: true },
      multitask: { base: 'multitask', firstOrder: true, learnsRates: false, directed: false, innerLoop: false },
    });
  });

  it('a Directed- row differs from its base row only in `directed`', () => {
    for (const name of ALGORITHMS) {
      const spec = algorithmSpec(name);
      expect({ ...spec, directed: false }).toEqual(algorithmSpec(spec.base));
    }
  });

  it('knows no name outside the table, not even a prototype key or a directed- prefix of an unknown base', () => {
    expect(isAlgorithmName('metasgd')).toBe(true);
    expect(isAlgorithmName('toString')).toBe(false);
    expect(isAlgorithmName('directed-reptile')).toBe(false);
  });

  it('the report pairs a Directed-X with X through the table and leaves unknown names alone', () => {
    expect(ALGORITHMS.map((a) => [baseName(a), isDirectedName(a)])).toEqual([
      ['maml', false], ['fomaml', false], ['metasgd', false], ['maml', true], ['fomaml', true], ['metasgd', true], ['multitask', false],
    ]);
    expect([baseName('directed-reptile'), isDirectedName('directed-reptile')]).toEqual(['directed-reptile', false]);
  });
});
