import type { IterationLog, MetaConfig, TrainerSnapshot } from '../src/index.js';
import type { WorkerPool } from '../src/workers/worker-pool.js';
import { type PreviewRecord, previewRecord } from './demo-state.js';
import type { WasmUsage } from './wasm-usage.js';
import { trainingPool } from './training-pool.js';
import type { AdaptationPreview, FromWorker, ToWorker } from './worker-protocol.js';

/**
 * One algorithm training in its own Web Worker, as the page sees it: the page asks for one
 * iteration at a time while it runs, so pausing is not asking and a snapshot comes between two iterations.
 */
export class TrainingRun {
  readonly logs: IterationLog[] = [];
  wasm: WasmUsage | null = null;
  previews = 0;
  /** The run's first preview, taken before its first iteration. */
  firstPreview: PreviewRecord | null = null;
  done = false;
  error: string | null = null;
  private readonly pool: WorkerPool<ToWorker, FromWorker>;
  private paused = false;
  private stepping = false;
  private stopped = false;
  private readonly started: Promise<unknown>;

  constructor(
    workerUrl: string,
    readonly config: Partial<MetaConfig>,
    previewSeconds: number,
    private readonly onPreview: (preview: AdaptationPreview) => void,
    /** Called after every change of the run's state (a log, a preview, an error, completion). */
    private readonly onChange: () => void,
  ) {
    this.pool = trainingPool(new Worker(workerUrl));
    this.started = this.pool.request(0, { type: 'start', config, previewSeconds });
    void this.train();
  }

  /** Asks for iterations until paused, done or failed. */
  private async train(): Promise<void> {
    if (this.stepping) return;
    this.stepping = true;
    try {
      await this.started;
      while (!this.paused && !this.done) {
        const reply = (await this.pool.request(0, { type: 'step' })) as Extract<FromWorker, { type: 'iteration' }>;
        if (reply.preview !== null) {
          this.previews++;
          this.firstPreview ??= previewRecord(reply.preview);
          this.onPreview(reply.preview);
        }
        this.logs.push(reply.log);
        this.wasm = reply.wasm;
        this.done = reply.done;
        this.onChange();
      }
    } catch (e) {
      this.fail(e as Error);
    } finally {
      this.stepping = false;
    }
  }

  private fail(e: Error): void {
    // A stopped run's requests are refused: that is no error of the run.
    if (this.error !== null || this.stopped) return;
    this.error = e.message;
    this.onChange();
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    if (this.error === null) void this.train();
  }

  /** The trainer's snapshot between two iterations: the CLI's checkpoint.json content. */
  async snapshot(): Promise<TrainerSnapshot> {
    return ((await this.pool.request(0, { type: 'snapshot' })) as Extract<FromWorker, { type: 'snapshot' }>).snapshot;
  }

  /** The first `iterations` lines of the log, as the CLI writes log.jsonl. */
  logText(iterations: number): string {
    return this.logs
      .slice(0, iterations)
      .map((l) => `${JSON.stringify(l)}\n`)
      .join('');
  }

  stop(): void {
    this.stopped = true;
    void this.pool.close();
  }
}
