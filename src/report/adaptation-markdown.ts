// The experiment's adaptation sections: returns after 0..3 inner steps, the swap test, and the
// controls beside each Directed-X, each with its rule before its numbers.
import { MIN_EVAL_STEPS } from '../meta/adaptation-eval.js';
import { ACTION_MODES, type GroupAdaptation } from './adaptation.js';
import { isDirectedName } from './claims.js';
import { CONTROLS_RULE, type ControlsTable } from './controls.js';
import type { ExperimentReport } from './experiment-report.js';
import type { RunGroup } from './groups.js';
import { markdownText as md } from './markdown-escape.js';
import { interval, num, pValue, table } from './markdown-table.js';
import { meanInterval } from './statistics.js';

const STEPS = Array.from({ length: MIN_EVAL_STEPS + 1 }, (_, k) => k);

const runsCell = (evaluated: number, all: number): string => (evaluated === all ? String(all) : `${evaluated} of ${all}`);

function returnsTable(adaptation: readonly GroupAdaptation[]): string[] {
  const rows = adaptation.map((a) => [
    md(a.group.env), md(a.group.variant), md(a.group.algo), runsCell(a.runs, a.group.runs.length),
    ...ACTION_MODES.flatMap((mode) => STEPS.map((k) => (k <= a.steps ? interval(a.returns[mode][k], 2) : 'n/a'))),
  ]);
  const header = ['env', 'variant', 'algo', 'runs', ...ACTION_MODES.flatMap((mode) => STEPS.map((k) => `${mode}, ${k} step${k === 1 ? '' : 's'}`))];
  return [
    '### Adaptation', '',
    `eval.json's adaptation: each held-out task adapts from the final meta-parameters for S = max(${MIN_EVAL_STEPS}, K) inner steps on fresh batches of its own data, and every iterate is scored on the same evaluation episodes of the task, with sampled and with greedy actions. `
      + 'The table gives the mean over seeds ± the half-width of its 95% interval of the held-out return after 0 to 3 steps (the figure shows all S); "runs" counts the runs whose eval.json has the block, of all the group\'s (older files have none and are left out).', '',
    ...table(header, `lllr${'r'.repeat(header.length - 4)}`, rows), '',
  ];
}

function swapTable(adaptation: readonly GroupAdaptation[]): string[] {
  const rows = adaptation.flatMap((a) => (a.swap === null ? [] : [[
    md(a.group.env), md(a.group.variant), md(a.group.algo), String(a.swap.sampled.steps), runsCell(a.swap.sampled.runs, a.group.runs.length),
    ...ACTION_MODES.flatMap((mode) => {
      const s = (a.swap as NonNullable<GroupAdaptation['swap']>)[mode];
      return [num(s.own.mean, 2), num(s.other.mean, 2), interval(s.gap, 2)];
    }),
  ]]));
  if (rows.length === 0) return [];
  return [
    '### Swap test', '',
    'After K inner steps, each held-out task\'s evaluation episodes are played by the policy adapted on its own data ("own") and by the one adapted on the next held-out task\'s data ("other"); the gap is own - other, the mean over seeds ± the half-width of its 95% interval. '
      + 'Read before the numbers: a gap whose interval lies above 0 says the adapted policies carry something of their own task; one that contains 0 shows no task-specific adaptation; "runs" counts the runs with the test (two or more held-out tasks).', '',
    ...table(['env', 'variant', 'algo', 'K', 'runs', 'sampled own', 'sampled other', 'sampled gap', 'greedy own', 'greedy other', 'greedy gap'], 'lllrrrrrrrr', rows), '',
  ];
}

function groupCells(g: RunGroup): string[] {
  const of = (f: (m: RunGroup['runs'][number]) => number): string => interval(meanInterval(g.runs.map(f)), 2);
  return [md(g.variant), md(g.algo), String(g.runs.length), of((m) => m.finalBefore), of((m) => m.finalAfter), of((m) => m.gain)];
}

const NOT_RUN = (role: string): string[] => [role, '', 'not run', '', '', '', '', '', '', '', ''];

function controlsTable(t: ControlsTable): string[] {
  const rows = [
    ['Directed-X', ...groupCells(t.directed), '', '', '', ''],
    t.x === null ? NOT_RUN('X') : ['X', ...groupCells(t.x), '', '', '', 'C2 in the claims table'],
    ...t.controls.map((c) => {
      if (c.group === null) return NOT_RUN(c.kind);
      const effect = c.test === null ? 'n/a' : `${num(c.test.difference, 2)} [${num(c.test.low, 2)}, ${num(c.test.high, 2)}]`;
      return [c.kind, ...groupCells(c.group), effect, pValue(c.p), pValue(c.adjusted), c.verdict === 'not testable' ? 'not testable: fewer than two runs a side' : c.verdict];
    }),
  ];
  return [
    `#### ${md(t.env)}: ${md(t.directed.algo)}, variant ${md(t.directed.variant)}, and its controls`, '',
    ...table(['role', 'variant', 'algo', 'runs', 'pre-adaptation', 'post-adaptation', 'gain', 'Directed-X - this [95% CI]', 'p', 'Holm p', 'verdict'], 'lllrrrrrrrl', rows), '',
  ];
}

function controlsSection(e: ExperimentReport): string[] {
  if (!e.groups.some((g) => isDirectedName(g.algo))) return [];
  const head = ['### Controls', '', `The controls beside each Directed-X: X, the random-task and pooled-step controls (the same config with \`directed.estimator\` "random" or "pooled") and multitask (the same config). ${CONTROLS_RULE}. Returns are eval.json's held-out returns, mean over seeds ± 95% half-width.`, ''];
  if (e.controls.length === 0) return [...head, 'No control ran beside a Directed-X in this experiment.', ''];
  return [...head, ...e.controls.flatMap(controlsTable)];
}

export function adaptationSections(e: ExperimentReport): string[] {
  return [...(e.adaptation.length === 0 ? [] : [...returnsTable(e.adaptation), ...swapTable(e.adaptation)]), ...controlsSection(e)];
}
