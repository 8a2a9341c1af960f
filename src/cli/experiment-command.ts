import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { containedPath } from '../io/contained-path.js';
import { ensureWritableDirectory } from '../io/directories.js';
import type { FileSystem } from '../io/file-system.js';
import { pathKind, readJson, readText, writeFileAtomic } from '../io/files.js';
import { FILE_KINDS } from '../io/file-kinds.js';
import { removeStaleTemps } from '../io/temp-files.js';
import { canonicalJson } from '../meta/checksum.js';
import { UsageError, outFlag, workersFlag } from './args.js';
import type { CommandContext } from './command.js';
import { GRID_FILE_HELP, type Grid, readGrid } from './grid.js';
import { GridProgress } from './grid-progress.js';
import { type CommandHelp, parseCommandArgs, usageError } from './help.js';
import { gridStart, provenanceJson } from './provenance.js';
import { readProvenance } from './report/report-input.js';
import { RunDir } from './run-dir.js';
import { RunLock, RunLockedError, lockHolder, withFolderLockWaiting } from './run-lock.js';
import { jobsOfRuns } from './grid-jobs.js';
import { type RunResult, type TrainJob, checkResumable, savedTrainer, trainJobs } from './train-run.js';

/** Held while a process writes the grid folder's own files (grid.json, provenance.json). */
const GRID_LOCK = 'grid.lock';

export const experimentHelp: CommandHelp = {
  name: 'experiment',
  operands: 'FILE.json',
  summary: 'trains a grid of runs (envs x algorithms x seeds x variants) from a JSON file on all cores, resumably',
  options: [
    { name: 'workers', value: 'N', meaning: 'runs trained at once on threads, 1 to 64', fallback: 'one per core' },
    { name: 'quick', meaning: 'the file\'s "quick" profile (its config keys over every run, fewer seeds); its default folder ends in -quick' },
    { name: 'out', value: 'DIR', meaning: 'the grid folder; finished runs in it are skipped, interrupted ones continued, ones another process holds passed over', fallback: 'the file\'s "out", else runs/experiments/NAME' },
    { name: 'list', meaning: 'print the grid\'s runs (index, run folder, config hash) and exit, writing nothing' },
    { name: 'shard', value: 'I/N', meaning: 'only the runs whose index is I modulo N (I from 0 to N-1), for N processes sharing --out', fallback: 'every run' },
    { name: 'run', value: 'K', meaning: 'only the run of index K (as --list numbers them)', fallback: 'every run' },
  ],
  details: GRID_FILE_HELP,
  examples: ['metarl experiment experiments/tiny.json --workers 2', 'metarl experiment experiments/tiny.json --quick --out runs/tiny-quick', 'metarl experiment experiments/paper.json --shard 3/8 --workers 2'],
};

/** A run its folder already holds in full, read without opening the folder (another process may be writing it). */
function isFinished(job: TrainJob, fs: FileSystem): boolean {
  if (!RunDir.holdsRun(job.dir, fs)) return false;
  return savedTrainer(job.dir, fs).iteration >= job.config.iterations && pathKind(join(job.dir, 'eval.json'), fs) !== 'missing';
}

/**
 * A finished run's folder as an uninterrupted run leaves it: a process killed after its last write
 * may have left its lock and temp files there. Taken over and released like any stale lock; one a
 * live process holds is left to that process.
 */
function tidyFinished(job: TrainJob, fs: FileSystem): void {
  let lock: RunLock;
  try {
    lock = RunLock.acquire(job.dir);
  } catch (e) {
    if (e instanceof RunLockedError) return;
    throw e;
  }
  try {
    removeStaleTemps(job.dir, fs);
  } finally {
    lock.release();
  }
}

/** Replaces `path` only when its content changes, so a grid that did nothing leaves its folder as it was. */
function writeIfChanged(path: string, text: string, fs: FileSystem): void {
  if (pathKind(path, fs) === 'missing' || readText(path, fs) !== text) writeFileAtomic(path, text, fs);
}

function gridJson(grid: Grid): string {
  const runs = grid.runs.map(({ env, variant, algo, seed, dir, config }) => ({ env, variant, algo, seed, dir, config }));
  return `${JSON.stringify({ name: grid.name, ...(grid.note === null ? {} : { note: grid.note }), runs }, null, 2)}\n`;
}

/** A grid.json of another grid in the out folder is refused: this grid would overwrite it. */
function checkSameGrid(out: string, grid: Grid, fs: FileSystem): void {
  const file = join(out, 'grid.json');
  if (pathKind(file, fs) === 'missing') return;
  const name = (readJson(file, fs, FILE_KINDS.grid) as { name?: unknown } | null)?.name;
  if (name !== grid.name) throw new UsageError(`--out: ${file} is the grid ${JSON.stringify(name)}, expected "${grid.name}" (use another --out)`);
}

/** The first 12 hex digits of the SHA-256 of the run's canonical config: equal hashes, equal configs. */
function configHash(config: object): string {
  return createHash('sha256').update(canonicalJson(config)).digest('hex').slice(0, 12);
}

