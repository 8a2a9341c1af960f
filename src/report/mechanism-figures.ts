// Per env, the mechanism over training: each group's mean cosine over its runs in blocks of
// iterations (at most MAX_POINTS blocks, so a long run stays a small file), with the 95% band over
// runs; one panel per cosine.
import { type Panel, type Series, panelChart } from '../plot/svg.js';
import type { Figure } from './figures.js';
import { dashedFor, groupColor, groupLabel, hasVariants } from './figure-style.js';
import type { RunGroup } from './groups.js';
import { COSINES, type CosineKey, type MechanismRow, blockMeans } from './mechanism-distribution.js';
import { meanInterval } from './statistics.js';

const MAX_POINTS = 50;

function series(g: RunGroup, key: CosineKey, block: number, variants: boolean): Series {
  const points: [number, number][] = [];
  const band: [number, number, number][] = [];
  for (const b of blockMeans(g, key, block)) {
    const x = b.start + (block - 1) / 2;
    const m = meanInterval(b.values);
    points.push([x, m.mean]);
    if (!Number.isNaN(m.halfWidth)) band.push([x, m.mean - m.halfWidth, m.mean + m.halfWidth]);
  }
  return { label: groupLabel(g, variants), points, band, color: groupColor(g, variants), dashed: dashedFor(g.algo) };
}

export function mechanismFigures(experiment: string, rows: readonly MechanismRow[]): Figure[] {
  const groups = [...new Set(rows.map((r) => r.group))];
  const envs = [...new Set(groups.map((g) => g.env))];
  return envs.map((env) => {
    const own = groups.filter((g) => g.env === env);
    const variants = hasVariants(own);
    const last = Math.max(...own.flatMap((g) => g.runs.map((m) => m.iterations)));
    const block = Math.max(1, Math.ceil(last / MAX_POINTS));
    const panels: Panel[] = COSINES.map((c) => ({ title: c.label, series: own.map((g) => series(g, c.key, block, variants)) }));
    const title = `${env}: the mechanism's cosines over training (mean over seeds of each block of ${block} iteration${block === 1 ? '' : 's'}, 95% band)`;
    return { title, path: `figures/${experiment}-${env}-mechanism.svg`, svg: panelChart(panels, { title, xLabel: 'meta-iteration', yLabel: 'cosine', columns: COSINES.length }) };
  });
}
