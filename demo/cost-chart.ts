import type { IterationLog } from '../src/index.js';
import type { Surface } from './canvas.js';

/**
 * Where an iteration's time goes, per run: one horizontal bar of the mean milliseconds over the
 * last iterations, split into the trainer's cost buckets (the rest of `total` is "other": task
 * sampling, env construction, the outer update).
 */

export const COST_BUCKETS = ['sampling', 'gradients', 'hvp', 'directed', 'other'] as const;
export type CostPart = (typeof COST_BUCKETS)[number];

export const COST_LABELS: Readonly<Record<CostPart, string>> = {
  sampling: 'sampling',
  gradients: 'gradients',
  hvp: 'Hessian-vector products',
  directed: 'directed step',
  other: 'other',
};

/** Iterations averaged: recent enough to follow the policy's episode lengths. */
const WINDOW = 10;

export interface CostRow {
  readonly label: string;
  readonly logs: readonly IterationLog[];
}

/** Mean milliseconds per bucket over the last WINDOW iterations (zeros before the first). */
export function meanSplit(logs: readonly IterationLog[]): Record<CostPart, number> {
  const recent = logs.slice(-WINDOW);
  const split: Record<CostPart, number> = { sampling: 0, gradients: 0, hvp: 0, directed: 0, other: 0 };
  for (const { seconds: s } of recent) {
    split.sampling += s.sampling;
    split.gradients += s.gradients;
    split.hvp += s.hvp;
    split.directed += s.directed;
    split.other += Math.max(0, s.total - s.sampling - s.gradients - s.hvp - s.directed);
  }
  for (const key of COST_BUCKETS) split[key] = recent.length === 0 ? 0 : (1000 * split[key]) / recent.length;
  return split;
}

export function drawCostChart({ ctx, width, height }: Surface, rows: readonly CostRow[], colors: Record<CostPart, string>, textColor: string): void {
  const labelW = 120;
  const barH = Math.min(26, (height - 8) / rows.length - 10);
  const splits = rows.map((r) => meanSplit(r.logs));
  const totals = splits.map((s) => COST_BUCKETS.reduce((sum, k) => sum + s[k], 0));
  const scale = (width - labelW - 70) / Math.max(1e-9, ...totals);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  rows.forEach((row, i) => {
    const y = 4 + i * (barH + 10);
    ctx.fillStyle = textColor;
    ctx.textAlign = 'left';
    ctx.fillText(row.label, 0, y + barH / 2);
    let x = labelW;
    for (const key of COST_BUCKETS) {
      const w = splits[i][key] * scale;
      ctx.fillStyle = colors[key];
      ctx.fillRect(x, y, w, barH);
      if (w > 34) {
        ctx.fillStyle = '#fff';
        ctx.textAlign = 'center';
        ctx.fillText(`${splits[i][key].toFixed(0)}`, x + w / 2, y + barH / 2);
      }
      x += w;
    }
    ctx.fillStyle = textColor;
    ctx.textAlign = 'left';
    ctx.fillText(row.logs.length === 0 ? '…' : `${totals[i].toFixed(0)} ms`, x + 6, y + barH / 2);
  });
}
