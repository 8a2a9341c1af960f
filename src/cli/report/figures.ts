// One experiment's SVG figures: per env, the post-adaptation held-out return of every algorithm
// and variant (mean over seeds, with its 95% band) against iterations, seconds and env steps; and
// one bar chart of the seconds to reach the threshold. File names start with the experiment's name,
// so several experiments share one figures/ folder.
import { type Bar, type Series, barChart, lineChart } from '../../plot/svg.js';
import type { RunGroup } from './groups.js';
import type { HeldOutPoint } from './run-metrics.js';
import { mean, meanInterval } from './statistics.js';

export interface Figure {
  readonly title: string;
  /** Relative to the page's folder. */
  readonly path: string;
  readonly svg: string;
}

const AXES: readonly { readonly key: 'iteration' | 'seconds' | 'envSteps'; readonly file: string; readonly label: string }[] = [
  { key: 'iteration', file: 'iterations', label: 'meta-iterations' },
  { key: 'seconds', file: 'seconds', label: 'training seconds' },
  { key: 'envSteps', file: 'env-steps', label: 'env steps' },
];

const seriesLabel = (g: RunGroup): string => `${g.algo} [${g.variant}]`;

/** Mean over seeds at each evaluated iteration that every seed evaluated; the band is the 95% interval. */
function groupSeries(g: RunGroup, x: 'iteration' | 'seconds' | 'envSteps'): Series {
  const curves = g.runs.map((m) => new Map(m.curve.map((p) => [p.iteration, p] as const)));
  const shared = g.runs[0].curve.map((p) => p.iteration).filter((it) => curves.every((c) => c.has(it)));
  const points: [number, number][] = [];
  const band: [number, number, number][] = [];
  for (const it of shared) {
    const at = curves.map((c) => c.get(it) as HeldOutPoint);
    const xValue = mean(at.map((p) => p[x]));
    const y = meanInterval(at.map((p) => p.after));
    points.push([xValue, y.mean]);
    if (!Number.isNaN(y.halfWidth)) band.push([xValue, y.mean - y.halfWidth, y.mean + y.halfWidth]);
  }
  return { label: seriesLabel(g), points, band };
}

function timeToThreshold(experiment: string, groups: readonly RunGroup[], thresholdFor: (env: string) => number | null): Figure {
  const bars: Bar[] = groups.filter((g) => thresholdFor(g.env) !== null).map((g) => {
    const seconds = g.runs.flatMap((m) => (m.convergence === null ? [] : [m.convergence.seconds]));
    const s = meanInterval(seconds);
    const range = Number.isNaN(s.halfWidth) ? undefined : ([s.mean - s.halfWidth, s.mean + s.halfWidth] as const);
    return { label: `${g.env} ${seriesLabel(g)}`, value: s.mean, range, note: `${seconds.length}/${g.runs.length} reached` };
  });
  const title = 'Seconds to reach the threshold (mean over the runs that reached it, 95% interval)';
  return { title, path: `figures/${experiment}-time-to-threshold.svg`, svg: barChart(bars, { title, xLabel: 'training seconds', yLabel: '' }) };
}

export function reportFigures(experiment: string, groups: readonly RunGroup[], thresholdFor: (env: string) => number | null): Figure[] {
  const envs = [...new Set(groups.map((g) => g.env))];
  const figures: Figure[] = [];
  for (const env of envs) {
    const envGroups = groups.filter((g) => g.env === env);
    for (const axis of AXES) {
      const title = `${env}: post-adaptation held-out return against ${axis.label} (mean over seeds, 95% band)`;
      const svg = lineChart(envGroups.map((g) => groupSeries(g, axis.key)), { title, xLabel: axis.label, yLabel: 'held-out return' });
      figures.push({ title, path: `figures/${experiment}-${env}-${axis.file}.svg`, svg });
    }
  }
  figures.push(timeToThreshold(experiment, groups, thresholdFor));
  return figures;
}
