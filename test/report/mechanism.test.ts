import { describe, expect, it } from 'vitest';
import { tTwoSided } from '../../src/report/distributions.js';
import { experimentReport } from '../../src/report/experiment-report.js';
import { resultsMarkdown } from '../../src/report/markdown.js';
import { blockMeans } from '../../src/report/mechanism-distribution.js';
import { probeCpuLine } from '../../src/report/mechanism-markdown.js';
import { oneSampleTest, quantile } from '../../src/report/statistics.js';
import { type Spec, input } from '../helpers/report-runs.js';

const noThreshold = (): number | null => null;

/**
 * Directed-MAML, 3 seeds, 4 iterations each. cos(directed, MAML - FOMAML): seed 0 0.1, 0.2, 0.3 and
 * a null (a zero vector); seed 1 0.3 to 0.6; seed 2 -0.1 to 0.2. cos(FOMAML, MAML) 0.5 throughout and
 * cos(FOMAML + directed, MAML) 0.6, 0.62, 0.61 by seed. MAML (2 seeds) logs none.
 */
const hessian = [[0.1, 0.2, 0.3, null], [0.3, 0.4, 0.5, 0.6], [-0.1, 0, 0.1, 0.2]];
const combined = [0.6, 0.62, 0.61];
const SPECS: Spec[] = [
  ...hessian.map((h, seed): Spec => ({ algo: 'directed-maml', seed, final: [0, 10 + seed], mechanism: h.map((c) => ({ cosHessianTerm: c, cosCombined: combined[seed], cosFirstOrder: 0.5 })) })),
  { algo: 'maml', seed: 0, final: [0, 9] },
  { algo: 'maml', seed: 1, final: [0, 11] },
];

const report = experimentReport(input(SPECS, 'mech'), noThreshold);
const page = resultsMarkdown({ experiments: [report], thresholdFor: noThreshold });
const lines = page.split('\n');
const rowOf = (cosine: string): string | undefined => lines.find((l) => l.startsWith(`| cartpole-goal | default | directed-maml | ${cosine} |`));

