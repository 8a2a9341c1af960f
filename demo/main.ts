import { ALGORITHMS, type AlgorithmName, envNames, getEnv } from '../src/index.js';
import { type XAxisKey, xAxis } from '../src/meta/x-axes.js';
import { auditText, renderAudit } from './audit-panel.js';
import { cssColor, surfaceOf } from './canvas.js';
import { COST_BUCKETS, COST_LABELS, type CostPart, drawCostChart } from './cost-chart.js';
import { saveText } from './downloads.js';
import { EpisodePlayer } from './episode-player.js';
import type { DemoState } from './demo-state.js';
import { drawLineChart, type Series } from './line-chart.js';
import { demoConfig } from './presets.js';
import { rendererFor } from './renderers/index.js';
import { TrainingRun } from './training-run.js';
import type { AdaptationPreview } from './worker-protocol.js';

/**
 * The demo page: two algorithms meta-train on one env family, each in its own Web Worker; their
 * learning curves, cost split and before/after-adaptation episodes update live.
 */

const WORKER_URL = 'train-worker.js';
/** Wall-clock seconds between two previews of a run (about one CartPole episode's playback). */
const PREVIEW_SECONDS = 4;

declare global {
  interface Window {
    demoState: DemoState;
  }
}

interface Lane {
  readonly run: TrainingRun;
  readonly player: EpisodePlayer;
  readonly color: string;
  readonly algo: AlgorithmName;
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`demo: no element #${id} in index.html`);
  return found as T;
}

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className !== '') el.className = className;
  if (text !== '') el.textContent = text;
  return el;
}

const ui = {
  controls: element<HTMLFormElement>('controls'),
  env: element<HTMLSelectElement>('env'),
  envNote: element<HTMLElement>('env-note'),
  algos: [element<HTMLSelectElement>('algo-a'), element<HTMLSelectElement>('algo-b')] as const,
  seed: element<HTMLInputElement>('seed'),
  innerLr: element<HTMLInputElement>('inner-lr'),
  eta: element<HTMLInputElement>('eta'),
  metaBatch: element<HTMLInputElement>('meta-batch'),
  curvesLegend: element<HTMLDivElement>('curves-legend'),
  pause: element<HTMLButtonElement>('pause'),
  status: element<HTMLParagraphElement>('status'),
  failure: element<HTMLDivElement>('failure'),
  xAxis: element<HTMLFieldSetElement>('x-axis'),
  curves: element<HTMLCanvasElement>('curves'),
  costs: element<HTMLCanvasElement>('costs'),
  costLegend: element<HTMLDivElement>('cost-legend'),
  downloads: element<HTMLDivElement>('downloads'),
  players: element<HTMLDivElement>('players'),
  auditFile: element<HTMLInputElement>('audit-file'),
  auditResult: element<HTMLDivElement>('audit-result'),
};

const state: DemoState = { env: '', lanes: [], framesDrawn: 0, wasm: null, audit: null };
window.demoState = state;

let lanes: Lane[] = [];
let paused = false;
let chartsDirty = true;
let axisKey: XAxisKey = 'iteration';

function fillSelect(select: HTMLSelectElement, values: readonly string[], chosen: string): void {
  select.replaceChildren(...values.map((v) => new Option(v, v, v === chosen, v === chosen)));
}

function describeTask(env: string, task: Readonly<Record<string, number>>): string {
  const params = getEnv(env).params;
  return Object.entries(task)
    .map(([key, value]) => `${key} ${value.toFixed(2)}${params[key]?.unit ? ` ${params[key].unit}` : ''}`)
    .join(', ');
}

