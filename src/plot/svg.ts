// Small SVG chart writers: line charts (series of (x, y) points on shared axes, with ticks, a legend
// beside the plot and optional shaded bands for the spread across seeds), grids of such panels on
// shared axes, and horizontal bar charts. Pure string building, so it runs anywhere.

export interface Series {
  readonly label: string;
  readonly points: readonly (readonly [number, number])[];
  /** Optional band around the line: [x, low, high] per point. */
  readonly band?: readonly (readonly [number, number, number])[];
  /** A CSS colour; by default the series' index picks one. */
  readonly color?: string;
  readonly dashed?: boolean;
}

export interface ChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** The plot's width and height with its axes; the legend is added on the right. */
  readonly width?: number;
  readonly height?: number;
}

/** Panels of line charts on the same axes, in rows of `columns`, with one legend for them all. */
export interface PanelOptions extends ChartOptions {
  readonly columns: number;
}

export interface Panel {
  readonly title: string;
  readonly series: readonly Series[];
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b'];
const MARGIN = { left: 64, right: 16, top: 36, bottom: 48 };
const DASH = '6 4';
/** Legend rows and an estimate of a 12px sans-serif character's width, to size the legend. */
const LEGEND_ROW = 16;
const CHAR_WIDTH = 7;

/**
 * Text or an attribute value as XML character data: the five significant characters as entities,
 * and the control characters XML 1.0 cannot hold at all (which would make the file unreadable) as
 * U+FFFD; tab, line feed and carriage return stay.
 */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
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

/** The data ranges of some series, widened to their round ticks on y. */
interface Axes {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly xTicks: readonly number[];
  readonly yTicks: readonly number[];
}

function axesOf(series: readonly Series[]): Axes {
  const [x0, x1] = extent(series.flatMap((s) => s.points.map((p) => p[0])));
  const [yLo, yHi] = extent(series.flatMap((s) => [...s.points.map((p) => p[1]), ...(s.band ?? []).flatMap((b) => [b[1], b[2]])]));
  const yTicks = niceTicks(yLo, yHi);
  return { x0, x1, y0: Math.min(yLo, yTicks[0]), y1: Math.max(yHi, yTicks[yTicks.length - 1]), xTicks: niceTicks(x0, x1), yTicks };
}

interface Style {
  readonly label: string;
  readonly color: string;
  readonly dash: string;
}

const styleOf = (s: Series, i: number): Style => ({ label: s.label, color: escapeXml(s.color ?? COLORS[i % COLORS.length]), dash: s.dashed === true ? ` stroke-dasharray="${DASH}"` : '' });

/** One plot: grid, ticks, frame, bands and lines, in the box whose top-left corner is (left, top). */
function drawPlot(out: string[], series: readonly Series[], axes: Axes, left: number, top: number, plotW: number, plotH: number): void {
  const { x0, x1, y0, y1 } = axes;
  const sx = (x: number): number => left + ((x - x0) / (x1 - x0 || 1)) * plotW;
  const sy = (y: number): number => top + plotH - ((y - y0) / (y1 - y0 || 1)) * plotH;
  for (const t of axes.yTicks) {
    out.push(`<line x1="${left}" x2="${left + plotW}" y1="${fmt(sy(t))}" y2="${fmt(sy(t))}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${left - 6}" y="${fmt(sy(t) + 4)}" text-anchor="end">${t}</text>`);
  }
  for (const t of axes.xTicks) {
    out.push(`<line x1="${fmt(sx(t))}" x2="${fmt(sx(t))}" y1="${top + plotH}" y2="${top + plotH + 4}" stroke="#333"/>`);
    out.push(`<text x="${fmt(sx(t))}" y="${top + plotH + 18}" text-anchor="middle">${t}</text>`);
  }
  out.push(`<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`);
  series.forEach((s, i) => {
    const { color, dash } = styleOf(s, i);
    if (s.band && s.band.length > 0) {
      const upper = s.band.map((b) => `${fmt(sx(b[0]))},${fmt(sy(b[2]))}`);
      const lower = [...s.band].reverse().map((b) => `${fmt(sx(b[0]))},${fmt(sy(b[1]))}`);
      out.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="${color}" fill-opacity="0.15" stroke="none"/>`);
    }
    const points = s.points.filter((p) => Number.isFinite(p[1])).map((p) => `${fmt(sx(p[0]))},${fmt(sy(p[1]))}`);
    out.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="2"${dash}/>`);
  });
}

const legendWidth = (styles: readonly Style[]): number => (styles.length === 0 ? 0 : 48 + CHAR_WIDTH * Math.max(...styles.map((s) => s.label.length)));

function drawLegend(out: string[], styles: readonly Style[], left: number, top: number): void {
  styles.forEach(({ label, color, dash }, i) => {
    const y = top + 10 + i * LEGEND_ROW;
    out.push(`<line x1="${left + 12}" x2="${left + 36}" y1="${y - 4}" y2="${y - 4}" stroke="${color}" stroke-width="2"${dash}/>`);
    out.push(`<text x="${left + 42}" y="${y}">${escapeXml(label)}</text>`);
  });
}

function svgOpen(out: string[], width: number, height: number, title: string): void {
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  out.push(`<text x="${width / 2}" y="20" text-anchor="middle" font-size="14">${escapeXml(title)}</text>`);
}

function axisLabels(out: string[], options: ChartOptions, xCenter: number, xBaseline: number, yCenter: number): void {
  out.push(`<text x="${xCenter}" y="${xBaseline}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
  out.push(`<text transform="translate(16 ${yCenter}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`);
}

/** An SVG document drawing every series as a polyline, its legend to the right of the plot. */
export function lineChart(series: readonly Series[], options: ChartOptions): string {
  const width = options.width ?? 720;
  const height = options.height ?? 420;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const styles = series.map(styleOf);
  const legend = legendWidth(styles);
  const out: string[] = [];
  svgOpen(out, width + legend, Math.max(height, MARGIN.top + 20 + styles.length * LEGEND_ROW), options.title);
  drawPlot(out, series, axesOf(series), MARGIN.left, MARGIN.top, plotW, plotH);
  axisLabels(out, options, MARGIN.left + plotW / 2, height - 10, MARGIN.top + plotH / 2);
  drawLegend(out, styles, width, MARGIN.top);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/**
 * Panels on the same axes (the extent of every panel's series), so curves compare across panels;
 * one legend, of the distinct labels, on the right: a label keeps one colour and dash throughout.
 */
export function panelChart(panels: readonly Panel[], options: PanelOptions): string {
  const width = options.width ?? 300;
  const height = options.height ?? 220;
  const columns = Math.max(1, Math.min(options.columns, panels.length));
  const rows = Math.ceil(panels.length / columns);
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const axes = axesOf(panels.flatMap((p) => p.series));
  const styles = [...new Map(panels.flatMap((p) => p.series.map((s, i) => [s.label, styleOf(s, i)] as const))).values()];
  const gridW = columns * width;
  const gridH = 12 + rows * height;
  const out: string[] = [];
  svgOpen(out, gridW + legendWidth(styles), Math.max(gridH + 20, MARGIN.top + 20 + styles.length * LEGEND_ROW), options.title);
  panels.forEach((panel, i) => {
    const left = (i % columns) * width + MARGIN.left;
    const top = 12 + Math.floor(i / columns) * height + MARGIN.top;
    out.push(`<text x="${left + plotW / 2}" y="${top - 6}" text-anchor="middle">${escapeXml(panel.title)}</text>`);
    drawPlot(out, panel.series, axes, left, top, plotW, plotH);
  });
  axisLabels(out, options, gridW / 2, gridH + 12, 12 + (rows * height) / 2);
  drawLegend(out, styles, gridW, MARGIN.top);
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
  /** A CSS colour; by default the bar's index picks one. */
  readonly color?: string;
  /** Drawn at half opacity, to tell a bar from another of the same colour. */
  readonly light?: boolean;
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
    const color = escapeXml(b.color ?? COLORS[i % COLORS.length]);
    out.push(`<text x="${left - 6}" y="${y + rowHeight / 2 + 4}" text-anchor="end">${escapeXml(b.label)}</text>`);
    let end = left;
    if (Number.isFinite(b.value)) {
      end = sx(Math.max(0, b.value));
      out.push(`<rect x="${left}" y="${y + 4}" width="${fmt(end - left)}" height="${rowHeight - 8}" fill="${color}"${b.light === true ? ' fill-opacity="0.45"' : ''}/>`);
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
