// Per env, the "fast adaptation" figure: the held-out return against the inner steps taken from
// the meta-parameters (0..S of eval.json's adaptation), a line per group, mean over its runs with
// the 95% band, one panel per action mode.
import { type Panel, type Series, panelChart } from '../plot/svg.js';
import { ACTION_MODES, type ActionMode, type GroupAdaptation } from './adaptation.js';
import type { Figure } from './figures.js';
import { dashedFor, groupColor, groupLabel, hasVariants } from './figure-style.js';

function series(a: GroupAdaptation, mode: ActionMode, variants: boolean): Series {
  const curve = a.returns[mode];
  const points = curve.map((m, k) => [k, m.mean] as const);
  const band = curve.flatMap((m, k) => (Number.isNaN(m.halfWidth) ? [] : [[k, m.mean - m.halfWidth, m.mean + m.halfWidth] as const]));
  return { label: groupLabel(a.group, variants), points, band, color: groupColor(a.group, variants), dashed: dashedFor(a.group.algo) };
}

export function adaptationFigures(experiment: string, adaptation: readonly GroupAdaptation[]): Figure[] {
  const envs = [...new Set(adaptation.map((a) => a.group.env))];
  return envs.map((env) => {
    const own = adaptation.filter((a) => a.group.env === env);
    const variants = hasVariants(own.map((a) => a.group));
    const panels: Panel[] = ACTION_MODES.map((mode) => ({ title: `${mode} actions`, series: own.map((a) => series(a, mode, variants)) }));
    const title = `${env}: held-out return after 0 to S inner steps from the meta-parameters (eval.json, mean over seeds, 95% band)`;
    return { title, path: `figures/${experiment}-${env}-adaptation.svg`, svg: panelChart(panels, { title, xLabel: 'inner steps', yLabel: 'held-out return', columns: 2 }) };
  });
}
