// Constructed runs for the report's tests: four iterations, eval.json's [before, after], and
// optionally eval.json's adaptation block and the log's mechanism lines.
import type { AdaptationEvaluation } from '../../src/meta/adaptation-eval.js';
import type { MechanismLog } from '../../src/meta/mechanism.js';
import type { IterationLog } from '../../src/meta/trainer.js';
import type { ReportInput, RunInput } from '../../src/report/input.js';

export interface Spec {
  readonly variant?: string;
  readonly algo: string;
  readonly seed: number;
  /** eval.json's [before, after]. */
  readonly final: readonly [number, number];
  readonly estimator?: string;
  /** More keys of the config's directed section. */
  readonly directed?: Readonly<Record<string, unknown>>;
  readonly adaptation?: AdaptationEvaluation;
  /** Per iteration, the log's mechanism (null: no mechanism line). */
  readonly mechanism?: readonly (Partial<MechanismLog> | null)[];
  readonly env?: string;
}

const MECHANISM: MechanismLog = { cosHessianTerm: 0, cosCombined: 0, cosFirstOrder: 0, normDirected: 1, normFirstOrder: 1, normHessianTerm: 1 };

export function run(s: Spec): RunInput {
  const env = s.env ?? 'cartpole-goal';
  const variant = s.variant ?? 'default';
  const log: IterationLog[] = [1, 2, 3, 4].map((it) => ({
    iteration: it, returnBefore: 0, returnAfter: 0, lossBefore: 0, lossAfter: 0,
    seconds: { sampling: 0, gradients: 0, hvp: 0, directed: 0, trpo: 0, total: 1 },
    counts: { envSteps: 10, gradientEvaluations: 1, hvps: 0 },
    totals: { envSteps: 10 * it, gradientEvaluations: it, hvps: 0, seconds: it },
    memory: { retainedFloats: 0 },
    ...(s.mechanism?.[it - 1] == null ? {} : { mechanism: { ...MECHANISM, ...s.mechanism[it - 1] } }),
  }));
  const config = { env, algo: s.algo, seed: s.seed, iterations: 4, directed: { estimator: s.estimator ?? 'center', eta: null, ...s.directed } };
  return { env, variant, algo: s.algo, seed: s.seed, dir: `${env}/${variant}/${s.algo}-seed${s.seed}`, config, log, finalReturns: [...s.final], ...(s.adaptation === undefined ? {} : { adaptation: s.adaptation }) };
}

export function input(specs: readonly Spec[], name = 'adapt'): ReportInput {
  const start = { commit: 'abc', date: '2026-12-01T00:00:00Z', machine: 'Test CPU', cores: 2, node: 'v20', command: 'metarl experiment x.json' };
  return { dir: 'x', name, note: null, provenance: { ...start, earlier: [] }, runs: specs.map(run), unfinished: [] };
}

