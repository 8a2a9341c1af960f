import { DEFAULT_CONFIG } from '../meta/config.js';
import { MetaTrainer } from '../meta/trainer.js';
import { UsageError, integerFlag, outFlag, workersFlag } from './args.js';
import type { CommandContext } from './command.js';
import { CONFIG_KEYS_HELP, CONFIG_OPTIONS, configFromArgs } from './config-args.js';
import { type CommandHelp, parseCommandArgs, usageError } from './help.js';
import { trainAndEvaluate } from './train-run.js';
import { WorkerTaskPool } from './task-pool.js';
import { RunDir } from './run-dir.js';

const DEFAULT_OUT = 'runs/train';

export const trainHelp: CommandHelp = {
  name: 'train',
  operands: '',
  summary: 'meta-trains one algorithm on a task family, then evaluates it on held-out tasks',
  options: [
    ...CONFIG_OPTIONS,
    { name: 'iterations', value: 'N', meaning: 'train up to meta-iteration N', fallback: `the config's iterations, ${DEFAULT_CONFIG.iterations}` },
    { name: 'workers', value: 'N', meaning: 'threads the tasks of a meta-batch run on, 1 to 64', fallback: 'one per core' },
    { name: 'out', value: 'DIR', meaning: 'the run folder: log.jsonl, checkpoint.json, eval.json', fallback: DEFAULT_OUT },
    { name: 'resume', meaning: 'continue the run in --out from its checkpoint, bit-identically (takes no config option)' },
  ],
  details: CONFIG_KEYS_HELP,
  examples: ['metarl train --algo directed-maml --set hidden=[64,64] --iterations 50 --out runs/directed', 'metarl train --iterations 80 --resume --out runs/directed'],
};

/**
 * Meta-trains, logging every iteration to DIR/log.jsonl and checkpointing atomically; --resume
 * continues bit-identically. The out folder is checked before any work.
 */
export async function trainCommand(argv: readonly string[], print: (line: string) => void, context: CommandContext): Promise<number> {
  const args = parseCommandArgs(argv, trainHelp);
  if (args.positional.length > 0) throw usageError(`unexpected argument '${args.positional[0]}'`, trainHelp);
  const out = outFlag(args, DEFAULT_OUT);
  const iterationsFlag = args.flags.has('iterations') ? integerFlag(args, 'iterations') : null;
  const workers = workersFlag(args);
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
  // The tasks of each meta-batch run on worker threads when the CLI runs from its bundle.
  const pool = context.script !== undefined && workers > 1 ? new WorkerTaskPool(context.script, workers) : undefined;
  let evaluation;
  try {
    evaluation = await trainAndEvaluate(trainer, dir, iterations, config.algo, pool);
  } finally {
    await pool?.close();
  }
  print(`held-out tasks (${evaluation.tasks.length}): mean return ${evaluation.returns.map((r, k) => `after ${k} step${k === 1 ? '' : 's'} ${r.toFixed(1)}`).join(', ')}`);
  return 0;
}
