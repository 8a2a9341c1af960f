import { join } from 'node:path';
import { ensureWritableDirectory } from '../io/directories.js';
import { FILE_KINDS } from '../io/file-kinds.js';
import { FileError, type FileSystem, nodeFileSystem } from '../io/file-system.js';
import { appendDurably, pathKind, readBytes, readJson, writeFileAtomic } from '../io/files.js';
import { removeStaleTemps } from '../io/temp-files.js';
import { Fnv1a64 } from '../meta/checksum.js';
import type { EvaluationResult, IterationLog } from '../meta/trainer.js';
import { MetaTrainer } from '../meta/trainer.js';
import { isPlainObject } from '../validation/values.js';
import { UsageError } from './args.js';
import { checkpointText, splitCheckpoint } from './checkpoint-file.js';
import { runMeasures } from './run-measures.js';

const CHECKPOINT = 'checkpoint.json';
const LOG = 'log.jsonl';
const EVALUATION = 'eval.json';
const NEWLINE = 0x0a;

/**
 * A run's folder: log.jsonl (one line per iteration), checkpoint.json, eval.json. Opening one
 * checks that files can be created in it and removes the temp files of writes a kill interrupted.
 */
export class RunDir {
  readonly log: IterationLog[] = [];
  /** FNV-1a 64 of the log's bytes so far: each checkpoint carries it, and resume checks the log against it. */
  private readonly logHash = new Fnv1a64();
  /** The first record of this process replaces the whole log (dropping lines past the checkpoint); later ones append. */
  private logRewritten = false;

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

  /** A folder that holds a run, checked writable before any work (resume and eval write into it); otherwise a UsageError. */
  static open(path: string, fs: FileSystem = nodeFileSystem): RunDir {
    if (!RunDir.holdsRun(path, fs)) throw new UsageError(`${path} holds no ${CHECKPOINT}`);
    ensureWritableDirectory(path, fs);
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

  private readCheckpoint(): { trainer: MetaTrainer; logChecksum: string | null } {
    return readCheckpoint(this.path, this.fs);
  }

  /** The trainer as last checkpointed (its log is not read); a corrupt checkpoint is a UsageError naming it. */
  loadTrainer(): MetaTrainer {
    return this.readCheckpoint().trainer;
  }

  /**
   * The trainer and its log as last saved, to continue training. The log's lines up to the
   * checkpoint's iteration must hash to the checksum the checkpoint carries (checkpoints written
   * before it carried one are taken with their log as it is).
   */
  resume(): MetaTrainer {
    const { trainer, logChecksum } = this.readCheckpoint();
    const path = this.file(LOG);
    const bytes = pathKind(path, this.fs) === 'missing' ? Buffer.alloc(0) : readBytes(path, FILE_KINDS.log, this.fs);
    // record() writes the log line before the checkpoint, so a kill between the two leaves the
    // log one iteration ahead, or a last line cut short: what follows the checkpoint's iteration
    // is dropped and trained again.
    let end = 0;
    while (this.log.length < trainer.iteration) {
      const newline = bytes.indexOf(NEWLINE, end);
      if (newline < 0) break;
      const line = bytes.toString('utf8', end, newline);
      let entry: unknown;
      try {
        entry = JSON.parse(line);
      } catch {
        throw new UsageError(`${path}: line ${this.log.length + 1} is not valid JSON`);
      }
      if (!isPlainObject(entry)) throw new UsageError(`${path}: line ${this.log.length + 1} is not a JSON object`);
      this.log.push(entry as unknown as IterationLog);
      end = newline + 1;
    }
    if (this.log.length !== trainer.iteration) {
      throw new UsageError(`${path}: holds ${this.log.length} iterations, expected ${trainer.iteration} (the checkpoint's iteration)`);
    }
    this.logHash.update(bytes.subarray(0, end));
    if (logChecksum !== null && this.logHash.tagged() !== logChecksum) {
      throw new UsageError(`${path}: lines 1..${trainer.iteration} do not match the checkpoint's log checksum (the log was edited or corrupted): expected ${logChecksum}, got ${this.logHash.tagged()}`);
    }
    return trainer;
  }

  /**
   * Records an iteration: its log line and then the checkpoint. The line is appended and fsynced;
   * the checkpoint replaced atomically. In this order the checkpoint is never ahead of the log,
   * which resume() could not repair.
   */
  record(entry: IterationLog, trainer: MetaTrainer): void {
    const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
    if (this.logRewritten) {
      appendDurably(this.file(LOG), line, this.fs);
    } else {
      // Also replaces a symlinked log by a file, leaving its target untouched, as every write does.
      writeFileAtomic(this.file(LOG), [...this.log, entry].map((l) => `${JSON.stringify(l)}\n`).join(''), this.fs);
      this.logRewritten = true;
    }
    this.log.push(entry);
    this.logHash.update(line);
    writeFileAtomic(this.file(CHECKPOINT), checkpointText(trainer.snapshot(), this.logHash.tagged()), this.fs);
  }

  writeEvaluation(result: EvaluationResult): void {
    writeFileAtomic(this.file(EVALUATION), `${JSON.stringify(result, null, 2)}\n`, this.fs);
  }

  /** The saved evaluation with `steps` inner steps, or null when there is none. */
  readEvaluation(steps: number): EvaluationResult | null {
    const path = this.file(EVALUATION);
    if (pathKind(path, this.fs) === 'missing') return null;
    const result = readJson(path, this.fs, FILE_KINDS.evaluation) as Partial<EvaluationResult> | null;
    const returns = result?.returns;
    if (!Array.isArray(result?.tasks) || !Array.isArray(returns) || returns.length !== steps + 1 || !returns.every((r) => typeof r === 'number' && Number.isFinite(r))) {
      throw new FileError(`${path}: expected { tasks, returns } with ${steps + 1} finite returns (delete it to evaluate again)`);
    }
    return result as EvaluationResult;
  }
}

/**
 * The trainer a run folder's checkpoint holds and the log checksum it carries, read without
 * opening the folder (opening removes temp files, which the folder's writer may be about to
 * rename); a corrupt checkpoint is a UsageError naming it.
 */
export function readCheckpoint(dir: string, fs: FileSystem = nodeFileSystem): { trainer: MetaTrainer; logChecksum: string | null } {
  const path = join(dir, CHECKPOINT);
  const content = readJson(path, fs, FILE_KINDS.checkpoint);
  try {
    const { snapshot, logChecksum } = splitCheckpoint(content);
    return { trainer: MetaTrainer.restore(snapshot, runMeasures()), logChecksum };
  } catch (e) {
    throw new UsageError(`${path}: ${(e as Error).message}`);
  }
}
