import { DEFAULT_CONFIG, type MetaConfig } from '../meta/config.js';
import { MetaTrainer } from '../meta/trainer.js';
import { UsageError, integerFlag, outFlag, workersFlag } from './args.js';
import type { CommandContext } from './command.js';
import { CONFIG_KEYS_HELP, CONFIG_OPTIONS, configFromArgs } from './config-args.js';
import { type CommandHelp, parseCommandArgs, usageError } from './help.js';
import { trainAndEvaluate } from './train-run.js';
import { withTaskPool } from './command-task-pool.js';
import { RunDir } from './run-dir.js';
import { RunLock } from './run-lock.js';
import { runMeasures } from './run-measures.js';
import { ensureWritableDirectory } from '../io/directories.js';

const DEFAULT_OUT = 'runs/train';

/** '--config, --set, --env, --algo or --seed': the options that make a config, which --resume refuses. */
const CONFIG_OPTION_LIST = ((flags: string[]) => `${flags.slice(0, -1).join(', ')} or ${flags.at(-1)}`)(CONFIG_OPTIONS.map((o) => `--${o.name}`));

export const trainHelp: CommandHelp = {
  name: 'train',
  operands: '',
  summary: 'meta-trains one algorithm on a task family, then evaluates it on held-out tasks',
  options: [
    ...CONFIG_OPTIONS,
    { name: 'iterations', value: 'N', meaning: 'train up to meta-iteration N', fallback: `the config's iterations, ${DEFAULT_CONFIG.iterations}` },
    { name: 'workers', value: 'N', meaning: 'threads the tasks of a meta-batch and of a held-out evaluation run on, 1 to 64', fallback: 'one per core' },
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
  const resume = args.flags.has('resume');
  if (resume) {
    if (CONFIG_OPTIONS.some((o) => args.flags.has(o.name))) throw new UsageError(`--resume continues the saved config; it takes no ${CONFIG_OPTION_LIST}`);
    if (!RunDir.holdsRun(out, context.fs)) throw new UsageError(`--resume: ${out} holds no checkpoint.json`);
  }
  const config = resume ? null : configFromArgs(args);
  ensureWritableDirectory(out, context.fs);
  // Taken before the folder is opened: opening removes temp files, which a live writer may own.
  const lock = RunLock.acquire(out);
  try {
    const dir = resume ? RunDir.open(out, context.fs) : RunDir.create(out, context.fs);
    return await trainLocked(dir, config, iterationsFlag, workers, print, context);
  } finally {
    lock.release();
  }
}

/** The rest of `train`, under the run folder's lock: a fresh run when `config` is given, else the folder's. */
async function trainLocked(dir: RunDir, config: MetaConfig | null, iterationsFlag: number | null, workers: number, print: (line: string) => void, context: CommandContext): Promise<number> {
  if (config !== null && dir.hasCheckpoint()) throw new UsageError(`${dir.path} already holds a run (pass --resume to continue it, or another --out)`);
  const trainer = config === null ? dir.resume() : new MetaTrainer(config, runMeasures());
  const start = trainer.iteration;
  const iterations = iterationsFlag ?? trainer.config.iterations;
  if (iterations < start) throw new UsageError(`--iterations is ${iterations}, expected at least ${start} (the iteration ${dir.path} is at)`);
  if (iterations === start && start > 0) {
    const saved = dir.readEvaluation(trainer.config.innerSteps);
    if (saved !== null) {
      print(`${dir.path} is at iteration ${start} and evaluated: nothing to train`);
      return 0;
    }
  }
  print(`${trainer.config.algo} on ${trainer.config.env}: iterations ${start + 1}..${iterations}, writing ${dir.path}`);
  const evaluation = await withTaskPool(context, workers, trainer.config, (pool) => trainAndEvaluate(trainer, dir, iterations, trainer.config.algo, pool));
  print(`held-out tasks (${evaluation.tasks.length}): mean return ${evaluation.returns.map((r, k) => `after ${k} step${k === 1 ? '' : 's'} ${r.toFixed(1)}`).join(', ')}`);
  return 0;
}
