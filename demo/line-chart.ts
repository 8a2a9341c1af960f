import type { Surface } from './canvas.js';

/** A line chart on a canvas: axes with round ticks, one polyline per series, dashed or solid. */

export interface Series {
  readonly color: string;
  readonly dashed: boolean;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
}

export interface ChartSpec {
  readonly series: readonly Series[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly axisColor: string;
  readonly textColor: string;
}

const MARGIN = { left: 52, right: 14, top: 12, bottom: 36 };

/** About `count` round tick values (1, 2 or 5 times a power of ten apart) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return ticks;
}

function formatTick(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return `${+v.toFixed(2)}`;
}

function extent(values: readonly number[][], fallback: [number, number]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const list of values) for (const v of list) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return fallback;
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

export function drawLineChart({ ctx, width, height }: Surface, spec: ChartSpec): void {
  const [x0, x1] = extent(spec.series.map((s) => s.xs as number[]), [0, 1]);
  const [yLo, yHi] = extent(spec.series.map((s) => s.ys as number[]), [0, 1]);
  const y0 = Math.min(0, yLo);
  const y1 = yHi + (yHi - y0) * 0.05;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const px = (x: number): number => MARGIN.left + ((x - x0) / (x1 - x0)) * plotW;
  const py = (y: number): number => MARGIN.top + (1 - (y - y0) / (y1 - y0)) * plotH;

  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.strokeStyle = spec.axisColor;
  ctx.fillStyle = spec.textColor;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of niceTicks(y0, y1, 5)) {
    ctx.globalAlpha = 0.35;
    ctx.beginPath();
    ctx.moveTo(MARGIN.left, Math.round(py(t)) + 0.5);
    ctx.lineTo(width - MARGIN.right, Math.round(py(t)) + 0.5);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillText(formatTick(t), MARGIN.left - 6, py(t));
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of niceTicks(x0, x1, 6)) ctx.fillText(formatTick(t), px(t), height - MARGIN.bottom + 6);
  ctx.beginPath();
  ctx.moveTo(MARGIN.left + 0.5, MARGIN.top);
  ctx.lineTo(MARGIN.left + 0.5, height - MARGIN.bottom + 0.5);
  ctx.lineTo(width - MARGIN.right, height - MARGIN.bottom + 0.5);
  ctx.stroke();
  ctx.fillText(spec.xLabel, MARGIN.left + plotW / 2, height - 14);
  ctx.save();
  ctx.translate(12, MARGIN.top + plotH / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(spec.yLabel, 0, 0);
  ctx.restore();

  ctx.lineWidth = 2;
  ctx.lineJoin = 'round';
  for (const s of spec.series) {
    if (s.xs.length === 0) continue;
    ctx.strokeStyle = s.color;
    ctx.setLineDash(s.dashed ? [5, 4] : []);
    ctx.beginPath();
    s.xs.forEach((x, i) => (i === 0 ? ctx.moveTo(px(x), py(s.ys[i])) : ctx.lineTo(px(x), py(s.ys[i]))));
    if (s.xs.length === 1) ctx.arc(px(s.xs[0]), py(s.ys[0]), 1.5, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}
