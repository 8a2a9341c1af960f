import { execFileSync } from 'node:child_process';
import { cpus, hostname } from 'node:os';
import type { GridStart, Provenance } from '../report/input.js';

export type { GridStart, Provenance } from '../report/input.js';

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a git checkout, or no git installed
    return 'unknown';
  }
}

export function gridStart(command: string, date: Date): GridStart {
  const cores = cpus();
  return { commit: gitCommit(), date: date.toISOString(), host: hostname(), machine: cores[0]?.model.trim() ?? 'unknown', cores: cores.length, node: process.version, command };
}

/**
 * provenance.json after `start`, given the file's content before it (null when there was none):
 * every start ordered by date (then command), the latest on top, so processes that start on one
 * grid at once give the same file whichever records its start first.
 */
export function provenanceJson(start: GridStart, before: Provenance | null): string {
  if (before === null) return `${JSON.stringify(start, null, 2)}\n`;
  const { earlier, ...previous } = before;
  const starts = [...earlier, previous, start].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.command < b.command ? -1 : a.command > b.command ? 1 : 0));
  const latest = starts[starts.length - 1];
  return `${JSON.stringify({ ...latest, earlier: starts.slice(0, -1) }, null, 2)}\n`;
}
