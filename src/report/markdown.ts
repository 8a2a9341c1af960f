// docs/results.md over one or more experiments: each one's provenance, the thresholds, the summary,
// one claims table, then per experiment the across-seed summary, every run, the costs, adaptation,
// controls and mechanism, and the figures. Fixed number formats and sorted rows, so the same logs
// give the same bytes.
import { CLAIMS, type ClaimResult, VERDICT_RULE, levelName } from './claims.js';
import { RELATIVE_LEVEL_RULE } from './levels.js';
import type { ExperimentReport } from './experiment-report.js';
import { codeSpan, markdownText as md } from './markdown-escape.js';
import type { RunMetrics } from './run-metrics.js';
import type { GridStart } from './input.js';
import { adaptationSections } from './adaptation-markdown.js';
import { mechanismSection } from './mechanism-markdown.js';
import { interval, num, pValue, table } from './markdown-table.js';
import { type MeanInterval, mean, meanInterval } from './statistics.js';
import { SUMMARY_END, SUMMARY_RULE, SUMMARY_START, summaryLines } from './summary.js';

export interface PageInput {
  /** In the order the command was given them; their names differ. */
  readonly experiments: readonly ExperimentReport[];
  readonly thresholdFor: (env: string) => number | null;
}

const variantCell = (r: ClaimResult): string => (r.baseVariant === r.variant ? md(r.variant) : `${md(r.variant)} (base: ${md(r.baseVariant)})`);

function claimRows(experiments: readonly ExperimentReport[]): string[][] {
  return experiments.flatMap((e) => e.claims.map((r) => [
    md(e.input.name), r.claim.id, md(r.measure), r.level === null ? '' : levelName(r.level), md(r.env), variantCell(r), md(r.base),
    md(r.baseSummary), md(r.directedSummary), md(r.effect), pValue(r.p), pValue(r.adjusted),
    r.verdict === 'not testable' ? `not testable: ${md(r.reason ?? '')}` : r.verdict,
  ]));
}

const CLAIM_HEADER = ['experiment', 'claim', 'measure', 'level', 'env', 'variant', 'base X', 'X', 'directed-X', 'difference [95% CI] or events', 'p', 'Holm p', 'verdict'];
const CLAIM_ALIGN = 'lllllllllrrrl';

function claimsSection(experiments: readonly ExperimentReport[]): string[] {
  const lines = [
    '## Claims', '',
    'Directed-X is compared with the X runs of the same experiment and env whose config is the same apart from the `directed` section (which X ignores): those of its own variant, else those of the variant named as its base. '
      + 'A directed run with `directed.estimator` "random" or "pooled" is a control (random-task, pooled-step), not a Directed-X: it is in its experiment\'s controls table, not here. '
      + 'Each verdict follows the rules stated here, fixed before the runs:', '',
    `- **Levels.** A run reaches a level at its first held-out evaluation whose post-adaptation return is at or above it. Each env is measured at its fixed threshold (above) when it has one, and at a relative level: ${RELATIVE_LEVEL_RULE}.`,
  ];
  for (const c of CLAIMS) lines.push(`- **${c.id}** ${c.statement}: ${c.rule}.`);
  lines.push(`- **Verdicts.** ${VERDICT_RULE}.`);
  lines.push('- **Partial grids.** An experiment with unfinished runs has its claims in a table of their own below the complete grids\' table, adjusted within that experiment, never mixed into a complete grid\'s verdicts.');
  lines.push('');
  const complete = claimRows(experiments.filter((e) => !e.partial));
  const partial = claimRows(experiments.filter((e) => e.partial));
  if (complete.length === 0 && partial.length === 0) return [...lines, 'No directed algorithm ran beside its base algorithm with the same config, so no claim is tested.', ''];
  const out = [...lines];
  if (complete.length > 0) out.push(...table(CLAIM_HEADER, CLAIM_ALIGN, complete), '');
  if (partial.length > 0) {
    out.push('### Claims on partial grids', '', 'These experiments have unfinished runs (listed in their sections): their verdicts are over the finished runs only and may change when the rest finish.', '');
    out.push(...table(CLAIM_HEADER, CLAIM_ALIGN, partial), '');
  }
  return out;
}

