import { UsageError, parseArgs } from './args.js';
import type { CommandContext } from './command.js';
import { RunDir } from './run-dir.js';

export const evalUsage = 'eval DIR   evaluates the run\'s checkpoint on held-out tasks (before and after each inner step)';

/** Needs only the checkpoint (verified against its checksum), not the log. */
export function evalCommand(argv: readonly string[], print: (line: string) => void, context: CommandContext): number {
  const args = parseArgs(argv, []);
  if (args.positional.length !== 1) throw new UsageError(`usage: ${evalUsage}`);
  const dir = RunDir.open(args.positional[0], context.fs);
  const trainer = dir.loadTrainer();
  const result = trainer.evaluate();
  dir.writeEvaluation(result);
  print(`${trainer.config.algo} at iteration ${trainer.iteration}, ${result.tasks.length} held-out tasks`);
  result.returns.forEach((r, k) => print(`  after ${k} inner step${k === 1 ? '' : 's'}: mean return ${r.toFixed(1)}`));
  return 0;
}
