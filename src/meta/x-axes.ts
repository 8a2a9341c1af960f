import type { IterationLog } from './trainer.js';

/** A running count of the training log that learning curves are drawn against. */
export type XAxisKey = 'iteration' | 'seconds' | 'envSteps';

export interface XAxis {
  readonly key: XAxisKey;
  /** The axis's title on a chart. */
  readonly label: string;
  /** The axis in a file name: `iterations`, `seconds`, `env-steps`. */
  readonly slug: string;
  /** The count after the iteration a log line records. */
  readonly of: (log: Pick<IterationLog, 'iteration' | 'totals'>) => number;
}

/** The x-axes of every learning curve (compare's, the report's, the demo's), in the order they are drawn. */
export const X_AXES: readonly XAxis[] = [
  { key: 'iteration', label: 'meta-iterations', slug: 'iterations', of: (l) => l.iteration },
  { key: 'seconds', label: 'training seconds', slug: 'seconds', of: (l) => l.totals.seconds },
  { key: 'envSteps', label: 'env steps', slug: 'env-steps', of: (l) => l.totals.envSteps },
];

/** The axis of `key`. */
export function xAxis(key: XAxisKey): XAxis {
  return X_AXES.find((a) => a.key === key) as XAxis;
}
