// report-inputs.json, beside results.md: the runs a page was generated from (each experiment's name
// and the folders of all its planned runs, finished or not). A later report into the same folder
// replaces the page only when it is over the same runs, so a page of other runs (a committed one,
// say) is never overwritten by accident; more of the same runs having finished is the same set.
import { type FileSystem } from '../../io/file-system.js';
import { pathKind, readText } from '../../io/files.js';
import type { ReportInput } from '../../report/input.js';

export const PAGE_INPUTS_FILE = 'report-inputs.json';

export function pageInputsJson(inputs: readonly ReportInput[]): string {
  const experiments = inputs.map((i) => ({ name: i.name, runs: [...i.runs, ...i.unfinished].map((r) => r.dir).sort() }));
  return `${JSON.stringify({ experiments }, null, 2)}\n`;
}

/**
 * Null when `page` may be written over: it does not exist, or `inputsFile` says it was generated
 * from the same runs; else why not.
 */
export function pageOfOtherRuns(page: string, inputsFile: string, inputs: string, fs: FileSystem): string | null {
  if (pathKind(page, fs) === 'missing') return null;
  if (pathKind(inputsFile, fs) === 'missing') return `${page} exists and no ${inputsFile} says which runs it was generated from`;
  return readText(inputsFile, fs) === inputs ? null : `${page} was generated from other runs (${inputsFile} lists them)`;
}
