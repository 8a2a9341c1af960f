import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, readText, writeFileAtomic } from '../io/files.js';
import type { EvaluationResult, IterationLog } from '../meta/trainer.js';
import { MetaTrainer } from '../meta/trainer.js';
import { UsageError } from './args.js';

/** A run's folder: log.jsonl (one line per iteration), checkpoint.json, eval.json. */
export class RunDir {
  readonly log: IterationLog[] = [];

  constructor(readonly path: string) {}

  private file(name: string): string {
    return join(this.path, name);
  }

  hasCheckpoint(): boolean {
    return existsSync(this.file('checkpoint.json'));
  }

  /** The trainer and its log as last saved; a corrupt checkpoint or log is a UsageError naming it. */
  resume(clock?: () => number): MetaTrainer {
    let trainer: MetaTrainer;
    try {
      trainer = MetaTrainer.restore(readJson(this.file('checkpoint.json')), clock === undefined ? undefined : { clock });
    } catch (e) {
      throw new UsageError(`${this.file('checkpoint.json')}: ${(e as Error).message}`);
    }
    const logPath = this.file('log.jsonl');
    const lines = existsSync(logPath) ? readText(logPath).split('\n').filter((l) => l.length > 0) : [];
    lines.forEach((line, i) => {
      try {
        this.log.push(JSON.parse(line) as IterationLog);
      } catch {
        throw new UsageError(`${logPath}: line ${i + 1} is not valid JSON`);
      }
    });
    // The checkpoint is written after the log line, so the log may hold one iteration more.
    this.log.splice(trainer.iteration);
    if (this.log.length !== trainer.iteration) {
      throw new UsageError(`${logPath}: holds ${this.log.length} iterations, expected ${trainer.iteration} (the checkpoint's iteration)`);
    }
    return trainer;
  }

  /** Appends an iteration: the log and then the checkpoint, each replaced atomically. */
  record(entry: IterationLog, trainer: MetaTrainer): void {
    this.log.push(entry);
    writeFileAtomic(this.file('log.jsonl'), this.log.map((l) => JSON.stringify(l)).join('\n') + '\n');
    writeFileAtomic(this.file('checkpoint.json'), JSON.stringify(trainer.snapshot()));
  }

  writeEvaluation(result: EvaluationResult): void {
    writeFileAtomic(this.file('eval.json'), `${JSON.stringify(result, null, 2)}\n`);
  }
}
