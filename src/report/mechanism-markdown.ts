// The experiment's mechanism section: the rule, then per group and cosine its distribution over
// training and its test.
import type { ExperimentReport } from './experiment-report.js';
import { markdownText as md } from './markdown-escape.js';
import { COSINES, MECHANISM_RULE, type MechanismRow, QUANTILES } from './mechanism-distribution.js';
import { num, pValue, table } from './markdown-table.js';

function rowOf(r: MechanismRow): string[] {
  const t = r.test;
  const test = r.cosine.question === null ? ['', '', '', 'reference'] : t === null ? ['n/a', 'n/a', 'n/a', 'not testable: fewer than two runs'] : [`${num(t.mean, 3)} [${num(t.low, 3)}, ${num(t.high, 3)}]`, pValue(t.p), pValue(r.adjusted), r.verdict ?? ''];
  return [
    md(r.group.env), md(r.group.variant), md(r.group.algo), md(r.cosine.label), String(r.runs), r.nulls === 0 ? String(r.values) : `${r.values} (${r.nulls} null)`,
    ...r.quantiles.map((q) => num(q, 3)), num(r.fractionAbove, 3), ...test,
  ];
}

/**
 * The probe's CPU time (mechanismCpuSeconds), which the trainer keeps out of cpuSeconds: summed
 * over the runs whose every line carries both, as a share of their training CPU seconds.
 */
export function probeCpuLine(e: ExperimentReport): string {
  const runs = e.runs.filter((m) => m.run.log.some((r) => r.mechanismCpuSeconds !== undefined) && m.run.log.every((r) => r.cpuSeconds !== undefined));
  if (runs.length === 0) return 'No log carries the probe\'s CPU time (mechanismCpuSeconds).';
  const sum = (f: (r: ExperimentReport['runs'][number]['run']['log'][number]) => number): number => runs.reduce((s, m) => s + m.run.log.reduce((a, r) => a + f(r), 0), 0);
  const probe = sum((r) => r.mechanismCpuSeconds ?? 0);
  const training = sum((r) => r.cpuSeconds as number);
  return `The probe's CPU time is logged apart (mechanismCpuSeconds) and is in none of the CPU seconds of this page, so the cost claims (C4) and the cost table are those of runs without it: over the ${runs.length} run${runs.length === 1 ? '' : 's'} that logged it, ${num(probe, 3)} CPU s, ${num((100 * probe) / training, 1)}% of their ${num(training, 3)} CPU s of training. Wall-clock seconds (seconds.total) do include it.`;
}

export function mechanismSection(e: ExperimentReport): string[] {
  if (e.mechanism.length === 0) return [];
  const questions = COSINES.filter((c) => c.question !== null).map((c) => `- **${c.label}**: ${c.question}.`);
  const header = ['env', 'variant', 'algo', 'cosine', 'runs', 'iterations', ...QUANTILES.map((q) => `q${Math.round(q * 100)}`), 'fraction > 0', 'tested per-run value: mean [95% CI]', 'p', 'Holm p', 'verdict'];
  return [
    '### The mechanism', '',
    'The runs that logged `directed.logMechanism` compare, on each iteration\'s own batches, the gradient of the directed step with the exact second-order part of the MAML meta-gradient (MAML minus FOMAML at the same point), and FOMAML plus the directed gradient with MAML. The tests:', '',
    ...questions, '',
    `${MECHANISM_RULE}.`, '',
    probeCpuLine(e), '',
    ...table(header, `llllrr${'r'.repeat(QUANTILES.length)}rrrrl`, e.mechanism.map(rowOf)), '',
  ];
}
