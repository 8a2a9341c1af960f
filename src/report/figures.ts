// One experiment's SVG figures: per env, the post-adaptation held-out return of every algorithm
// (mean over seeds, with its 95% band) against iterations, seconds and env steps, one panel per
// variant when the experiment has several; per env and level, the Kaplan-Meier estimate of the
// runs not yet at the level against iterations; and one bar chart of the seconds to reach the threshold.
// File names start with the experiment's name, so several experiments share one figures/ folder.
import { X_AXES, type XAxisKey } from '../meta/x-axes.js';
import { type Bar, type Panel, type Series, barChart, lineChart, panelChart } from '../plot/svg.js';
import { baseGroup, isDirectedName, levelName } from './claims.js';
import { colorOf, hasVariants } from './figure-style.js';
import { type Level, levelsOf } from './levels.js';
import { type Observation, kaplanMeier } from './survival.js';
import type { RunGroup } from './groups.js';
import { type HeldOutPoint, levelObservations } from './run-metrics.js';
import { mean, meanInterval } from './statistics.js';

export interface Figure {
  readonly title: string;
  /** Relative to the page's folder. */
  readonly path: string;
  readonly svg: string;
}

const PANEL_COLUMNS = 4;
const DEFAULT_VARIANT = 'default';

/** Mean over seeds at each evaluated iteration that every seed evaluated; the band is the 95% interval. */
function groupSeries(g: RunGroup, x: XAxisKey): Series {
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
  return { label: g.algo, points, band, color: colorOf(g.algo), dashed: !isDirectedName(g.algo) };
}

/**
 * One panel per variant: its groups, and the base groups its directed groups are compared with
 * when those ran under another variant (as the claims pair them), named in the panel's title.
 */
function variantPanels(envGroups: readonly RunGroup[], x: XAxisKey): Panel[] {
  // The default variant first: the others are read against it.
  const variants = [...new Set(envGroups.map((g) => g.variant))].sort((a, b) => Number(b === DEFAULT_VARIANT) - Number(a === DEFAULT_VARIANT));
  return variants.map((variant) => {
    const own = envGroups.filter((g) => g.variant === variant);
    const bases = own.flatMap((g) => (isDirectedName(g.algo) ? [baseGroup(g, envGroups)] : [])).filter((b): b is RunGroup => b !== undefined && b.variant !== variant);
    const borrowed = [...new Set(bases.map((b) => b.variant))];
    const title = borrowed.length === 0 ? variant : `${variant} (base: ${borrowed.join(', ')})`;
    return { title, series: [...bases, ...own].map((g) => groupSeries(g, x)) };
  });
}

function timeToThreshold(experiment: string, groups: readonly RunGroup[], thresholdFor: (env: string) => number | null): Figure {
  const variants = hasVariants(groups);
  const bars: Bar[] = groups.filter((g) => thresholdFor(g.env) !== null).map((g) => {
    const seconds = g.runs.flatMap((m) => (m.convergence === null ? [] : [m.convergence.seconds]));
    const s = meanInterval(seconds);
    const range = Number.isNaN(s.halfWidth) ? undefined : ([s.mean - s.halfWidth, s.mean + s.halfWidth] as const);
    const label = `${g.env} ${g.algo}${variants ? ` [${g.variant}]` : ''}`;
    const note = `${seconds.length}/${g.runs.length} reached`;
    return { label, value: s.mean, range, note, color: colorOf(g.algo), light: !isDirectedName(g.algo) };
  });
  const title = 'Seconds to reach the threshold (mean over the runs that reached it, 95% interval)';
  return { title, path: `figures/${experiment}-time-to-threshold.svg`, svg: barChart(bars, { title, xLabel: 'training seconds', yLabel: '' }) };
}

/** A Kaplan-Meier estimate as a step line from (0, 1) to the last observation. */
function survivalSeries(label: string, obs: readonly Observation[], algo: string): Series {
  const points: [number, number][] = [[0, 1]];
  let last = 1;
  for (const step of kaplanMeier(obs)) {
    points.push([step.time, last], [step.time, step.survival]);
    last = step.survival;
  }
  points.push([Math.max(...obs.map((o) => o.time)), last]);
  return { label, points, color: colorOf(algo), dashed: !isDirectedName(algo) };
}

function survivalFigure(experiment: string, env: string, envGroups: readonly RunGroup[], level: Level): Figure {
  const variants = hasVariants(envGroups);
  const series = envGroups.map((g) => survivalSeries(variants ? `${g.algo} [${g.variant}]` : g.algo, levelObservations(g.runs, level.value, 'iteration') as Observation[], g.algo));
  const title = `${env}: fraction of runs not yet at the ${levelName(level)} level against meta-iterations (Kaplan-Meier; a run that never reached it is censored at its last iteration)`;
  return { title, path: `figures/${experiment}-${env}-${level.kind}-kaplan-meier.svg`, svg: lineChart(series, { title, xLabel: 'meta-iterations', yLabel: 'fraction not at the level' }) };
}

export function reportFigures(experiment: string, groups: readonly RunGroup[], thresholdFor: (env: string) => number | null): Figure[] {
  const envs = [...new Set(groups.map((g) => g.env))];
  const figures: Figure[] = [];
  for (const env of envs) {
    const envGroups = groups.filter((g) => g.env === env);
    const panels = hasVariants(envGroups);
    for (const axis of X_AXES) {
      const title = `${env}: post-adaptation held-out return against ${axis.label} (mean over seeds, 95% band${panels ? '; a panel per variant' : ''})`;
      const options = { title, xLabel: axis.label, yLabel: 'held-out return' };
      const svg = panels ? panelChart(variantPanels(envGroups, axis.key), { ...options, columns: PANEL_COLUMNS }) : lineChart(envGroups.map((g) => groupSeries(g, axis.key)), options);
      figures.push({ title, path: `figures/${experiment}-${env}-${axis.slug}.svg`, svg });
    }
    const runs = groups.flatMap((g) => g.runs);
    for (const level of levelsOf(env, runs, thresholdFor)) figures.push(survivalFigure(experiment, env, envGroups, level));
  }
  figures.push(timeToThreshold(experiment, groups, thresholdFor));
  return figures;
}