function convergenceCells(m: RunMetrics, threshold: number | null): string[] {
  if (threshold === null) return ['n/a', 'n/a', 'n/a', 'n/a'];
  const c = m.convergence;
  if (c === null) return [`never (${m.iterations})`, 'never', 'never', 'never'];
  return [String(c.iteration), num(c.seconds, 3), String(c.envSteps), String(c.derivatives)];
}

function runsSection(experiment: ExperimentReport, thresholdFor: PageInput['thresholdFor']): string[] {
  const rows = experiment.runs.map((m) => [
    md(m.run.env), md(m.run.variant), md(m.run.algo), String(m.run.seed), String(m.iterations),
    num(m.finalBefore, 2), num(m.finalAfter, 2), num(m.gain, 2),
    ...convergenceCells(m, thresholdFor(m.run.env)),
    num(m.fluctuation, 2),
    num(m.cost.sampling, 4), num(m.cost.gradients, 4), num(m.cost.hvp, 4), num(m.cost.directed, 4), num(m.cost.trpo, 4), num(m.cost.total, 4),
  ]);
  return [
    '### Every run', '',
    'Returns are the held-out mean returns of eval.json (before adaptation, after the last inner step, and the gain). "never (N)" marks a run that did not reach the threshold in its N iterations. Costs are mean seconds per iteration.', '',
    ...table(
      ['env', 'variant', 'algo', 'seed', 'iterations', 'pre-adaptation', 'post-adaptation', 'gain', 'iterations to threshold', 'seconds', 'env steps', 'gradients + HVPs', 'fluctuation', 's sampling', 's gradients', 's HVPs', 's directed', 's TRPO', 's total'],
      'lllrrrrrrrrrrrrrrrr', rows,
    ),
    '',
  ];
}

function seedsSection(experiment: ExperimentReport, thresholdFor: PageInput['thresholdFor']): string[] {
  const rows = experiment.groups.map((g) => {
    const threshold = thresholdFor(g.env);
    const reached = g.runs.map((m) => m.convergence).filter((c) => c !== null);
    const of = (f: (m: RunMetrics) => number): MeanInterval => meanInterval(g.runs.map(f));
    const conv = (f: (c: NonNullable<RunMetrics['convergence']>) => number, digits: number): string =>
      threshold === null ? 'n/a' : interval(meanInterval(reached.map(f)), digits);
    return [
      md(g.env), md(g.variant), md(g.algo), String(g.runs.length),
      interval(of((m) => m.finalBefore), 2), interval(of((m) => m.finalAfter), 2), interval(of((m) => m.gain), 2),
      threshold === null ? 'n/a' : `${reached.length}/${g.runs.length}`,
      conv((c) => c.iteration, 1), conv((c) => c.seconds, 3), conv((c) => c.envSteps, 0), conv((c) => c.derivatives, 0),
      interval(meanInterval(g.runs.map((m) => m.fluctuation).filter((f) => !Number.isNaN(f))), 2),
      interval(of((m) => m.cost.sampling), 4), interval(of((m) => m.cost.gradients), 4), interval(of((m) => m.cost.hvp), 4),
      interval(of((m) => m.cost.directed), 4), interval(of((m) => m.cost.trpo), 4), interval(of((m) => m.cost.total), 4),
    ];
  });
  return [
    '### Across seeds', '',
    'Mean ± half-width of the 95% confidence interval (Student\'s t, n - 1 degrees of freedom; a lone value has no interval). "reached" counts the runs that reached the threshold out of all; the convergence columns average those that did.', '',
    ...table(
      ['env', 'variant', 'algo', 'seeds', 'pre-adaptation', 'post-adaptation', 'gain', 'reached', 'iterations to threshold', 'seconds', 'env steps', 'gradients + HVPs', 'fluctuation', 's sampling', 's gradients', 's HVPs', 's directed', 's TRPO', 's total'],
      'lllrrrrrrrrrrrrrrrr', rows,
    ),
    '',
  ];
}

