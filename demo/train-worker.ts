import { MetaTrainer, resolveConfig } from '../src/index.js';
import { PreviewMaker } from './adaptation-preview.js';
import { countWasmUsage, wasmUsage } from './wasm-usage.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/**
 * A Web Worker that meta-trains one config: one `MetaTrainer.step()` per task of the event loop,
 * so pause, resume and snapshot requests are answered between iterations. Each iteration's log
 * is posted as the trainer returns it (the CLI's log.jsonl line), and every `previewSeconds` the
 * current meta-policy's adaptation preview.
 */

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: ToWorker }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

countWasmUsage();

let trainer: MetaTrainer | null = null;
let previews: PreviewMaker | null = null;
let previewMs = Infinity;
let lastPreview = -Infinity;
let paused = false;
let scheduled = false;

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  scope.postMessage(message, transfer);
}

function fail(e: unknown): void {
  trainer = null;
  post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(tick, 0);
}

function sendPreview(maker: PreviewMaker): void {
  const preview = maker.next();
  const buffers = [preview.before, preview.after].flatMap((t) => [t.states, t.actions, t.scenery].map((a) => a.buffer as ArrayBuffer));
  post({ type: 'preview', preview }, buffers);
}

function tick(): void {
  scheduled = false;
  const t = trainer;
  if (t === null || paused || t.iteration >= t.config.iterations) return;
  try {
    const now = performance.now();
    if (previews !== null && now - lastPreview >= previewMs) {
      lastPreview = now;
      sendPreview(previews);
    }
    const log = t.step();
    post({ type: 'iteration', log, wasm: wasmUsage() });
    if (t.iteration >= t.config.iterations) post({ type: 'done', iterations: t.iteration });
    else schedule();
  } catch (e) {
    fail(e);
  }
}

scope.addEventListener('message', ({ data }) => {
  switch (data.type) {
    case 'start':
      try {
        trainer = new MetaTrainer(resolveConfig(data.config));
        previews = data.previewSeconds === null ? null : new PreviewMaker(trainer);
        previewMs = (data.previewSeconds ?? Infinity) * 1000;
        lastPreview = -Infinity;
        paused = false;
        schedule();
      } catch (e) {
        fail(e);
      }
      break;
    case 'pause':
      paused = true;
      break;
    case 'resume':
      paused = false;
      schedule();
      break;
    case 'snapshot':
      if (trainer === null) post({ type: 'error', message: 'snapshot: no run has started in this worker' });
      else post({ type: 'snapshot', snapshot: trainer.snapshot() });
      break;
  }
});
