import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { type MainOptions, main } from '../../src/cli/main.js';

/** A config small enough for a CLI run in tens of milliseconds (3 iterations). */
export const TINY = ['--set', 'iterations=3', '--set', 'metaBatchSize=2', '--set', 'episodesPerTask=2', '--set', 'numEnvs=2', '--set', 'evalTasks=2', '--set', 'evalEpisodes=2', '--set', 'hidden=[8]'];

/** Runs the CLI in this process, capturing stdout and stderr lines (progress lines are dropped). */
export async function runCli(argv: string[], options: MainOptions = {}): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  const error = vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s));
  const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await main(argv, options), out, err };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
  }
}

/** The log without wall-clock, CPU time and memory fields: what must be identical between equal runs. */
export function logWithoutTimes(dir: string): unknown[] {
  return readFileSync(join(dir, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => {
    const l = JSON.parse(line);
    delete l.seconds;
    delete l.totals.seconds;
    delete l.cpuSeconds;
    delete l.totals.cpuSeconds;
    delete l.isolateMemoryBytes;
    return l;
  });
}

/** The checkpoint without wall-clock and CPU seconds (and so without the checksums, which cover them). */
export function checkpointWithoutTimes(dir: string): Record<string, unknown> {
  const c = JSON.parse(readFileSync(join(dir, 'checkpoint.json'), 'utf8'));
  delete c.totals.seconds;
  delete c.totals.cpuSeconds;
  delete c.checksum;
  delete c.logChecksum;
  return c;
}

export function readJsonFile(dir: string, name: string): unknown {
  return JSON.parse(readFileSync(join(dir, name), 'utf8'));
}
