import { describe, expect, it } from 'vitest';
import { CLAIMS, type ClaimResult, type Verdict } from '../../src/report/claims.js';
import type { ExperimentReport } from '../../src/report/experiment-report.js';
import type { MechanismRow } from '../../src/report/mechanism-distribution.js';
import { COSINES } from '../../src/report/mechanism-distribution.js';
import { SUMMARY_END, SUMMARY_START, summaryBlock, summaryLines } from '../../src/report/summary.js';

function claim(id: 'C1' | 'C2' | 'C3' | 'C4', env: string, base: string, verdict: Verdict, variant = 'default'): ClaimResult {
  const spec = CLAIMS.find((c) => c.id === id);
  if (spec === undefined) throw new Error(id);
  return { claim: spec, measure: 'm', level: null, env, variant, base, baseVariant: variant, baseSummary: '', directedSummary: '', effect: '', p: null, adjusted: null, verdict, reason: null };
}

function mechanism(env: string, algo: string, verdict: 'supported' | 'contradicted' | 'inconclusive', estimator = 'center', variant = 'default'): MechanismRow {
  const runs = [{ run: { config: { directed: { estimator } } } }] as unknown as MechanismRow['group']['runs'];
  const group = { env, variant, algo, configKey: '', runs };
  return { group, cosine: COSINES[0], runs: 3, values: 30, nulls: 0, quantiles: [], fractionAbove: 0, test: null, adjusted: null, verdict };
}

/** Only what the summary reads. */
function experiment(name: string, claims: ClaimResult[], rows: MechanismRow[], unfinished = 0): ExperimentReport {
  const runs = Array.from({ length: 4 }, () => ({}));
  return { input: { name, runs, unfinished: Array.from({ length: unfinished }, () => ({})) }, claims, mechanism: rows, partial: unfinished > 0 } as unknown as ExperimentReport;
}

describe('the results summary', () => {
  const paper = experiment('paper', [
    // cartpole maml: C1 supported by one measure, inconclusive by another; metasgd C1 mixed; lunarlander neither.
    claim('C1', 'cartpole', 'maml', 'supported'), claim('C1', 'cartpole', 'maml', 'inconclusive'),
    claim('C1', 'cartpole', 'metasgd', 'supported'), claim('C1', 'cartpole', 'metasgd', 'contradicted'),
    claim('C1', 'lunarlander', 'maml', 'not testable'),
    claim('C2', 'cartpole', 'maml', 'contradicted'), claim('C2', 'cartpole', 'metasgd', 'inconclusive'), claim('C2', 'lunarlander', 'maml', 'inconclusive'),
    claim('C3', 'cartpole', 'maml', 'inconclusive', 'eta-half'),
  ], [
    mechanism('cartpole', 'directed-maml', 'supported'), mechanism('lunarlander', 'directed-maml', 'inconclusive'),
    // Controls: in the mechanism table, not counted among the directed groups of the summary.
    mechanism('cartpole', 'directed-maml', 'supported', 'random', 'random-task'), mechanism('cartpole', 'directed-maml', 'contradicted', 'pooled', 'pooled-step'),
  ]);
  const partial = experiment('paper-trpo', [claim('C1', 'cartpole', 'maml', 'supported')], [mechanism('cartpole', 'directed-maml', 'contradicted')], 3);

  it('counts each comparison once per claim, from the complete grids alone, and names the partial ones', () => {
    expect(summaryLines([paper, partial])).toEqual([
      '- From the complete grids paper, partial grids left out: paper-trpo (4 of 7 runs); the directed gradient points along MAML\'s second-order part (the mechanism) in 1 (cartpole directed-maml) of 2 directed groups, against it in none.',
      '- **C1** Directed-X converges faster than X: of 3 comparisons, supported in 1 (cartpole maml), contradicted in none, mixed in 1 (cartpole metasgd); 1 neither.',
      '- **C2** Directed-X ends with a higher post-adaptation held-out return than X: of 3 comparisons, supported in none, contradicted in 1 (cartpole maml); 2 neither.',
      '- **C3** Directed-X fluctuates less after convergence than X: of 1 comparison, supported in none, contradicted in none; 1 neither.',
      '- **C4** Directed-X needs less compute than X to reach the same level: of 0 comparisons, supported in none, contradicted in none; 0 neither.',
    ]);
  });

  it('names the experiment of each comparison when it summarises several, and the variant when not the default', () => {
    const ablation = experiment('ablation', [claim('C3', 'cartpole', 'maml', 'supported', 'eta-half')], []);
    const lines = summaryLines([paper, ablation]);
    expect(lines[0]).toBe('- From the complete grids paper, ablation; the directed gradient points along MAML\'s second-order part (the mechanism) in 1 (paper cartpole directed-maml) of 2 directed groups, against it in none.');
    expect(lines[3]).toBe('- **C3** Directed-X fluctuates less after convergence than X: of 2 comparisons, supported in 1 (ablation cartpole maml [eta-half]), contradicted in none; 1 neither.');
  });

  it('with no complete grid, summarises no verdict of the partial ones: every claim is not testable yet', () => {
    expect(summaryLines([partial])).toEqual([
      '- No complete grid, partial grids left out: paper-trpo (4 of 7 runs).',
      '- **C1** Directed-X converges faster than X: not testable yet, no complete grid.',
      '- **C2** Directed-X ends with a higher post-adaptation held-out return than X: not testable yet, no complete grid.',
      '- **C3** Directed-X fluctuates less after convergence than X: not testable yet, no complete grid.',
      '- **C4** Directed-X needs less compute than X to reach the same level: not testable yet, no complete grid.',
    ]);
  });

  it('reads the block between its markers, and nothing without both in order', () => {
    expect(summaryBlock(`a\n${SUMMARY_START}\n- x\n- y\n${SUMMARY_END}\nb`)).toBe('- x\n- y');
    expect(summaryBlock(`a\n${SUMMARY_START}\n- x\n`)).toBeNull();
    expect(summaryBlock(`${SUMMARY_END}\n- x\n${SUMMARY_START}`)).toBeNull();
  });
});
