import { containedPath } from '../io/contained-path.js';
import type { GridRun } from './grid.js';
import type { TrainJob } from './train-run.js';

/** How a grid's jobs treat the folders they find. */
export interface GridJobOptions {
  /** A folder that already holds a run is continued (finished: read back) instead of refused. */
  readonly resume: boolean;
  /** A folder another writer holds is passed over instead of failing the command. */
  readonly skipLocked: boolean;
}

/** The training job of each of a grid's runs, its folder checked to stay inside `out`. */
export function jobsOfRuns(runs: readonly Pick<GridRun, 'config' | 'dir'>[], out: string, options: GridJobOptions): TrainJob[] {
  return runs.map((run) => ({ config: run.config, dir: containedPath(out, run.dir), ...options }));
}
