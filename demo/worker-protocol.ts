import type { IterationLog, MetaConfig, TrainerSnapshot } from '../src/index.js';
import type { WasmUsage } from './wasm-usage.js';

/** Messages between the page and a training worker (one worker trains one algorithm). */

/** One episode of a policy on the preview task: the env state before every step and after the last. */
export interface EpisodeTrace {
  /** States flattened, `stateSize` numbers per frame; frames = actions.length + 1. */
  readonly states: Float64Array;
  readonly stateSize: number;
  /** What stays fixed through the episode and is drawn with every frame (LunarLander's terrain and body shapes); empty when the states say it all. */
  readonly scenery: Float64Array;
  readonly actions: Float64Array;
  readonly totalReturn: number;
  readonly terminated: boolean;
}

/** The current meta-policy on a freshly sampled task, before and after one adaptation step. */
export interface AdaptationPreview {
  /** Meta-iterations done when the preview was taken. */
  readonly iteration: number;
  /** The env's full parameters for the task (defaults and the task's own values). */
  readonly envParams: Readonly<Record<string, unknown>>;
  readonly task: Readonly<Record<string, number>>;
  readonly before: EpisodeTrace;
  readonly after: EpisodeTrace;
}

/**
 * The page's requests; the worker answers each with one reply, in order, so a snapshot asked for
 * while an iteration runs is taken after it.
 */
export type ToWorker =
  /** Builds the trainer of `config`; previews every `previewSeconds` of wall time (null: none). */
  | { readonly type: 'start'; readonly config: Partial<MetaConfig>; readonly previewSeconds: number | null }
  /** Trains one meta-iteration. */
  | { readonly type: 'step' }
  /** Asks for the checkpoint (the same JSON the CLI writes to checkpoint.json). */
  | { readonly type: 'snapshot' };

export type FromWorker =
  | { readonly type: 'started' }
  /** The iteration's log line; the preview taken before it when one was due; `done` once config.iterations are trained. */
  | { readonly type: 'iteration'; readonly log: IterationLog; readonly wasm: WasmUsage; readonly preview: AdaptationPreview | null; readonly done: boolean }
  | { readonly type: 'snapshot'; readonly snapshot: TrainerSnapshot }
  | { readonly type: 'error'; readonly message: string };
