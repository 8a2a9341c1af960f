// Which groups are controls rather than a Directed-X of their own: the directed step taken on a
// task drawn at random (directed.estimator "random") or on the pooled meta-batch ("pooled"), and
// multitask. The claims compare Directed-X with X; the controls sit in their own table beside it.
import type { RunGroup } from './groups.js';

export type ControlKind = 'random-task' | 'pooled-step' | 'multitask';

const ESTIMATOR: Readonly<Record<string, ControlKind>> = { random: 'random-task', pooled: 'pooled-step' };

/** The `directed` section's estimator ("center" when the log's config has none). */
export function estimatorOf(g: RunGroup): string {
  const d = g.runs[0].run.config.directed;
  const e = typeof d === 'object' && d !== null ? (d as Record<string, unknown>).estimator : undefined;
  return typeof e === 'string' ? e : 'center';
}

/** The control a directed group's estimator makes it, or null for Directed-X itself. */
export function estimatorControl(g: RunGroup): ControlKind | null {
  return Object.hasOwn(ESTIMATOR, estimatorOf(g)) ? ESTIMATOR[estimatorOf(g)] : null;
}
