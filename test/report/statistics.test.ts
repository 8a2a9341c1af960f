import { describe, expect, it } from 'vitest';
import { meanOverBudget } from '../../src/report/area.js';
import { chiSquare1Upper, tTwoSided } from '../../src/report/distributions.js';
import { holmAdjusted } from '../../src/report/multiplicity.js';
import { welchTest } from '../../src/report/statistics.js';
import { type Observation, kaplanMeier, logRank, medianTime } from '../../src/report/survival.js';

const event = (time: number): Observation => ({ time, event: true });
const censored = (time: number): Observation => ({ time, event: false });

describe('tail probabilities', () => {
  it('gives Student\'s t tails of the closed forms for 1 and 2 degrees of freedom, and the table\'s quantiles', () => {
    // df 1: 1 - (2/pi) atan|t|; df 2: 1 - |t| / sqrt(2 + t^2).
    for (const t of [0.3, 1, 2.5, 9.9]) {
      expect(tTwoSided(t, 1)).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(t), 12);
      expect(tTwoSided(-t, 2)).toBeCloseTo(1 - t / Math.sqrt(2 + t * t), 12);
    }
    expect(tTwoSided(2.228, 10)).toBeCloseTo(0.05, 4);
    expect(tTwoSided(0, 7)).toBe(1);
  });

  it('gives the chi-square (1 df) tail at its 5% and 1% quantiles and erfc(sqrt(x / 2))', () => {
    expect(chiSquare1Upper(3.841458820694124)).toBeCloseTo(0.05, 12);
    expect(chiSquare1Upper(6.634896601021214)).toBeCloseTo(0.01, 12);
    // erfc(0.5) = 0.4795001221869535.
    expect(chiSquare1Upper(0.5)).toBeCloseTo(0.4795001221869535, 12);
    expect(chiSquare1Upper(0)).toBe(1);
  });

  it('gives Welch\'s test p: [2, 3] against [9, 10] is t = -7 / sqrt(1/2) on 2 df', () => {
    const t = welchTest([2, 3], [9, 10]);
    expect(t?.t).toBeCloseTo(-7 / Math.sqrt(0.5), 12);
    expect(t?.p).toBeCloseTo(1 - (7 / Math.sqrt(0.5)) / Math.sqrt(2 + 98), 12);
    expect(welchTest([1], [2, 3])).toBeNull();
  });
});

describe('Kaplan-Meier and log-rank on a small censored set', () => {
  // A: events at 1 and 3, censored at 2 and 4; B: events at 2 and 4, censored at 5.
  const a = [event(1), censored(2), event(3), censored(4)];
  const b = [event(2), event(4), censored(5)];

  it('steps at each event time, a censoring at an event\'s time still at risk then', () => {
    expect(kaplanMeier(a)).toEqual([
      { time: 1, atRisk: 4, events: 1, survival: 0.75 },
      { time: 3, atRisk: 2, events: 1, survival: 0.375 },
    ]);
    expect(medianTime(kaplanMeier(a))).toBe(3);
    // B: 1 - 1/3, then times 1 - 1/2: 1/3 at 4, never 1/2 or below before it.
    const sb = kaplanMeier(b).map((s) => s.survival);
    expect(sb[0]).toBeCloseTo(2 / 3, 15);
    expect(sb[1]).toBeCloseTo(1 / 3, 15);
    expect(medianTime(kaplanMeier(b))).toBe(4);
    expect(medianTime(kaplanMeier([event(1), censored(2), censored(3)]))).toBeNull();
  });

  it('sums observed and expected events of A and the hypergeometric variances over the pooled event times', () => {
    // t = 1: 7 at risk, 4 of A, 1 event: E 4/7, V (4/7)(3/7); t = 2: 3 and 3, E 1/2, V 1/4; t = 3: 2 and 2, E 1/2,
    // V 1/4; t = 4: A 1 of 3, E 1/3, V (1/3)(2/3)(2/2).
    const expected = 4 / 7 + 1 / 2 + 1 / 2 + 1 / 3;
    const variance = 12 / 49 + 1 / 4 + 1 / 4 + 2 / 9;
    const r = logRank(a, b);
    expect(r?.observedA).toBe(2);
    expect(r?.expectedA).toBeCloseTo(expected, 12);
    expect(r?.variance).toBeCloseTo(variance, 12);
    expect(r?.chiSquare).toBeCloseTo((2 - expected) ** 2 / variance, 12);
    expect(r?.p).toBeCloseTo(0.92285, 4);
  });

  it('is not testable when no run of either side reached the level', () => {
    expect(logRank([censored(10), censored(10)], [censored(8)])).toBeNull();
  });
});

describe('Holm-Bonferroni', () => {
  it('adjusts a known list: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1, made non-decreasing, in the order given', () => {
    const adjusted = holmAdjusted([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((v, i) => expect(adjusted[i]).toBeCloseTo(v, 15));
  });

  it('caps at 1 and keeps the running maximum', () => {
    expect(holmAdjusted([0.5, 0.6])).toEqual([1, 1]);
    expect(holmAdjusted([])).toEqual([]);
  });
});

describe('area under a curve up to a budget', () => {
  // (2, 10), (4, 20), (8, 20): 10 held back over [0, 2], then trapezoids.
  const curve = [[2, 10], [4, 20], [8, 20]] as const;

  it('is the mean of the curve over [0, budget], interpolated at the budget', () => {
    expect(meanOverBudget(curve, 8)).toBe((20 + 30 + 80) / 8);
    expect(meanOverBudget(curve, 6)).toBe((20 + 30 + 40) / 6);
    expect(meanOverBudget(curve, 3)).toBe((20 + 12.5) / 3);
    expect(meanOverBudget(curve, 1)).toBe(10);
  });

  it('refuses a budget beyond the curve or not positive', () => {
    expect(() => meanOverBudget(curve, 9)).toThrow('budget is 9, expected a number in (0, the last x]');
    expect(() => meanOverBudget(curve, 0)).toThrow('budget is 0');
  });
});
