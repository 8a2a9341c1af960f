// The claims the page tests, each with its verdict rule fixed before looking at the numbers:
// Directed-X against X on the same env and config (the directed section, which X ignores, aside),
// from Welch's 95% interval of the difference of the two means over seeds.
import { algorithmSpec, isAlgorithmName } from '../meta/algorithms.js';
import type { RunGroup } from './groups.js';
import type { RunMetrics } from './run-metrics.js';
import { type Difference, mean, welchInterval } from './statistics.js';

export type Verdict = 'supported' | 'contradicted' | 'inconclusive';

export interface ClaimSpec {
  readonly id: string;
  readonly statement: string;
  readonly rule: string;
  /** The per-run value compared; null when the claim does not apply to the run's env. */
  readonly value: (m: RunMetrics, threshold: number | null) => number | null;
  /** Whether the claim predicts directed - base < 0 (fewer, lower) rather than > 0. */
  readonly predictsLower: boolean;
}

const WELCH = 'the Welch 95% interval of mean(directed) - mean(base) over seeds';

export const CLAIMS: readonly ClaimSpec[] = [
  {
    id: 'C1',
    statement: 'Directed-X reaches the threshold in fewer meta-iterations than X',
    rule: `supported if ${WELCH} of iterations-to-threshold lies below zero, contradicted if above zero, else inconclusive (also with fewer than two seeds a side); a run that never reaches the threshold counts as its total iterations, a lower bound`,
    value: (m, threshold) => (threshold === null ? null : m.convergence?.iteration ?? m.iterations),
    predictsLower: true,
  },
  {
    id: 'C2',
    statement: 'Directed-X ends with a higher post-adaptation held-out return than X',
    rule: `supported if ${WELCH} of the final post-adaptation held-out return lies above zero, contradicted if below zero, else inconclusive`,
    value: (m) => m.finalAfter,
    predictsLower: false,
  },
  {
    id: 'C3',
    statement: 'Directed-X fluctuates less after convergence than X',
    rule: `supported if ${WELCH} of the standard deviation of the held-out return over the last quarter of iterations lies below zero, contradicted if above zero, else inconclusive; runs with fewer than two evaluations in their last quarter are left out`,
    value: (m) => (Number.isNaN(m.fluctuation) ? null : m.fluctuation),
    predictsLower: true,
  },
];

export interface ClaimResult {
  readonly claim: ClaimSpec;
  readonly env: string;
  readonly variant: string;
  readonly base: string;
  /** The variant of the base runs: another than `variant` when that variant ran only Directed-X. */
  readonly baseVariant: string;
  readonly baseMean: number;
  readonly directedMean: number;
  readonly difference: Difference | null;
  readonly verdict: Verdict;
}

function verdictOf(d: Difference | null, predictsLower: boolean): Verdict {
  if (d === null) return 'inconclusive';
  const below = d.high < 0;
  const above = d.low > 0;
  if (below) return predictsLower ? 'supported' : 'contradicted';
  if (above) return predictsLower ? 'contradicted' : 'supported';
  return 'inconclusive';
}

/** Whether a logged algorithm name is a Directed-X (the report reads names from grid.json as they are: unknown ones are not). */
export const isDirectedName = (algo: string): boolean => isAlgorithmName(algo) && algorithmSpec(algo).directed;

/** X of Directed-X, and X itself. */
export const baseName = (algo: string): string => (isAlgorithmName(algo) ? algorithmSpec(algo).base : algo);

/**
 * The X group of a Directed-X group: on the same env, with the same config apart from algo, seed
 * and the directed section; the one of the same variant if it matches, else the first in `groups`.
 */
export function baseGroup(directed: RunGroup, groups: readonly RunGroup[]): RunGroup | undefined {
  const algo = baseName(directed.algo);
  const matching = groups.filter((g) => g.env === directed.env && g.algo === algo && g.configKey === directed.configKey);
  return matching.find((g) => g.variant === directed.variant) ?? matching[0];
}

/** Every claim on every Directed-X group that has an X group of the same config (groups of one experiment). */
export function evaluateClaims(groups: readonly RunGroup[], thresholdFor: (env: string) => number | null): ClaimResult[] {
  const results: ClaimResult[] = [];
  for (const directed of groups.filter((g) => isDirectedName(g.algo))) {
    const base = baseGroup(directed, groups);
    if (base === undefined) continue;
    const threshold = thresholdFor(directed.env);
    for (const claim of CLAIMS) {
      const values = (g: RunGroup): number[] => g.runs.map((m) => claim.value(m, threshold)).filter((v): v is number => v !== null);
      const [d, b] = [values(directed), values(base)];
      if (d.length === 0 && b.length === 0) continue;
      const difference = welchInterval(d, b);
      results.push({ claim, env: directed.env, variant: directed.variant, base: base.algo, baseVariant: base.variant, baseMean: mean(b), directedMean: mean(d), difference, verdict: verdictOf(difference, claim.predictsLower) });
    }
  }
  return results;
}
