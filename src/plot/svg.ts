// Small SVG chart writers: line charts (series of (x, y) points on shared axes, with ticks, a legend and
// optional shaded bands for the spread across seeds) and horizontal bar charts. Pure string building, so it runs anywhere.

export interface Series {
  readonly label: string;
  readonly points: readonly (readonly [number, number])[];
  /** Optional band around the line: [x, low, high] per point. */
  readonly band?: readonly (readonly [number, number, number])[];
}

export interface ChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly width?: number;
  readonly height?: number;
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b'];
const MARGIN = { left: 64, right: 16, top: 36, bottom: 48 };

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** About five round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const r = raw / magnitude;
  const step = (r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10) * magnitude;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

function extent(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

function fmt(v: number): string {
  return Number(v.toFixed(2)).toString();
}

/** An SVG document drawing every series as a polyline. */
export function lineChart(series: readonly Series[], options: ChartOptions): string {
  const width = options.width ?? 720;
  const height = options.height ?? 420;
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => [...s.points.map((p) => p[1]), ...(s.band ?? []).flatMap((b) => [b[1], b[2]])]);
  const [x0, x1] = extent(xs);
  const [yLo, yHi] = extent(ys);
  const yTicks = niceTicks(yLo, yHi);
  const xTicks = niceTicks(x0, x1);
  const y0 = Math.min(yLo, yTicks[0]);
  const y1 = Math.max(yHi, yTicks[yTicks.length - 1]);
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const sx = (x: number): number => MARGIN.left + ((x - x0) / (x1 - x0 || 1)) * plotW;
  const sy = (y: number): number => MARGIN.top + plotH - ((y - y0) / (y1 - y0 || 1)) * plotH;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  out.push(`<text x="${width / 2}" y="20" text-anchor="middle" font-size="14">${escapeXml(options.title)}</text>`);
  for (const t of yTicks) {
    out.push(`<line x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${fmt(sy(t))}" y2="${fmt(sy(t))}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${MARGIN.left - 6}" y="${fmt(sy(t) + 4)}" text-anchor="end">${t}</text>`);
  }
  for (const t of xTicks) {
    out.push(`<line x1="${fmt(sx(t))}" x2="${fmt(sx(t))}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH + 4}" stroke="#333"/>`);
    out.push(`<text x="${fmt(sx(t))}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${t}</text>`);
  }
  out.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${MARGIN.left + plotW / 2}" y="${height - 10}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
  out.push(`<text transform="translate(16 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`);
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    if (s.band && s.band.length > 0) {
      const upper = s.band.map((b) => `${fmt(sx(b[0]))},${fmt(sy(b[2]))}`);
      const lower = [...s.band].reverse().map((b) => `${fmt(sx(b[0]))},${fmt(sy(b[1]))}`);
      out.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="${color}" fill-opacity="0.15" stroke="none"/>`);
    }
    const points = s.points.filter((p) => Number.isFinite(p[1])).map((p) => `${fmt(sx(p[0]))},${fmt(sy(p[1]))}`);
    out.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="2"/>`);
    const ly = MARGIN.top + 14 + i * 16;
    out.push(`<line x1="${MARGIN.left + 10}" x2="${MARGIN.left + 30}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="2"/>`);
    out.push(`<text x="${MARGIN.left + 36}" y="${ly}">${escapeXml(s.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

export interface Bar {
  readonly label: string;
  /** NaN draws no bar (the label's note then says why). */
  readonly value: number;
  /** Optional whisker: [low, high]. */
  readonly range?: readonly [number, number];
  /** Text after the bar, e.g. how many runs it averages. */
  readonly note?: string;
}

/** An SVG document with one horizontal bar per entry, on a shared value axis starting at zero. */
export function barChart(bars: readonly Bar[], options: ChartOptions): string {
  const width = options.width ?? 720;
  const labelWidth = 220;
  const rowHeight = 24;
  const height = options.height ?? MARGIN.top + MARGIN.bottom + Math.max(1, bars.length) * rowHeight;
  const values = bars.flatMap((b) => [b.value, ...(b.range ?? [])]).filter(Number.isFinite);
  const hi = values.length === 0 ? 1 : Math.max(...values, 0) || 1;
  const ticks = niceTicks(0, hi);
  const x1 = Math.max(hi, ticks[ticks.length - 1]);
  const left = MARGIN.left + labelWidth;
  const plotW = width - left - MARGIN.right - 120;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const sx = (x: number): number => left + (x / x1) * plotW;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  out.push(`<text x="${width / 2}" y="20" text-anchor="middle" font-size="14">${escapeXml(options.title)}</text>`);
  for (const t of ticks) {
    out.push(`<line x1="${fmt(sx(t))}" x2="${fmt(sx(t))}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH + 4}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${fmt(sx(t))}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${t}</text>`);
  }
  bars.forEach((b, i) => {
    const y = MARGIN.top + i * rowHeight;
    const color = COLORS[i % COLORS.length];
    out.push(`<text x="${left - 6}" y="${y + rowHeight / 2 + 4}" text-anchor="end">${escapeXml(b.label)}</text>`);
    let end = left;
    if (Number.isFinite(b.value)) {
      end = sx(Math.max(0, b.value));
      out.push(`<rect x="${left}" y="${y + 4}" width="${fmt(end - left)}" height="${rowHeight - 8}" fill="${color}"/>`);
    }
    if (b.range !== undefined && b.range.every(Number.isFinite)) {
      const [lo, high] = [sx(Math.max(0, b.range[0])), sx(Math.max(0, b.range[1]))];
      end = Math.max(end, high);
      out.push(`<line x1="${fmt(lo)}" x2="${fmt(high)}" y1="${y + rowHeight / 2}" y2="${y + rowHeight / 2}" stroke="#333"/>`);
    }
    if (b.note !== undefined) out.push(`<text x="${fmt(end + 6)}" y="${y + rowHeight / 2 + 4}">${escapeXml(b.note)}</text>`);
  });
  out.push(`<line x1="${left}" x2="${left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#333"/>`);
  out.push(`<text x="${left + plotW / 2}" y="${height - 10}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
