import { MetaTrainer, resolveConfig } from '../src/index.js';
import { PreviewMaker } from './adaptation-preview.js';
import { countWasmUsage, wasmUsage } from './wasm-usage.js';
import type { AdaptationPreview, FromWorker, ToWorker } from './worker-protocol.js';

/**
 * A Web Worker that meta-trains one config, one `MetaTrainer.step()` per request of the page, so
 * the page pauses by not asking and a snapshot falls between two iterations. Each iteration's log
 * is the trainer's own (the CLI's log.jsonl line), with, every `previewSeconds`, the current
 * meta-policy's adaptation preview taken before it.
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

function buffersOf(preview: AdaptationPreview): ArrayBuffer[] {
  return [preview.before, preview.after].flatMap((t) => [t.states, t.actions, t.scenery].map((a) => a.buffer as ArrayBuffer));
}

function duePreview(): AdaptationPreview | null {
  const now = performance.now();
  if (previews === null || now - lastPreview < previewMs) return null;
  lastPreview = now;
  return previews.next();
}

function running(request: string): MetaTrainer {
  if (trainer === null) throw new Error(`${request}: no run has started in this worker`);
  return trainer;
}

function answer(request: ToWorker): FromWorker {
  switch (request.type) {
    case 'start':
      // A config the trainer refuses leaves no run behind.
      trainer = null;
      trainer = new MetaTrainer(resolveConfig(request.config));
      previews = request.previewSeconds === null ? null : new PreviewMaker(trainer);
      previewMs = (request.previewSeconds ?? Infinity) * 1000;
      lastPreview = -Infinity;
      return { type: 'started' };
    case 'step': {
      const t = running('step');
      if (t.iteration >= t.config.iterations) throw new Error(`step: the run has trained its ${t.config.iterations} iterations`);
      const preview = duePreview();
      const log = t.step();
      return { type: 'iteration', log, wasm: wasmUsage(), preview, done: t.iteration >= t.config.iterations };
    }
    case 'snapshot':
      return { type: 'snapshot', snapshot: running('snapshot').snapshot() };
  }
}

scope.addEventListener('message', ({ data }) => {
  let reply: FromWorker;
  try {
    reply = answer(data);
  } catch (e) {
    reply = { type: 'error', message: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(reply, reply.type === 'iteration' && reply.preview !== null ? buffersOf(reply.preview) : []);
});
