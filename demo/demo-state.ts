import type { WasmUsage } from './wasm-usage.js';
import type { AdaptationPreview, EpisodeTrace } from './worker-protocol.js';

/** What the page shows, for people reading the status line and for the screenshot test. */
export interface DemoState {
  env: string;
  lanes: { algo: string; iterations: number; previews: number; firstPreview: PreviewRecord | null; done: boolean; error: string | null }[];
  /** Animation frames drawn of the current runs' previews (Restart starts again at 0). */
  framesDrawn: number;
  /** The kernels of the first worker that reported. */
  wasm: WasmUsage | null;
  audit: { file: string; quantities: number; maxError: number } | { file: string; error: string } | null;
}

/** An episode trace as plain numbers. */
export interface EpisodeRecord {
  steps: number;
  totalReturn: number;
  terminated: boolean;
  states: number[];
  scenery: number[];
}

/** A preview as plain numbers: a run's first one is taken before any training, so Node can repeat it. */
export interface PreviewRecord {
  iteration: number;
  task: Record<string, number>;
  before: EpisodeRecord;
  after: EpisodeRecord;
}

function episodeRecord(trace: EpisodeTrace): EpisodeRecord {
  const { totalReturn, terminated } = trace;
  return { steps: trace.actions.length, totalReturn, terminated, states: Array.from(trace.states), scenery: Array.from(trace.scenery) };
}

export function previewRecord(preview: AdaptationPreview): PreviewRecord {
  return { iteration: preview.iteration, task: { ...preview.task }, before: episodeRecord(preview.before), after: episodeRecord(preview.after) };
}
