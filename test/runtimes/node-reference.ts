import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/reference-data.js';
import { probeFixtureFiles } from './probe-bundle.js';
import { probeText } from './probe.js';

/** The probe's text as this Node computes it, in-process from src/ (the text every runtime must give). */
export function nodeProbeText(): string {
  const fixtures: Record<string, unknown> = {};
  for (const f of probeFixtureFiles()) fixtures[f] = JSON.parse(readFileSync(join(repoRoot, 'test/data/fixtures', f), 'utf8'));
  return probeText(fixtures);
}

/** METARL_RUNTIMES=required (.ci/run) turns a missing runtime from a skipped test into a failure. */
export const runtimesRequired = process.env.METARL_RUNTIMES === 'required';

/** The first line where two probe texts differ, for a failure message that says where runtimes part. */
export function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n'), e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return `line ${i + 1}: got ${(a[i] ?? '<none>').slice(0, 300)} | Node: ${(e[i] ?? '<none>').slice(0, 300)}`;
  }
  return 'none';
}