/** The indices --shard I/N or --run K select, in grid order; every index without either. */
function selectedIndices(args: ReturnType<typeof parseCommandArgs>, count: number): number[] {
  const all = Array.from({ length: count }, (_, i) => i);
  const shard = args.flags.get('shard')?.at(-1);
  const run = args.flags.get('run')?.at(-1);
  if (shard !== undefined && run !== undefined) throw new UsageError('--shard and --run each select runs; pass one of them');
  if (run !== undefined) {
    const k = Number(run);
    if (run.trim() === '' || !Number.isInteger(k) || k < 0 || k >= count) throw new UsageError(`--run is '${run}', expected an integer from 0 to ${count - 1}`);
    return [k];
  }
  if (shard === undefined) return all;
  const m = /^(\d+)\/(\d+)$/.exec(shard);
  const [i, n] = m === null ? [NaN, NaN] : [Number(m[1]), Number(m[2])];
  if (!(n >= 1 && i < n)) throw new UsageError(`--shard is '${shard}', expected I/N with N at least 1 and I from 0 to N-1`);
  return all.filter((k) => k % n === i);
}

/**
 * Trains every run of a grid file (or the --shard or --run selected) into OUT/ENV/VARIANT/ALGO-seedS,
 * on worker threads when the CLI runs from its bundle. Each run is trained under its folder's lock,
 * so processes sharing OUT never train one run twice: finished runs are skipped, interrupted ones
 * continue bit-identically, ones another live process holds are passed over and named. A saved run
 * of another config is refused before any work. Writes OUT/grid.json (the runs and their configs)
 * and, when it trains anything, records its start in OUT/provenance.json, both read by `metarl report`.
 */
export async function experimentCommand(argv: readonly string[], print: (line: string) => void, context: CommandContext): Promise<number> {
  const args = parseCommandArgs(argv, experimentHelp);
  if (args.positional.length !== 1) throw usageError(args.positional.length === 0 ? 'missing the grid file' : `unexpected argument '${args.positional[1]}'`, experimentHelp);
  const { fs, script } = context;
  const grid = readGrid(args.positional[0], args.flags.has('quick'), fs, args.flags.has('out'));
  const out = outFlag(args, grid.out);
  const workers = workersFlag(args);
  const indices = selectedIndices(args, grid.runs.length);
  if (args.flags.has('list')) {
    for (const i of indices) print(`${i}\t${grid.runs[i].dir}\t${configHash(grid.runs[i].config)}`);
    return 0;
  }
  ensureWritableDirectory(out, fs);
  const gridJobs = jobsOfRuns(grid.runs, out, { resume: true, skipLocked: true });
  const jobs = indices.map((i) => gridJobs[i]);
  checkSameGrid(out, grid, fs);
  checkResumable(jobs, fs);
  const pending = jobs.filter((job) => !isFinished(job, fs));
  for (const job of jobs) if (!pending.includes(job)) tidyFinished(job, fs);
  const skipped = jobs.length - pending.length;
  // Another process's grid-folder writes may be under way: its temp files go only under the lock.
  withFolderLockWaiting(out, GRID_LOCK, () => {
    removeStaleTemps(out, fs);
    writeIfChanged(containedPath(out, 'grid.json'), gridJson(grid), fs);
    if (pending.length > 0) {
      const file = containedPath(out, 'provenance.json');
      const before = pathKind(file, fs) === 'missing' ? null : readProvenance(out, fs);
      writeFileAtomic(file, provenanceJson(gridStart(['metarl', 'experiment', ...argv].join(' '), new Date()), before), fs);
    }
  });
  const part = indices.length === grid.runs.length ? '' : ` (${indices.length} of ${grid.runs.length} selected)`;
  print(`grid ${grid.name}: ${jobs.length} runs${part}, ${skipped} finished before, ${pending.length} to train, in ${out}`);
  const held: string[] = [];
  if (pending.length > 0) {
    const progress = new GridProgress(grid.name, jobs.length, skipped);
    const done = (index: number, result: RunResult | null): void => {
      if (result === null) held.push(pending[index].dir);
      else progress.runDone();
    };
    try {
      await trainJobs(pending, { workers, script, fs, onDone: done, quiet: true });
    } finally {
      progress.end();
    }
  }
  if (held.length > 0) {
    held.sort();
    const holders = held.map((dir) => {
      const h = lockHolder(dir);
      return h === null ? dir : `${dir} (pid ${h.pid} on ${h.host})`;
    });
    print(`grid ${grid.name}: ${jobs.length - held.length}/${jobs.length} runs done; passed over ${held.length} another process holds: ${holders.join(', ')}`);
    return 0;
  }
  if (jobs.length === gridJobs.length) {
    print(`grid ${grid.name}: ${jobs.length}/${jobs.length} runs done; metarl report ${out} writes the results page`);
    return 0;
  }
  // A shard's end is not the grid's: other shards may still be training (or not yet started).
  const finished = gridJobs.filter((job) => isFinished(job, fs)).length;
  const next = finished === gridJobs.length ? `metarl report ${out} writes the results page` : `the other shards train the rest (metarl report ${out} lists them as unfinished until then)`;
  print(`grid ${grid.name}: ${jobs.length}/${jobs.length} selected runs done; ${finished}/${gridJobs.length} runs of the grid finished; ${next}`);
  return 0;
}
