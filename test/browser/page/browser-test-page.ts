import type { MetaConfig } from '../../../src/index.js';
import { countWasmUsage, wasmUsage, type WasmUsage } from '../../../demo/wasm-usage.js';
import { trainingPool } from '../../../demo/training-pool.js';
import type { WebWorker } from '../../../demo/web-worker-port.js';
import type { FromWorker } from '../../../demo/worker-protocol.js';
import { type FixtureQuantities, fixtureQuantities } from '../../runtimes/fixture-quantities.js';

/**
 * The page of the browser test: it exposes `metarlBrowserTest` for the test to call over the
 * DevTools protocol. Results cross as JSON (numbers round-trip exactly; the fixtures' values
 * travel as hex of their bytes).
 */

declare const Worker: new (url: string) => WebWorker;

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
async function train(workerUrl: string, config: Partial<MetaConfig>): Promise<WorkerRun> {
  const pool = trainingPool(new Worker(workerUrl));
  const lines: string[] = [];
  let wasm: WasmUsage | null = null;
  try {
    await pool.request(0, { type: 'start', config, previewSeconds: null });
    for (let done = false; !done; ) {
      const reply = (await pool.request(0, { type: 'step' })) as Extract<FromWorker, { type: 'iteration' }>;
      lines.push(JSON.stringify(reply.log));
      wasm = reply.wasm;
      done = reply.done;
    }
    const { snapshot } = (await pool.request(0, { type: 'snapshot' })) as Extract<FromWorker, { type: 'snapshot' }>;
    if (wasm === null) throw new Error('finished without an iteration');
    return { logText: `${lines.join('\n')}\n`, checkpointText: JSON.stringify(snapshot), wasm };
  } catch (e) {
    throw new Error(`training worker: ${(e as Error).message}`);
  } finally {
    await pool.close();
  }
}

(globalThis as Record<string, unknown>).metarlBrowserTest = { audit, train, wasm: wasmUsage };
