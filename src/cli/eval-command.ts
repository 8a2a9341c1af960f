import type { CommandContext } from './command.js';
import { type CommandHelp, parseCommandArgs, usageError } from './help.js';
import { RunDir } from './run-dir.js';

export const evalHelp: CommandHelp = {
  name: 'eval',
  operands: 'DIR',
  summary: 'evaluates a run\'s checkpoint on held-out tasks, before and after each inner step; writes DIR/eval.json',
  options: [],
  examples: ['metarl eval runs/train'],
};

/** Needs only the checkpoint (verified against its checksum), not the log. */
export function evalCommand(argv: readonly string[], print: (line: string) => void, context: CommandContext): number {
  const args = parseCommandArgs(argv, evalHelp);
  if (args.positional.length !== 1) throw usageError(args.positional.length === 0 ? 'no run folder' : `unexpected argument '${args.positional[1]}'`, evalHelp);
  const dir = RunDir.open(args.positional[0], context.fs);
  const trainer = dir.loadTrainer();
  const result = trainer.evaluate();
  dir.writeEvaluation(result);
  print(`${trainer.config.algo} at iteration ${trainer.iteration}, ${result.tasks.length} held-out tasks`);
  result.returns.forEach((r, k) => print(`  after ${k} inner step${k === 1 ? '' : 's'}: mean return ${r.toFixed(1)}`));
  return 0;
}