describe('statistics of the mechanism', () => {
  it('takes quantiles between order statistics, at q (n - 1)', () => {
    // Sorted 1, 2, 4, 8: q 0.5 at position 1.5 = 3; q 0.1 at 0.3 = 1.3; the ends are the extremes.
    expect([quantile([8, 1, 4, 2], 0.5), quantile([8, 1, 4, 2], 0.1), quantile([8, 1, 4, 2], 0), quantile([8, 1, 4, 2], 1)]).toEqual([3, 1.3, 1, 8]);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('tests a mean against 0 by Student\'s t: scipy\'s ttest_1samp([0.2, 0.45, 0.05]) is t 2, p 0.18350', () => {
    const t = oneSampleTest([0.2, 0.45, 0.05]);
    expect(t?.p).toBeCloseTo(0.1835034190722739, 10);
    expect(t?.mean).toBeCloseTo(0.7 / 3, 15);
    // 4.303 x sd / sqrt(3), sd = sqrt(0.040833): 0.1167 x 4.303.
    expect(t?.high).toBeCloseTo(0.7 / 3 + 4.303 * 0.11666666666666668, 12);
    expect(oneSampleTest([1])).toBeNull();
    expect(oneSampleTest([2, 2])?.p).toBe(0);
  });
});

describe('the mechanism table', () => {
  it('gives the distribution over every logged iteration, the null left out and counted', () => {
    // The 11 values sorted: -0.1, 0, 0.1, 0.1, 0.2, 0.2, 0.3, 0.3, 0.4, 0.5, 0.6. q10 at 1: 0; q25 at 2.5: 0.1;
    // q50 at 5: 0.2; q75 at 7.5: 0.35; q90 at 9: 0.5; 9 of 11 above 0. The runs' means 0.2, 0.45, 0.05: 0.233,
    // interval 0.233 ± 4.303 x 0.1167; p 0.1835 (scipy), Holm x 1 as the larger of the two.
    expect(rowOf('cos(directed, MAML - FOMAML)')).toBe('| cartpole-goal | default | directed-maml | cos(directed, MAML - FOMAML) | 3 | 11 (1 null) | 0.000 | 0.100 | 0.200 | 0.350 | 0.500 | 0.818 | 0.233 [-0.269, 0.735] | 0.1835 | 0.1835 | inconclusive |');
  });

  it('tests FOMAML + directed against FOMAML alone on each run\'s mean gain, Holm-adjusted with the other test', () => {
    // Gains 0.1, 0.12, 0.11: t 19.05 on 2 df, p 0.002743 (scipy), Holm x 2: 0.0055, supported.
    const p = tTwoSided(0.11 / (0.01 / Math.sqrt(3)), 2);
    expect(p).toBeCloseTo(0.002743489394425921, 6);
    expect(rowOf('cos(FOMAML + directed, MAML)')).toBe('| cartpole-goal | default | directed-maml | cos(FOMAML + directed, MAML) | 3 | 12 | 0.600 | 0.600 | 0.610 | 0.620 | 0.620 | 1.000 | 0.110 [0.085, 0.135] | 0.0027 | 0.0055 | supported |');
    expect(rowOf('cos(FOMAML, MAML)')).toBe('| cartpole-goal | default | directed-maml | cos(FOMAML, MAML) | 3 | 12 | 0.500 | 0.500 | 0.500 | 0.500 | 0.500 | 1.000 |  |  |  | reference |');
  });

  it('states the tests and the verdict rule before the numbers, and has no row for a group without mechanism lines', () => {
    const at = lines.indexOf('### The mechanism');
    const header = lines.findIndex((l) => l.startsWith('| env | variant | algo | cosine |'));
    expect(lines.findIndex((l) => l.startsWith('- **cos(directed, MAML - FOMAML)**: the directed gradient points along'))).toBeGreaterThan(at);
    const rule = lines.findIndex((l) => l.includes('Supported if the adjusted p is below 0.05 and the mean is above 0'));
    expect(rule).toBeGreaterThan(at);
    expect(rule).toBeLessThan(header);
    expect(lines.filter((l) => l.startsWith('| cartpole-goal | default | maml |') && l.includes('cos('))).toEqual([]);
  });
});

describe('the mechanism over training', () => {
  it('averages each run over blocks of iterations, then over runs in the figure', () => {
    const directed = report.groups.find((g) => g.algo === 'directed-maml');
    if (directed === undefined) throw new Error('no directed group');
    const blocks = blockMeans(directed, 'cosHessianTerm', 2);
    expect(blocks.map((b) => b.start)).toEqual([1, 3]);
    // Block 1: (0.1 + 0.2) / 2, (0.3 + 0.4) / 2, (-0.1 + 0) / 2; block 3: seed 0's null left out.
    expect(blocks[0].values.map((v) => v.toFixed(12))).toEqual(['0.150000000000', '0.350000000000', '-0.050000000000']);
    expect(blocks[1].values.map((v) => v.toFixed(12))).toEqual(['0.300000000000', '0.550000000000', '0.150000000000']);
    const f = report.figures.find((x) => x.path === 'figures/mech-cartpole-goal-mechanism.svg');
    expect(f?.title).toBe('cartpole-goal: the mechanism\'s cosines over training (mean over seeds of each block of 1 iteration, 95% band)');
    for (const panel of ['cos(directed, MAML - FOMAML)', 'cos(FOMAML + directed, MAML)', 'cos(FOMAML, MAML)']) expect(f?.svg).toContain(`>${panel}</text>`);
  });
});

describe('the mechanism probe\'s CPU time', () => {
  // Two directed runs: per iteration 0.5 CPU s of training and 0.1 of probe; two maml runs: 1.0 and none.
  const withCpu = (r: ReturnType<typeof input>['runs'][number], cpu: number, probe: number | null): typeof r => ({
    ...r, log: r.log.map((l) => ({ ...l, cpuSeconds: cpu, ...(probe === null ? {} : { mechanismCpuSeconds: probe }) })),
  });
  const base = input([
    ...[0, 1].map((seed): Spec => ({ algo: 'directed-maml', seed, final: [0, 1], mechanism: [{}, {}, {}, {}] })),
    ...[0, 1].map((seed): Spec => ({ algo: 'maml', seed, final: [0, 1] })),
  ]);
  const runs = base.runs.map((r) => (r.algo === 'maml' ? withCpu(r, 1, null) : withCpu(r, 0.5, 0.1)));
  const report = experimentReport({ ...base, runs }, () => null);

  it('is a share of the training CPU of the runs that logged it, and stays out of the cost table\'s CPU seconds', () => {
    // 2 runs x 4 iterations: 0.8 s of probe over 4.0 s of training = 20%.
    expect(probeCpuLine(report)).toContain('over the 2 runs that logged it, 0.800 CPU s, 20.0% of their 4.000 CPU s of training.');
    const page = resultsMarkdown({ experiments: [report], thresholdFor: () => null }).split('\n');
    expect(page.find((l) => l.startsWith('| cartpole-goal | default | directed-maml | 2 | 2.000 ± 0.000 | 0.5000 ± 0.0000 |'))).toBeDefined();
  });
});
