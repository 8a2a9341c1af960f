import { MetaTrainer } from '../meta/trainer.js';
import { UsageError, integerFlag, outFlag, parseArgs } from './args.js';
import type { CommandContext } from './command.js';
import { CONFIG_FLAGS, configFromArgs } from './config-args.js';
import { trainAndEvaluate } from './train-run.js';
import { RunDir } from './run-dir.js';

export const trainUsage = 'train [--config FILE] [--set key=value]... [--env NAME] [--algo NAME] [--seed N] [--iterations N] [--out DIR] [--resume]';

/**
 * Meta-trains, logging every iteration to DIR/log.jsonl and checkpointing atomically; --resume
 * continues bit-identically. The out folder is checked before any work.
 */
export function trainCommand(argv: readonly string[], print: (line: string) => void, context: CommandContext): number {
  const args = parseArgs(argv, [...CONFIG_FLAGS, 'out', 'iterations'], ['resume']);
  if (args.positional.length > 0) throw new UsageError(`unexpected argument '${args.positional[0]}' (usage: ${trainUsage})`);
  const out = outFlag(args, 'runs/train');
  const iterationsFlag = args.flags.has('iterations') ? integerFlag(args, 'iterations') : null;
  let dir: RunDir;
  let trainer: MetaTrainer;
  if (args.flags.has('resume')) {
    if (args.flags.has('config') || args.flags.has('set') || args.flags.has('algo') || args.flags.has('env') || args.flags.has('seed')) {
      throw new UsageError('--resume continues the saved config; it takes no --config, --set, --env, --algo or --seed');
    }
    if (!RunDir.holdsRun(out, context.fs)) throw new UsageError(`--resume: ${out} holds no checkpoint.json`);
    dir = RunDir.open(out, context.fs);
    trainer = dir.resume();
  } else {
    const config = configFromArgs(args);
    dir = RunDir.create(out, context.fs);
    if (dir.hasCheckpoint()) throw new UsageError(`${out} already holds a run (pass --resume to continue it, or another --out)`);
    trainer = new MetaTrainer(config);
  }
  const config = trainer.config;
  const start = trainer.iteration;
  const iterations = iterationsFlag ?? config.iterations;
  print(`${config.algo} on ${config.env}: iterations ${start + 1}..${iterations}, writing ${dir.path}`);
  const evaluation = trainAndEvaluate(trainer, dir, iterations, config.algo);
  print(`held-out tasks (${evaluation.tasks.length}): mean return ${evaluation.returns.map((r, k) => `after ${k} step${k === 1 ? '' : 's'} ${r.toFixed(1)}`).join(', ')}`);
  return 0;
}
