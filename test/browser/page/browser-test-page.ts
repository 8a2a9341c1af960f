import type { MetaConfig } from '../../../src/index.js';
import { countWasmUsage, wasmUsage, type WasmUsage } from '../../../demo/wasm-usage.js';
import type { FromWorker, ToWorker } from '../../../demo/worker-protocol.js';
import { type FixtureQuantities, fixtureQuantities } from '../../runtimes/fixture-quantities.js';

/**
 * The page of the browser test: it exposes `metarlBrowserTest` for the test to call over the
 * DevTools protocol. Results cross as JSON (numbers round-trip exactly; the fixtures' values
 * travel as hex of their bytes).
 */

/** The slice of the DOM's Worker used here (the project compiles without lib.dom). */
interface PageWorker {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message: string }) => void) | null;
}
declare const Worker: new (url: string) => PageWorker;

countWasmUsage();

export interface WorkerRun {
  /** The log as the CLI writes log.jsonl: one JSON line per iteration. */
  readonly logText: string;
  /** The checkpoint as the CLI writes checkpoint.json. */
  readonly checkpointText: string;
  /** The worker's own kernel usage. */
  readonly wasm: WasmUsage;
}

async function audit(urls: readonly string[]): Promise<FixtureQuantities[]> {
  const out: FixtureQuantities[] = [];
  for (const url of urls) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    out.push(fixtureQuantities(await response.json()));
  }
  return out;
}

/** Trains `config` to config.iterations in a training worker of the demo, then takes its checkpoint. */
function train(workerUrl: string, config: Partial<MetaConfig>): Promise<WorkerRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl);
    const lines: string[] = [];
    let wasm: WasmUsage | null = null;
    const stop = (error: string): void => {
      worker.terminate();
      reject(new Error(`training worker: ${error}`));
    };
    worker.onerror = (event) => stop(event.message);
    worker.onmessage = ({ data }) => {
      if (data.type === 'iteration') {
        lines.push(JSON.stringify(data.log));
        wasm = data.wasm;
      } else if (data.type === 'done') {
        worker.postMessage({ type: 'snapshot' });
      } else if (data.type === 'snapshot') {
        worker.terminate();
        if (wasm === null) reject(new Error('training worker: finished without an iteration'));
        else resolve({ logText: `${lines.join('\n')}\n`, checkpointText: JSON.stringify(data.snapshot), wasm });
      } else if (data.type === 'error') {
        stop(data.message);
      }
    };
    worker.postMessage({ type: 'start', config, previewSeconds: null });
  });
}

(globalThis as Record<string, unknown>).metarlBrowserTest = { audit, train, wasm: wasmUsage };
