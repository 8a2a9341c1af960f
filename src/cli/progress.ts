import type { IterationLog } from '../meta/trainer.js';

/**
 * Reports meta-iterations: one rewritten status line on a terminal (iteration, returns, time
 * left), one plain line per iteration otherwise (logs, CI).
 */
export class Progress {
  private readonly tty: boolean;
  private lastWidth = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = stream.isTTY === true;
  }

  update(log: IterationLog, startIteration: number): void {
    const done = log.iteration - startIteration;
    const perIteration = done > 0 ? log.totals.seconds / log.iteration : 0;
    const left = Math.max(0, (this.total - log.iteration) * perIteration);
    const line = `${this.label} ${log.iteration}/${this.total}  return before ${log.returnBefore.toFixed(1)}  after ${log.returnAfter.toFixed(1)}  ${log.seconds.total.toFixed(2)} s/it  ~${left.toFixed(0)} s left`;
    if (this.tty) {
      this.stream.write(`\r${line.padEnd(this.lastWidth)}`);
      this.lastWidth = line.length;
    } else {
      this.stream.write(`${line}\n`);
    }
  }

  end(): void {
    if (this.tty && this.lastWidth > 0) this.stream.write('\n');
    this.lastWidth = 0;
  }
}