/** One run's row of the adaptation panel: a caption over its before and after canvases. */
function playerRow(algo: string, color: string, env: string): { player: EpisodePlayer; row: HTMLElement[] } {
  const heading = make('h3');
  heading.style.gridColumn = '1 / -1';
  heading.style.color = color;
  heading.textContent = algo;
  const cells = (['before', 'after'] as const).map((when) => {
    const cell = make('div', 'player');
    const caption = make('p', '', when === 'before' ? 'before adaptation' : 'after one inner step');
    const canvas = make('canvas');
    cell.append(caption, canvas);
    return { cell, caption, canvas };
  });
  const onShow = (p: AdaptationPreview): void => {
    heading.textContent = `${algo}, iteration ${p.iteration} · task: ${describeTask(env, p.task)}`;
    cells[0].caption.textContent = `before adaptation: return ${p.before.totalReturn.toFixed(1)}`;
    cells[1].caption.textContent = `after one inner step: return ${p.after.totalReturn.toFixed(1)}`;
  };
  const player = new EpisodePlayer([cells[0].canvas, cells[1].canvas], rendererFor(env), onShow);
  return { player, row: [heading, ...cells.map((c) => c.cell)] };
}

function downloadButtons(lane: Lane): HTMLElement {
  const group = make('span');
  group.append(make('span', '', `${lane.algo}:`));
  const log = make('button', '', 'log.jsonl');
  log.type = 'button';
  // Everything logged up to the checkpoint's iteration: a log and checkpoint taken while paused match.
  log.onclick = () => void lane.run.snapshot().then((s) => saveText('log.jsonl', lane.run.logText(s.iteration), 'application/x-ndjson'));
  const checkpoint = make('button', '', 'checkpoint.json');
  checkpoint.type = 'button';
  checkpoint.onclick = () => void lane.run.snapshot().then((s) => saveText('checkpoint.json', JSON.stringify(s), 'application/json'));
  group.append(' ', log, ' ', checkpoint);
  return group;
}

/** An empty field keeps the preset; anything else goes to the config as typed, so a bad value is reported by the run. */
function numberInput(input: HTMLInputElement): number | undefined {
  return input.value.trim() === '' ? undefined : Number(input.value);
}

function legendEntry(label: string, color: string): HTMLElement {
  const entry = make('span');
  const swatch = make('span', 'swatch');
  swatch.style.background = color;
  entry.append(swatch, ` ${label}`);
  return entry;
}

function start(): void {
  for (const lane of lanes) lane.run.stop();
  const env = ui.env.value;
  const seed = Math.max(0, Math.floor(Number(ui.seed.value) || 0));
  const colors = [cssColor('--algo-a'), cssColor('--algo-b')];
  const settings = { innerLr: numberInput(ui.innerLr), eta: numberInput(ui.eta), metaBatchSize: numberInput(ui.metaBatch) };
  ui.players.replaceChildren();
  lanes = ui.algos.map((select, i) => {
    const algo = select.value as AlgorithmName;
    const { player, row } = playerRow(algo, colors[i], env);
    ui.players.append(...row);
    const run = new TrainingRun(WORKER_URL, demoConfig(env, algo, seed, settings), PREVIEW_SECONDS, (p) => player.offer(p), () => (chartsDirty = true));
    return { run, player, color: colors[i], algo };
  });
  ui.curvesLegend.replaceChildren(...lanes.map((l) => legendEntry(l.algo, l.color)), make('span', '', 'solid: after one inner step · dashed: before'));
  ui.downloads.replaceChildren(make('span', '', 'Download the run (pause first for a matching pair; metarl eval reads their folder):'), ...lanes.map(downloadButtons));
  paused = false;
  ui.pause.textContent = 'Pause';
  state.env = env;
  state.framesDrawn = 0;
  updateStatus();
  chartsDirty = true;
}

function drawCharts(): void {
  const axis = xAxis(axisKey);
  const series: Series[] = lanes.flatMap((lane) => {
    const xs = lane.run.logs.map(axis.of);
    return [
      { color: lane.color, dashed: true, xs, ys: lane.run.logs.map((l) => l.returnBefore) },
      { color: lane.color, dashed: false, xs, ys: lane.run.logs.map((l) => l.returnAfter) },
    ];
  });
  drawLineChart(surfaceOf(ui.curves), { series, xLabel: axis.label, yLabel: 'mean return', axisColor: cssColor('--muted'), textColor: cssColor('--text') });
  const colors = Object.fromEntries(COST_BUCKETS.map((k) => [k, cssColor(`--${k}`)])) as Record<CostPart, string>;
  drawCostChart(surfaceOf(ui.costs), lanes.map((l) => ({ label: l.algo, logs: l.run.logs })), colors, cssColor('--text'));
}

