import { describe, expect, it } from 'vitest';
import { X_AXES, xAxis } from '../../src/meta/x-axes.js';

describe('the x-axes of the learning curves', () => {
  it('read the iteration, the training seconds and the env steps of a log line, in that order', () => {
    const line = { iteration: 7, totals: { envSteps: 5600, gradientEvaluations: 14, hvps: 3, seconds: 2.25 } };
    expect(X_AXES.map((a) => [a.key, a.label, a.slug, a.of(line)])).toEqual([
      ['iteration', 'meta-iterations', 'iterations', 7],
      ['seconds', 'training seconds', 'seconds', 2.25],
      ['envSteps', 'env steps', 'env-steps', 5600],
    ]);
    expect(xAxis('envSteps')).toBe(X_AXES[2]);
  });
});