const MIB = 1024 * 1024;

function costSection(experiment: ExperimentReport): string[] {
  const rows = experiment.groups.map((g) => {
    const cpu = g.runs.every((m) => m.cpuPerIteration !== null) ? g.runs.map((m) => m.cpuPerIteration as readonly number[]) : null;
    const memory = g.runs.every((m) => m.peakMemoryBytes !== null) ? Math.max(...g.runs.map((m) => m.peakMemoryBytes as number)) : NaN;
    const perIteration = (f: (r: RunMetrics['run']['log'][number]) => number): MeanInterval => meanInterval(g.runs.map((m) => mean(m.run.log.map(f))));
    return [
      md(g.env), md(g.variant), md(g.algo), String(g.runs.length),
      cpu === null ? 'n/a' : interval(meanInterval(cpu.map((c) => c.reduce((a, b) => a + b, 0))), 3),
      cpu === null ? 'n/a' : interval(meanInterval(cpu.map(mean)), 4),
      interval(perIteration((r) => r.counts.envSteps), 0),
      interval(perIteration((r) => r.counts.gradientEvaluations + r.counts.hvps), 1),
      num(memory / MIB, 1),
    ];
  });
  return [
    '### Cost', '',
    'Per group of seeds: the CPU seconds of training in all and per iteration, the env steps and gradients + HVPs per iteration (mean ± 95% half-width), and the peak memory of any of its runs.', '',
    ...table(['env', 'variant', 'algo', 'seeds', 'CPU s', 'CPU s / iteration', 'env steps / iteration', 'gradients + HVPs / iteration', 'peak memory MiB'], 'lllrrrrrr', rows),
    '',
  ];
}

/** One line per env of any experiment, in code-unit order. */
function thresholdLines(page: PageInput): string[] {
  const envs = [...new Set(page.experiments.flatMap((e) => e.input.runs.map((run) => run.env)))].sort();
  return envs.map((env) => {
    const t = page.thresholdFor(env);
    return `- ${md(env)}: ${t === null ? 'none (no convergence figures)' : num(t, 3)}`;
  });
}

function provenanceLine(experiment: ExperimentReport): string {
  const { provenance: p, runs, unfinished } = experiment.input;
  const finished = unfinished.length === 0 ? '' : ` ${runs.length} of ${runs.length + unfinished.length} runs finished.`;
  const earlier = p.earlier.length === 0 ? '' : ` It was started before: ${p.earlier.map((e) => earlierStart(e, p)).join('; ')}.`;
  return `Runs of experiment ${md(experiment.input.name)} produced by ${codeSpan(p.command)} at commit ${codeSpan(p.commit)} on ${md(p.date)}, on ${onHost(p)}${md(p.machine)} (${p.cores} cores, Node ${md(p.node)}).${earlier}${finished}`;
}

/** An earlier start: its date and commit, and its command and machine where they differ from the latest's. */
function earlierStart(e: GridStart, latest: GridStart): string {
  const command = e.command === latest.command ? '' : ` by ${codeSpan(e.command)}`;
  const machine = e.host === latest.host && e.machine === latest.machine && e.cores === latest.cores && e.node === latest.node ? '' : ` on ${onHost(e)}${md(e.machine)} (${e.cores} cores, Node ${md(e.node)})`;
  return `on ${md(e.date)} at commit ${codeSpan(e.commit)}${command}${machine}`;
}

/** "host `node-3`, " where the start recorded its host. */
function onHost(start: GridStart): string {
  return start.host === undefined ? '' : `host ${codeSpan(start.host)}, `;
}