function updateStatus(): void {
  state.lanes = lanes.map((l) => {
    const { logs, previews, firstPreview, done, error } = l.run;
    return { algo: l.algo, iterations: logs.length, previews, firstPreview, done, error };
  });
  state.wasm = lanes.find((l) => l.run.wasm !== null)?.run.wasm ?? null;
  const w = state.wasm;
  const kernels = w === null ? 'kernels: …' : w.calls > 0 ? `kernels: WebAssembly SIMD (${w.calls.toLocaleString('en')} calls in one worker)` : 'kernels: TypeScript (no WebAssembly SIMD here)';
  const parts = lanes.map((l) => {
    const iterations = `${l.algo} ${l.run.logs.length}/${l.run.config.iterations} iterations${l.run.done ? ', done' : ''}`;
    return l.run.error === null ? iterations : `${iterations}, error: ${l.run.error}`;
  });
  ui.status.replaceChildren(kernels, ' · ', ...parts.flatMap((p, i) => [i > 0 ? ' · ' : '', lanes[i].run.error === null ? p : make('span', 'bad', p)]));
  showFailures();
}

/** A stopped run is announced above the charts, not only in the status line: its curves have stopped growing. */
function showFailures(): void {
  const failed = lanes.filter((l) => l.run.error !== null);
  ui.failure.hidden = failed.length === 0;
  ui.failure.replaceChildren(
    ...failed.map((l) => {
      const item = make('p');
      item.append(make('strong', '', `${l.algo} stopped after ${l.run.logs.length} of ${l.run.config.iterations} iterations`), `${l.run.error ?? ''} (Restart starts both runs again.)`);
      return item;
    }),
  );
}

function frame(now: number): void {
  for (const lane of lanes) lane.player.draw(now);
  state.framesDrawn = lanes.reduce((n, l) => n + l.player.framesDrawn, 0);
  if (chartsDirty) {
    chartsDirty = false;
    drawCharts();
    updateStatus();
  }
  requestAnimationFrame(frame);
}

// A preview records one discrete action per step, so families with Box actions are not offered.
const [offered, notOffered] = [true, false].map((discrete) => envNames().filter((name) => (getEnv(name).actionSpace.kind === 'discrete') === discrete));
fillSelect(ui.env, offered, 'cartpole');
ui.envNote.textContent = notOffered.length === 0 ? '' : `not offered: ${notOffered.join(', ')} (continuous actions)`;
ui.envNote.title = 'The animation records one discrete action per step; continuous-action families train with the CLI.';
fillSelect(ui.algos[0], ALGORITHMS, 'maml');
fillSelect(ui.algos[1], ALGORITHMS, 'directed-maml');
ui.costLegend.replaceChildren(
  ...COST_BUCKETS.map((k) => {
    const item = make('span');
    const swatch = make('span', 'swatch');
    swatch.style.background = `var(--${k})`;
    item.append(swatch, COST_LABELS[k]);
    return item;
  }),
);
ui.controls.onsubmit = (event) => {
  event.preventDefault();
  start();
};
ui.pause.onclick = () => {
  paused = !paused;
  for (const lane of lanes) (paused ? lane.run.pause() : lane.run.resume());
  ui.pause.textContent = paused ? 'Resume' : 'Pause';
};
ui.xAxis.onchange = (event) => {
  axisKey = (event.target as HTMLInputElement).value as XAxisKey;
  chartsDirty = true;
};
ui.auditFile.onchange = async () => {
  const file = ui.auditFile.files?.[0];
  if (file === undefined) return;
  const outcome = auditText(file.name, await file.text());
  renderAudit(ui.auditResult, outcome);
  state.audit = outcome.rows === null
    ? { file: outcome.file, error: outcome.error ?? '' }
    : { file: outcome.file, quantities: outcome.rows.length, maxError: Math.max(...outcome.rows.map((r) => r.error)) };
};
window.addEventListener('resize', () => (chartsDirty = true));
start();
requestAnimationFrame(frame);
