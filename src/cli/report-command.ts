import { containedPath } from '../io/contained-path.js';
import { ensureWritableDirectory } from '../io/directories.js';
import { writeFileAtomic } from '../io/files.js';
import { UsageError, outFlag } from './args.js';
import type { CommandContext } from './command.js';
import { type CommandHelp, parseCommandArgs, usageError } from './help.js';
import { type ExperimentReport, experimentReport } from '../report/experiment-report.js';
import { resultsMarkdown } from '../report/markdown.js';
import { PAGE_INPUTS_FILE, pageInputsJson, pageOfOtherRuns } from './report/page-inputs.js';
import { readReportInput } from './report/report-input.js';
import { rewardThresholdOf as thresholdFor } from '../envs/registry.js';

export const reportHelp: CommandHelp = {
  name: 'report',
  operands: 'DIR...',
  summary: 'reads experiment folders\' logs (grid.json, provenance.json, every run\'s log.jsonl and eval.json) and writes one results.md over them, with a claims table across them and SVG figures',
  options: [
    { name: 'out', value: 'DIR', meaning: 'folder for results.md, figures/ and report-inputs.json (the runs the page is over); required with several DIRs', fallback: 'DIR/report/' },
    { name: 'force', meaning: 'replace a results.md generated from other runs (or one without report-inputs.json)' },
  ],
  details: [
    'Several folders give one page: each experiment\'s provenance, one claims table, then a section per experiment (in the order given; grid names must differ).',
    'Directed-X is compared with the X runs of the same experiment and env whose config is the same apart from algo, seed and the directed section.',
    'A run without eval.json has not finished: the page lists it as unfinished and leaves it out of every table, claim and figure; a folder with no finished run is refused.',
    'Threshold on the held-out post-adaptation return: the env\'s rewardThreshold (listed by `metarl envs`); an env without one is judged at the relative level only.',
    'Each claim is tested at the threshold and at a level within 10% of the best final return: times to a level by the log-rank test (a run that never gets there is censored), the rest by Welch\'s t-test; p-values Holm-adjusted over each experiment\'s claims, an experiment with unfinished runs in a claims table of its own.',
    'eval.json\'s adaptation gives the returns after 0..3 inner steps (sampled and greedy) and the swap test; each Directed-X gets a table of its controls (X, the random-task and pooled-step estimators, multitask), Welch-tested and Holm-adjusted over the experiment\'s controls.',
    'Logs with directed.logMechanism give the distribution over training of the mechanism\'s cosines, with a one-sample t-test over runs, Holm-adjusted over the experiment\'s mechanism tests.',
    'The page opens with a five-line summary between <!-- results-summary:start --> and <!-- results-summary:end --> (complete grids only), which the README carries word for word.',
    'Names from grid.json (experiment, env, variant, algo) must match [A-Za-z0-9][A-Za-z0-9._-]*; text from the logs is escaped in the page and figures.',
  ],
  examples: ['metarl report runs/experiments/paper --out docs/   # several: metarl report runs/experiments/paper runs/experiments/ablation-cartpole --out docs/'],
};

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Reads everything and checks every target before writing anything, so bad input leaves the out folder untouched. */
export function reportCommand(argv: readonly string[], print: (line: string) => void, context: CommandContext): number {
  const args = parseCommandArgs(argv, reportHelp);
  if (args.positional.length === 0) throw usageError('no experiment folder', reportHelp);
  if (args.positional.length > 1 && !args.flags.has('out')) throw usageError(`--out is missing, expected the folder for the page over the ${args.positional.length} experiments`, reportHelp);
  const out = outFlag(args, containedPath(args.positional[0], 'report'));
  const experiments: ExperimentReport[] = [];
  for (const dir of args.positional) {
    const input = readReportInput(dir, context.fs);
    const same = experiments.find((e) => e.input.name === input.name);
    if (same !== undefined) throw new UsageError(`${same.input.dir} and ${dir} both hold experiment ${input.name}; give each experiment once (its name names its section and figures)`);
    experiments.push(experimentReport(input, thresholdFor));
  }
  const figures = experiments.flatMap((e) => e.figures).map((f) => ({ path: containedPath(out, f.path), svg: f.svg }));
  const page = resultsMarkdown({ experiments, thresholdFor });
  const pageFile = containedPath(out, 'results.md');
  const inputsFile = containedPath(out, PAGE_INPUTS_FILE);
  const inputs = pageInputsJson(experiments.map((e) => e.input));
  const refusal = args.flags.has('force') ? null : pageOfOtherRuns(pageFile, inputsFile, inputs, context.fs);
  if (refusal !== null) throw new UsageError(`--out: ${refusal}; pass --force to replace it, or another --out`);
  ensureWritableDirectory(containedPath(out, 'figures'), context.fs);
  for (const f of figures) writeFileAtomic(f.path, f.svg, context.fs);
  writeFileAtomic(pageFile, page, context.fs);
  writeFileAtomic(inputsFile, inputs, context.fs);
  const runs = experiments.reduce((n, e) => n + e.runs.length, 0);
  const unfinished = experiments.reduce((n, e) => n + e.input.unfinished.length, 0);
  const claims = experiments.reduce((n, e) => n + e.claims.length, 0);
  print(`${pageFile}: ${count(experiments.length, 'experiment')}, ${count(runs, 'run')}${unfinished > 0 ? `, ${unfinished} unfinished` : ''}, ${count(claims, 'claim verdict')}, ${count(figures.length, 'figure')}`);
  return 0;
}
