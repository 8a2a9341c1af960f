import { containedPath } from '../io/contained-path.js';
import { ensureWritableDirectory } from '../io/directories.js';
import type { FileSystem } from '../io/file-system.js';
import { pathKind, readText, writeFileAtomic } from '../io/files.js';
import { removeStaleTemps } from '../io/temp-files.js';
import { outFlag, workersFlag } from './args.js';
import type { CommandContext } from './command.js';
import { GRID_FILE_HELP, type Grid, readGrid } from './grid.js';
import { GridProgress } from './grid-progress.js';
import { type CommandHelp, parseCommandArgs, usageError } from './help.js';
import { gridStart, provenanceJson } from './provenance.js';
import { readProvenance } from './report/report-input.js';
import { RunDir } from './run-dir.js';
import { type TrainJob, checkResumable, runInWorkers, trainRun } from './train-run.js';

export const experimentHelp: CommandHelp = {
  name: 'experiment',
  operands: 'FILE.json',
  summary: 'trains a grid of runs (envs x algorithms x seeds x variants) from a JSON file on all cores, resumably',
  options: [
    { name: 'workers', value: 'N', meaning: 'runs trained at once on threads, 1 to 64', fallback: 'one per core' },
    { name: 'quick', meaning: 'the file\'s "quick" profile (its config keys over every run, fewer seeds); its default folder ends in -quick' },
    { name: 'out', value: 'DIR', meaning: 'the grid folder; finished runs in it are skipped, interrupted ones continued', fallback: 'the file\'s "out", else runs/experiments/NAME' },
  ],
  details: GRID_FILE_HELP,
  examples: ['metarl experiment experiments/tiny.json --workers 2', 'metarl experiment experiments/tiny.json --quick --out runs/tiny-quick'],
};

/** A run its folder already holds in full: checkpoint at the last iteration and its evaluation. */
function isFinished(job: TrainJob, fs: FileSystem): boolean {
  if (!RunDir.holdsRun(job.dir, fs)) return false;
  const dir = RunDir.open(job.dir, fs);
  return dir.loadTrainer().iteration >= job.config.iterations && dir.readEvaluation(job.config.innerSteps) !== null;
}

/** Replaces `path` only when its content changes, so a grid that did nothing leaves its folder as it was. */
function writeIfChanged(path: string, text: string, fs: FileSystem): void {
  if (pathKind(path, fs) === 'missing' || readText(path, fs) !== text) writeFileAtomic(path, text, fs);
}

function gridJson(grid: Grid): string {
  const runs = grid.runs.map(({ env, variant, algo, seed, dir, config }) => ({ env, variant, algo, seed, dir, config }));
  return `${JSON.stringify({ name: grid.name, runs }, null, 2)}\n`;
}

/**
 * Trains every run of a grid file into OUT/ENV/VARIANT/ALGO-seedS, on worker threads when the CLI
 * runs from its bundle. Finished runs are skipped, interrupted ones continue bit-identically, and a
 * saved run of another config is refused before any work. Writes OUT/grid.json (the runs and their
 * configs) and, when it trains anything, OUT/provenance.json (this start, after the earlier ones), both
 * read by `metarl report`.
 */
export async function experimentCommand(argv: readonly string[], print: (line: string) => void, context: CommandContext): Promise<number> {
  const args = parseCommandArgs(argv, experimentHelp);
  if (args.positional.length !== 1) throw usageError(args.positional.length === 0 ? 'missing the grid file' : `unexpected argument '${args.positional[1]}'`, experimentHelp);
  const { fs, script } = context;
  const grid = readGrid(args.positional[0], args.flags.has('quick'), fs, args.flags.has('out'));
  const out = outFlag(args, grid.out);
  const workers = workersFlag(args);
  ensureWritableDirectory(out, fs);
  removeStaleTemps(out, fs);
  const jobs: TrainJob[] = grid.runs.map((run) => ({ config: run.config, dir: containedPath(out, run.dir), resume: true }));
  checkResumable(jobs, fs);
  const pending = jobs.filter((job) => !isFinished(job, fs));
  writeIfChanged(containedPath(out, 'grid.json'), gridJson(grid), fs);
  const skipped = jobs.length - pending.length;
  print(`grid ${grid.name}: ${jobs.length} runs, ${skipped} finished before, ${pending.length} to train, in ${out}`);
  if (pending.length > 0) {
    const file = containedPath(out, 'provenance.json');
    const before = pathKind(file, fs) === 'missing' ? null : readProvenance(out, fs);
    writeFileAtomic(file, provenanceJson(gridStart(['metarl', 'experiment', ...argv].join(' '), new Date()), before), fs);
    const progress = new GridProgress(grid.name, jobs.length, skipped);
    try {
      if (script !== undefined) await runInWorkers(pending, workers, script, { onDone: () => progress.runDone(), quiet: true });
      else {
        for (const job of pending) {
          await trainRun(job, fs);
          progress.runDone();
        }
      }
    } finally {
      progress.end();
    }
  }
  print(`grid ${grid.name}: ${jobs.length}/${jobs.length} runs done; metarl report ${out} writes the results page`);
  return 0;
}
