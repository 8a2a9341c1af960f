import type { IterationLog, MetaConfig, TrainerSnapshot } from '../src/index.js';
import { type PreviewRecord, previewRecord } from './demo-state.js';
import type { WasmUsage } from './wasm-usage.js';
import type { AdaptationPreview, FromWorker, ToWorker } from './worker-protocol.js';

/** One algorithm training in its own Web Worker, as the page sees it. */
export class TrainingRun {
  readonly logs: IterationLog[] = [];
  wasm: WasmUsage | null = null;
  previews = 0;
  /** The run's first preview, taken before its first iteration. */
  firstPreview: PreviewRecord | null = null;
  done = false;
  error: string | null = null;
  private readonly worker: Worker;
  private snapshotWaiters: ((snapshot: TrainerSnapshot) => void)[] = [];

  constructor(
    workerUrl: string,
    readonly config: Partial<MetaConfig>,
    previewSeconds: number,
    private readonly onPreview: (preview: AdaptationPreview) => void,
    /** Called after every change of the run's state (a log, a preview, an error, completion). */
    private readonly onChange: () => void,
  ) {
    this.worker = new Worker(workerUrl);
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      this.error = event.message;
      this.onChange();
    };
    this.send({ type: 'start', config, previewSeconds });
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(data: FromWorker): void {
    switch (data.type) {
      case 'iteration':
        this.logs.push(data.log);
        this.wasm = data.wasm;
        break;
      case 'preview':
        this.previews++;
        this.firstPreview ??= previewRecord(data.preview);
        this.onPreview(data.preview);
        break;
      case 'snapshot':
        for (const resolve of this.snapshotWaiters.splice(0)) resolve(data.snapshot);
        return;
      case 'done':
        this.done = true;
        break;
      case 'error':
        this.error = data.message;
        break;
    }
    this.onChange();
  }

  pause(): void {
    this.send({ type: 'pause' });
  }

  resume(): void {
    this.send({ type: 'resume' });
  }

  /** The trainer's snapshot between two iterations: the CLI's checkpoint.json content. */
  snapshot(): Promise<TrainerSnapshot> {
    return new Promise((resolve) => {
      this.snapshotWaiters.push(resolve);
      this.send({ type: 'snapshot' });
    });
  }

  /** The first `iterations` lines of the log, as the CLI writes log.jsonl. */
  logText(iterations: number): string {
    return this.logs
      .slice(0, iterations)
      .map((l) => `${JSON.stringify(l)}\n`)
      .join('');
  }

  stop(): void {
    this.worker.terminate();
  }
}
