import { MetaTrainer } from '../meta/trainer.js';
import { UsageError, integerFlag, parseArgs } from './args.js';
import { CONFIG_FLAGS, configFromArgs } from './config-args.js';
import { trainAndEvaluate } from './train-run.js';
import { RunDir } from './run-dir.js';

export const trainUsage = 'train [--config FILE] [--set key=value]... [--env cartpole] [--algo NAME] [--seed N] [--iterations N] [--out DIR] [--resume]';

/** Meta-trains, logging every iteration to DIR/log.jsonl and checkpointing atomically; --resume continues bit-identically. */
export function trainCommand(argv: readonly string[], print: (line: string) => void): number {
  const args = parseArgs(argv, [...CONFIG_FLAGS, 'out', 'iterations'], ['resume']);
  if (args.positional.length > 0) throw new UsageError(`unexpected argument '${args.positional[0]}' (usage: ${trainUsage})`);
  const dir = new RunDir(args.flags.get('out')?.at(-1) ?? 'runs/train');
  let trainer: MetaTrainer;
  if (args.flags.has('resume')) {
    if (!dir.hasCheckpoint()) throw new UsageError(`--resume: ${dir.path} holds no checkpoint.json`);
    if (args.flags.has('config') || args.flags.has('set') || args.flags.has('algo') || args.flags.has('env') || args.flags.has('seed')) {
      throw new UsageError('--resume continues the saved config; it takes no --config, --set, --env, --algo or --seed');
    }
    trainer = dir.resume();
  } else {
    if (dir.hasCheckpoint()) throw new UsageError(`${dir.path} already holds a run (pass --resume to continue it, or another --out)`);
    trainer = new MetaTrainer(configFromArgs(args));
  }
  const config = trainer.config;
  const start = trainer.iteration;
  const iterations = args.flags.has('iterations') ? integerFlag(args, 'iterations') : config.iterations;
  print(`${config.algo} on ${config.env}: iterations ${start + 1}..${iterations}, writing ${dir.path}`);
  const evaluation = trainAndEvaluate(trainer, dir, iterations, config.algo);
  print(`held-out tasks (${evaluation.tasks.length}): mean return ${evaluation.returns.map((r, k) => `after ${k} step${k === 1 ? '' : 's'} ${r.toFixed(1)}`).join(', ')}`);
  return 0;
}
