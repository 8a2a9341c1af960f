// What the results page is computed from: an experiment's provenance and its runs' logs and final
// evaluations, as plain data (the CLI reads them from an experiment folder; a page can hold them
// in memory), so everything from here on runs anywhere.
import type { AdaptationEvaluation } from '../meta/adaptation-eval.js';
import type { IterationLog } from '../meta/trainer.js';

/** One start of a grid (the first, or a resume): what trained its runs from then on. */
export interface GridStart {
  /** The git commit of the working folder, or "unknown" outside a git checkout. */
  readonly commit: string;
  /** ISO 8601, UTC. */
  readonly date: string;
  /** The host name of the process that started; absent in files written before it was recorded. */
  readonly host?: string;
  /** The CPU model. */
  readonly machine: string;
  readonly cores: number;
  /** Node's version, "v20.11.0". */
  readonly node: string;
  /** The command line: "metarl experiment experiments/x.json --workers 2". */
  readonly command: string;
}

/**
 * What produced a grid's runs, for the results page: the latest start, and the earlier ones oldest
 * first, so a grid resumed on another day or commit says so. provenance.json omits `earlier` when
 * it is empty.
 */
export interface Provenance extends GridStart {
  readonly earlier: readonly GridStart[];
}

export interface RunInput {
  readonly env: string;
  readonly variant: string;
  readonly algo: string;
  readonly seed: number;
  /** ENV/VARIANT/ALGO-seedS, relative to the experiment folder. */
  readonly dir: string;
  /** The run's full resolved config, as grid.json lists it. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly log: readonly IterationLog[];
  /** eval.json's returns: k = 0..K inner steps, after the last iteration. */
  readonly finalReturns: readonly number[];
  /** eval.json's adaptation (0..max(3, K) steps, sampled and greedy, the swap test); absent in files written before it was evaluated. */
  readonly adaptation?: AdaptationEvaluation;
}

/** A planned run without eval.json: interrupted, or not started (its log may be partial or absent). */
export interface UnfinishedRun {
  readonly env: string;
  readonly variant: string;
  readonly algo: string;
  readonly seed: number;
  readonly dir: string;
  /** Lines in its log.jsonl; 0 when there is none. */
  readonly iterationsLogged: number;
  /** config.iterations. */
  readonly iterationsPlanned: number;
}

export interface ReportInput {
  /** The experiment folder it was read from. */
  readonly dir: string;
  readonly name: string;
  /** grid.json's note on the grid's design (a budget cut, say); null when it has none. */
  readonly note: string | null;
  readonly provenance: Provenance;
  /** The finished runs, sorted by env, variant, algo, seed. */
  readonly runs: readonly RunInput[];
  /** Sorted as runs. */
  readonly unfinished: readonly UnfinishedRun[];
}
