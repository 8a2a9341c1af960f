import type { AdaptationEvaluation } from '../meta/adaptation-eval.js';
import { workersFlag } from './args.js';
import type { CommandContext } from './command.js';
import { withTaskPool } from './command-task-pool.js';
import { type CommandHelp, parseCommandArgs, usageError } from './help.js';
import { RunDir } from './run-dir.js';
import { finalEvaluation } from './train-run.js';

export const evalHelp: CommandHelp = {
  name: 'eval',
  operands: 'DIR',
  summary: 'evaluates a run\'s checkpoint on held-out tasks, before and after each inner step (0 to max(3, K), sampled and greedy, with the swap test); writes DIR/eval.json',
  options: [{ name: 'workers', value: 'N', meaning: 'threads the held-out tasks (and the swap test\'s) run on, 1 to 64', fallback: 'one per core' }],
  examples: ['metarl eval runs/train', 'metarl eval runs/train --workers 4'],
};

function rates(outcomes: Record<string, number> | undefined): string {
  if (outcomes === undefined) return '';
  return `, ${Object.entries(outcomes).map(([k, v]) => `${k} ${(100 * v).toFixed(0)}%`).join(' ')}`;
}

function adaptationLines(a: AdaptationEvaluation): string[] {
  const lines = [`  after 0..${a.steps} inner steps, mean return on evaluation episodes (sampled / greedy actions):`];
  for (let k = 0; k <= a.steps; k++) {
    lines.push(`    ${k} step${k === 1 ? ' ' : 's'}: ${a.sampled.returns[k].toFixed(1)}${rates(a.sampled.outcomes?.[k])} / ${a.greedy.returns[k].toFixed(1)}${rates(a.greedy.outcomes?.[k])}`);
  }
  if (a.swap === null) {
    lines.push('  swap test: needs at least 2 held-out tasks');
  } else {
    const { sampled: s, greedy: g } = a.swap;
    lines.push(`  swap test after ${a.swap.steps} step${a.swap.steps === 1 ? '' : 's'} (adapted on own task minus on another): sampled ${s.own.toFixed(1)} - ${s.other.toFixed(1)} = ${s.gap.toFixed(1)}, greedy ${g.own.toFixed(1)} - ${g.other.toFixed(1)} = ${g.gap.toFixed(1)}`);
  }
  return lines;
}

/**
 * Needs only the checkpoint (verified against its checksum), not the log. With --workers N the
 * held-out tasks run on train's task pool: the same bits as on one thread.
 */
export async function evalCommand(argv: readonly string[], print: (line: string) => void, context: CommandContext): Promise<number> {
  const args = parseCommandArgs(argv, evalHelp);
  if (args.positional.length !== 1) throw usageError(args.positional.length === 0 ? 'no run folder' : `unexpected argument '${args.positional[1]}'`, evalHelp);
  const workers = workersFlag(args);
  const dir = RunDir.open(args.positional[0], context.fs);
  const trainer = dir.loadTrainer();
  const result = await withTaskPool(context, workers, trainer.config, (pool) => finalEvaluation(trainer, pool));
  dir.writeEvaluation(result);
  print(`${trainer.config.algo} at iteration ${trainer.iteration}, ${result.tasks.length} held-out tasks`);
  result.returns.forEach((r, k) => print(`  after ${k} inner step${k === 1 ? '' : 's'}: mean return ${r.toFixed(1)}`));
  if (result.adaptation !== undefined) adaptationLines(result.adaptation).forEach((line) => print(line));
  return 0;
}
