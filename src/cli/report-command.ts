import { join } from 'node:path';
import { ensureWritableDirectory } from '../io/directories.js';
import { writeFileAtomic } from '../io/files.js';
import { outFlag } from './args.js';
import type { CommandContext } from './command.js';
import { type CommandHelp, parseCommandArgs, usageError } from './help.js';
import { evaluateClaims } from './report/claims.js';
import { reportFigures } from './report/figures.js';
import { groupRuns } from './report/groups.js';
import { resultsMarkdown } from './report/markdown.js';
import { readReportInput } from './report/report-input.js';
import { runMetrics } from './report/run-metrics.js';
import { thresholdFor } from './report/thresholds.js';

export const reportHelp: CommandHelp = {
  name: 'report',
  operands: 'DIR',
  summary: 'reads an experiment folder\'s logs (grid.json, provenance.json, every run\'s log.jsonl and eval.json) and writes results.md with its claims table and SVG figures',
  options: [{ name: 'out', value: 'DIR', meaning: 'folder for results.md and figures/', fallback: 'docs/' }],
  details: ['Thresholds on the held-out post-adaptation return: cartpole 475, lunarlander* 200, intersection 90% of the oracle driver\'s 15.16.'],
  examples: ['metarl report runs/experiments/main --out docs/'],
};

/** Reads everything before writing anything, so bad input leaves the out folder untouched. */
export function reportCommand(argv: readonly string[], print: (line: string) => void, context: CommandContext): number {
  const args = parseCommandArgs(argv, reportHelp);
  if (args.positional.length !== 1) throw usageError(args.positional.length === 0 ? 'no experiment folder' : `unexpected argument '${args.positional[1]}'`, reportHelp);
  const out = outFlag(args, 'docs/');
  const input = readReportInput(args.positional[0], context.fs);
  const runs = input.runs.map((run) => runMetrics(run, thresholdFor(run.env)));
  const groups = groupRuns(runs);
  const claims = evaluateClaims(groups, thresholdFor);
  const figures = reportFigures(groups, thresholdFor);
  const page = resultsMarkdown({ input, runs, groups, claims, thresholdFor, figures });
  ensureWritableDirectory(join(out, 'figures'), context.fs);
  for (const f of figures) writeFileAtomic(join(out, f.path), f.svg, context.fs);
  writeFileAtomic(join(out, 'results.md'), page, context.fs);
  print(`${join(out, 'results.md')}: ${runs.length} runs, ${claims.length} claim verdicts, ${figures.length} figures`);
  return 0;
}