/** Only when some planned runs have no eval.json yet. */
function unfinishedSection(experiment: ExperimentReport): string[] {
  const { unfinished, provenance } = experiment.input;
  if (unfinished.length === 0) return [];
  const rows = unfinished.map((u) => [md(u.env), md(u.variant), md(u.algo), String(u.seed), String(u.iterationsLogged), String(u.iterationsPlanned)]);
  return [
    '### Unfinished runs', '',
    `These runs have no eval.json yet, so they are not in any table, claim or figure of this page; re-running the same \`metarl experiment\` command (${codeSpan(provenance.command)}) continues them.`, '',
    ...table(['env', 'variant', 'algo', 'seed', 'iterations logged', 'iterations planned'], 'lllrrr', rows),
    '',
  ];
}

function summarySection(experiments: readonly ExperimentReport[]): string[] {
  return [
    '## Summary', '',
    `${SUMMARY_RULE}; the claims and their rules are in the next section. The README carries the lines between the markers word for word (a test checks it).`, '',
    SUMMARY_START, ...summaryLines(experiments), SUMMARY_END, '',
  ];
}

/** A partial grid's heading says so, so none of its tables is read as a complete grid's. */
function experimentHeading(experiment: ExperimentReport): string {
  const { name, runs, unfinished } = experiment.input;
  return experiment.partial ? `## ${md(name)} (partial: ${runs.length} of ${runs.length + unfinished.length} runs finished)` : `## ${md(name)}`;
}

/** Prefixed, so a note that opens with "#", "-" or "1." stays a paragraph. */
function noteLines(experiment: ExperimentReport): string[] {
  const { note } = experiment.input;
  return note === null ? [] : [`The grid's note: ${md(note)}`, ''];
}

function experimentSection(experiment: ExperimentReport, thresholdFor: PageInput['thresholdFor']): string[] {
  return [
    experimentHeading(experiment), '',
    ...noteLines(experiment),
    ...seedsSection(experiment, thresholdFor),
    ...runsSection(experiment, thresholdFor),
    ...costSection(experiment),
    ...adaptationSections(experiment),
    ...mechanismSection(experiment),
    ...unfinishedSection(experiment),
    '### Figures', '',
    ...experiment.figures.flatMap((f) => [`![${md(f.title)}](${f.path})`, '']),
  ];
}

export function resultsMarkdown(page: PageInput): string {
  const lines = [
    '# Results', '',
    ...page.experiments.flatMap((e) => [provenanceLine(e), '']),
    'This page and its figures were generated from the run logs alone by `metarl report`; the same logs give the same bytes.', '',
    'Every return here is a held-out return: the mean over the held-out tasks of the `heldOut` entries logged every `evalEvery` iterations, and of `eval.json` for the last point. '
      + '"Pre-adaptation" is before any inner step, "post-adaptation" after the last one. A run converges at the first held-out evaluation whose post-adaptation return reaches its env\'s threshold, fixed before running:', '',
    ...thresholdLines(page), '',
    'Fluctuation in the tables of runs is the standard deviation of the post-adaptation held-out return over the evaluations from the first one at the env\'s threshold on (n/a for an env without one, a run that never reached it, or fewer than two evaluations from there).', '',
    `CPU seconds are the CPU time of the thread that trained the run (with \`train --workers\`, and of the task workers' threads for its tasks), training only (not the held-out evaluations): other processes add none of their own time to it, but sharing the machine's caches and memory with them makes the same work take more CPU time (docs/cli.md gives the measured size of that effect), so env steps and gradients + HVPs are the cost measures that carry from one machine or load to another. Memory is the highest, over the iterations, of the JS heap in use plus the ArrayBuffers of the isolate that trained the run, sampled at the end of each iteration's training work (task workers' isolates not included): it counts garbage not yet collected, and a grid's thread that trained an earlier run may still hold what that run left, so it bounds the run's need from above. Logs written before they were measured carry neither: n/a.`, '',
    ...summarySection(page.experiments),
    ...claimsSection(page.experiments),
    ...page.experiments.flatMap((e) => experimentSection(e, page.thresholdFor)),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
