/** "40 s", "12 min", "3.5 h": a duration as a progress line states it. */
export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** `grid NAME: 3/12 runs done, ETA 4 min`; the ETA is unknown until a run of this invocation ends. */
export function gridProgressLine(name: string, done: number, total: number, etaSeconds: number | null): string {
  const eta = done === total ? '' : `, ETA ${etaSeconds === null ? 'unknown' : formatDuration(etaSeconds)}`;
  return `grid ${name}: ${done}/${total} runs done${eta}`;
}

/**
 * The one progress line of a grid: rewritten in place on a terminal, one line per finished run
 * otherwise. The ETA extrapolates this invocation's throughput (runs finished per second on all
 * workers), so runs read back from an earlier invocation do not count.
 */
export class GridProgress {
  private readonly tty: boolean;
  private readonly start: number;
  private finishedHere = 0;
  private lastWidth = 0;

  constructor(
    private readonly name: string,
    private readonly total: number,
    private done: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly now: () => number = () => performance.now() / 1000,
  ) {
    this.tty = stream.isTTY === true;
    this.start = now();
    this.show();
  }

  runDone(): void {
    this.done += 1;
    this.finishedHere += 1;
    this.show();
  }

  end(): void {
    if (this.tty && this.lastWidth > 0) this.stream.write('\n');
    this.lastWidth = 0;
  }

  private show(): void {
    const eta = this.finishedHere === 0 ? null : ((this.now() - this.start) / this.finishedHere) * (this.total - this.done);
    const line = gridProgressLine(this.name, this.done, this.total, eta);
    if (this.tty) {
      this.stream.write(`\r${line.padEnd(this.lastWidth)}`);
      this.lastWidth = line.length;
    } else {
      this.stream.write(`${line}\n`);
    }
  }
}
