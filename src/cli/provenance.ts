import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

/** What produced a grid's runs, for the results page: `metarl report` states it. */
export interface Provenance {
  /** The git commit of the working folder, or "unknown" outside a git checkout. */
  readonly commit: string;
  /** ISO 8601, UTC. */
  readonly date: string;
  /** The CPU model. */
  readonly machine: string;
  readonly cores: number;
  /** Node's version, "v20.11.0". */
  readonly node: string;
  /** The command line: "metarl experiment experiments/x.json --workers 2". */
  readonly command: string;
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a git checkout, or no git installed
    return 'unknown';
  }
}

export function provenance(command: string, date: Date): Provenance {
  const cores = cpus();
  return { commit: gitCommit(), date: date.toISOString(), machine: cores[0]?.model.trim() ?? 'unknown', cores: cores.length, node: process.version, command };
}
