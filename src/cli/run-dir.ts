import { join } from 'node:path';
import { ensureWritableDirectory } from '../io/directories.js';
import { FileError, type FileSystem, nodeFileSystem } from '../io/file-system.js';
import { pathKind, readJson, readText, writeFileAtomic } from '../io/files.js';
import { removeStaleTemps } from '../io/temp-files.js';
import type { EvaluationResult, IterationLog } from '../meta/trainer.js';
import { MetaTrainer } from '../meta/trainer.js';
import { UsageError } from './args.js';

const CHECKPOINT = 'checkpoint.json';
const LOG = 'log.jsonl';
const EVALUATION = 'eval.json';

/**
 * A run's folder: log.jsonl (one line per iteration), checkpoint.json, eval.json. Opening one
 * removes the temp files of writes a kill interrupted.
 */
export class RunDir {
  readonly log: IterationLog[] = [];

  private constructor(
    readonly path: string,
    private readonly fs: FileSystem,
  ) {}

  /** A folder to train into: created if missing and checked writable, before any work. */
  static create(path: string, fs: FileSystem = nodeFileSystem): RunDir {
    ensureWritableDirectory(path, fs);
    removeStaleTemps(path, fs);
    return new RunDir(path, fs);
  }

  /** A folder that holds a run; otherwise a UsageError. */
  static open(path: string, fs: FileSystem = nodeFileSystem): RunDir {
    if (!RunDir.holdsRun(path, fs)) throw new UsageError(`${path} holds no ${CHECKPOINT}`);
    removeStaleTemps(path, fs);
    return new RunDir(path, fs);
  }

  static holdsRun(path: string, fs: FileSystem = nodeFileSystem): boolean {
    return pathKind(join(path, CHECKPOINT), fs) !== 'missing';
  }

  private file(name: string): string {
    return join(this.path, name);
  }

  hasCheckpoint(): boolean {
    return RunDir.holdsRun(this.path, this.fs);
  }

  /** The trainer as last checkpointed (its log is not read); a corrupt checkpoint is a UsageError naming it. */
  loadTrainer(): MetaTrainer {
    const path = this.file(CHECKPOINT);
    const snapshot = readJson(path, this.fs);
    try {
      return MetaTrainer.restore(snapshot);
    } catch (e) {
      throw new UsageError(`${path}: ${(e as Error).message}`);
    }
  }

  /** The trainer and its log as last saved, to continue training. */
  resume(): MetaTrainer {
    const trainer = this.loadTrainer();
    const path = this.file(LOG);
    const lines = pathKind(path, this.fs) === 'missing' ? [] : readText(path, this.fs).split('\n').filter((l) => l.length > 0);
    lines.forEach((line, i) => {
      try {
        this.log.push(JSON.parse(line) as IterationLog);
      } catch {
        throw new UsageError(`${path}: line ${i + 1} is not valid JSON`);
      }
    });
    // record() writes the log line before the checkpoint, so a kill between the two leaves the
    // log one iteration ahead: that iteration is dropped and trained again.
    this.log.splice(trainer.iteration);
    if (this.log.length !== trainer.iteration) {
      throw new UsageError(`${path}: holds ${this.log.length} iterations, expected ${trainer.iteration} (the checkpoint's iteration)`);
    }
    return trainer;
  }

  /**
   * Appends an iteration: the log and then the checkpoint, each replaced atomically. In this order
   * the checkpoint is never ahead of the log, which resume() could not repair.
   */
  record(entry: IterationLog, trainer: MetaTrainer): void {
    this.log.push(entry);
    writeFileAtomic(this.file(LOG), this.log.map((l) => JSON.stringify(l)).join('\n') + '\n', this.fs);
    writeFileAtomic(this.file(CHECKPOINT), JSON.stringify(trainer.snapshot()), this.fs);
  }

  writeEvaluation(result: EvaluationResult): void {
    writeFileAtomic(this.file(EVALUATION), `${JSON.stringify(result, null, 2)}\n`, this.fs);
  }

  /** The saved evaluation with `steps` inner steps, or null when there is none. */
  readEvaluation(steps: number): EvaluationResult | null {
    const path = this.file(EVALUATION);
    if (pathKind(path, this.fs) === 'missing') return null;
    const result = readJson(path, this.fs) as Partial<EvaluationResult> | null;
    const returns = result?.returns;
    if (!Array.isArray(result?.tasks) || !Array.isArray(returns) || returns.length !== steps + 1 || !returns.every((r) => typeof r === 'number' && Number.isFinite(r))) {
      throw new FileError(`${path}: expected { tasks, returns } with ${steps + 1} finite returns (delete it to evaluate again)`);
    }
    return result as EvaluationResult;
  }
}
