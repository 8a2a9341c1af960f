// docs/results.md: provenance, claims, then every run and the across-seed summary. Fixed number
// formats and sorted rows, so the same logs give the same bytes.
import type { ClaimResult } from './claims.js';
import { CLAIMS } from './claims.js';
import type { RunGroup } from './groups.js';
import type { ReportInput } from './report-input.js';
import type { RunMetrics } from './run-metrics.js';
import { type MeanInterval, meanInterval } from './statistics.js';

export interface PageInput {
  readonly input: ReportInput;
  readonly runs: readonly RunMetrics[];
  readonly groups: readonly RunGroup[];
  readonly claims: readonly ClaimResult[];
  readonly thresholdFor: (env: string) => number | null;
  /** Paths of the figures relative to the page, in display order. */
  readonly figures: readonly { readonly title: string; readonly path: string }[];
}

const num = (v: number, digits: number): string => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
const interval = (m: MeanInterval, digits: number): string =>
  m.n === 0 ? 'n/a' : Number.isNaN(m.halfWidth) ? num(m.mean, digits) : `${num(m.mean, digits)} ± ${num(m.halfWidth, digits)}`;

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(header: readonly string[], align: string, rows: readonly (readonly string[])[]): string[] {
  return [row(header), row(align.split('').map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(row)];
}

function claimsSection(claims: readonly ClaimResult[]): string[] {
  const lines = ['## Claims', '', 'Each verdict follows the rule stated here, fixed before the runs:', ''];
  for (const c of CLAIMS) lines.push(`- **${c.id}** ${c.statement}: ${c.rule}.`);
  lines.push('');
  if (claims.length === 0) return [...lines, 'No env and variant ran both an algorithm and its directed version, so no claim is tested.', ''];
  const rows = claims.map((r) => [
    r.claim.id, r.env, r.variant, r.base, num(r.baseMean, 2), num(r.directedMean, 2),
    r.difference === null ? 'n/a' : `${num(r.difference.difference, 2)} [${num(r.difference.low, 2)}, ${num(r.difference.high, 2)}]`,
    r.verdict,
  ]);
  return [...lines, ...table(['claim', 'env', 'variant', 'base X', 'X', 'directed-X', 'difference [95% CI]', 'verdict'], 'llllrrrl', rows), ''];
}

function convergenceCells(m: RunMetrics, threshold: number | null): string[] {
  if (threshold === null) return ['n/a', 'n/a', 'n/a', 'n/a'];
  const c = m.convergence;
  if (c === null) return [`never (${m.iterations})`, 'never', 'never', 'never'];
  return [String(c.iteration), num(c.seconds, 3), String(c.envSteps), String(c.derivatives)];
}

function runsSection(page: PageInput): string[] {
  const rows = page.runs.map((m) => [
    m.run.env, m.run.variant, m.run.algo, String(m.run.seed), String(m.iterations),
    num(m.finalBefore, 2), num(m.finalAfter, 2), num(m.gain, 2),
    ...convergenceCells(m, page.thresholdFor(m.run.env)),
    num(m.fluctuation, 2),
    num(m.cost.sampling, 4), num(m.cost.gradients, 4), num(m.cost.hvp, 4), num(m.cost.directed, 4), num(m.cost.trpo, 4), num(m.cost.total, 4),
  ]);
  return [
    '## Every run', '',
    'Returns are the held-out mean returns of eval.json (before adaptation, after the last inner step, and the gain). "never (N)" marks a run that did not reach the threshold in its N iterations. Costs are mean seconds per iteration.', '',
    ...table(
      ['env', 'variant', 'algo', 'seed', 'iterations', 'pre-adaptation', 'post-adaptation', 'gain', 'iterations to threshold', 'seconds', 'env steps', 'gradients + HVPs', 'fluctuation', 's sampling', 's gradients', 's HVPs', 's directed', 's TRPO', 's total'],
      'lllrrrrrrrrrrrrrrrr', rows,
    ),
    '',
  ];
}

function seedsSection(page: PageInput): string[] {
  const rows = page.groups.map((g) => {
    const threshold = page.thresholdFor(g.env);
    const reached = g.runs.map((m) => m.convergence).filter((c) => c !== null);
    const of = (f: (m: RunMetrics) => number): MeanInterval => meanInterval(g.runs.map(f));
    const conv = (f: (c: NonNullable<RunMetrics['convergence']>) => number, digits: number): string =>
      threshold === null ? 'n/a' : interval(meanInterval(reached.map(f)), digits);
    return [
      g.env, g.variant, g.algo, String(g.runs.length),
      interval(of((m) => m.finalBefore), 2), interval(of((m) => m.finalAfter), 2), interval(of((m) => m.gain), 2),
      threshold === null ? 'n/a' : `${reached.length}/${g.runs.length}`,
      conv((c) => c.iteration, 1), conv((c) => c.seconds, 3), conv((c) => c.envSteps, 0), conv((c) => c.derivatives, 0),
      interval(meanInterval(g.runs.map((m) => m.fluctuation).filter((f) => !Number.isNaN(f))), 2),
      interval(of((m) => m.cost.sampling), 4), interval(of((m) => m.cost.gradients), 4), interval(of((m) => m.cost.hvp), 4),
      interval(of((m) => m.cost.directed), 4), interval(of((m) => m.cost.trpo), 4), interval(of((m) => m.cost.total), 4),
    ];
  });
  return [
    '## Across seeds', '',
    'Mean ± half-width of the 95% confidence interval (Student\'s t, n - 1 degrees of freedom; a lone value has no interval). "reached" counts the runs that reached the threshold out of all; the convergence columns average those that did.', '',
    ...table(
      ['env', 'variant', 'algo', 'seeds', 'pre-adaptation', 'post-adaptation', 'gain', 'reached', 'iterations to threshold', 'seconds', 'env steps', 'gradients + HVPs', 'fluctuation', 's sampling', 's gradients', 's HVPs', 's directed', 's TRPO', 's total'],
      'lllrrrrrrrrrrrrrrrr', rows,
    ),
    '',
  ];
}

function thresholdLines(page: PageInput): string[] {
  const envs = [...new Set(page.runs.map((m) => m.run.env))];
  return envs.map((env) => {
    const t = page.thresholdFor(env);
    return `- ${env}: ${t === null ? 'none (no convergence figures)' : num(t, 3)}`;
  });
}

export function resultsMarkdown(page: PageInput): string {
  const p = page.input.provenance;
  const lines = [
    `# Results: ${page.input.name}`, '',
    `Runs produced by \`${p.command}\` at commit \`${p.commit}\` on ${p.date}, on ${p.machine} (${p.cores} cores, Node ${p.node}). `
      + `This page and its figures were generated from the run logs alone by \`metarl report\`; the same logs give the same bytes.`, '',
    'Every return here is a held-out return: the mean over the held-out tasks of the `heldOut` entries logged every `evalEvery` iterations, and of `eval.json` for the last point. '
      + '"Pre-adaptation" is before any inner step, "post-adaptation" after the last one. A run converges at the first held-out evaluation whose post-adaptation return reaches its env\'s threshold, fixed before running:', '',
    ...thresholdLines(page), '',
    'Fluctuation is the standard deviation of the post-adaptation held-out return over the evaluations in the last quarter of iterations.', '',
    ...claimsSection(page.claims),
    ...seedsSection(page),
    ...runsSection(page),
    '## Figures', '',
    ...page.figures.flatMap((f) => [`![${f.title}](${f.path})`, '']),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
