import { basename, join } from 'node:path';
import { ensureWritableDirectory } from '../io/directories.js';
import type { FileSystem } from '../io/file-system.js';
import { pathKind, writeFileAtomic } from '../io/files.js';
import { removeStaleTemps } from '../io/temp-files.js';
import { ALGORITHMS, type AlgorithmName, type MetaConfig } from '../meta/config.js';
import { X_AXES, type XAxis } from '../meta/x-axes.js';
import { type Series, lineChart } from '../plot/svg.js';
import { UsageError, outFlag, workersFlag } from './args.js';
import { CONFIG_KEYS_HELP, CONFIG_OPTIONS, configFromArgs } from './config-args.js';
import { type CommandHelp, parseCommandArgs, usageError } from './help.js';
import type { CommandContext } from './command.js';
import type { GridRun } from './grid.js';
import { jobsOfRuns } from './grid-jobs.js';
import { type RunResult, type TrainJob, checkResumable, trainJobs } from './train-run.js';

const DEFAULTS = { algos: 'maml,directed-maml', seeds: '1', out: 'runs/compare' };

export const compareHelp: CommandHelp = {
  name: 'compare',
  operands: '',
  summary: 'trains several algorithms alike over seeds: a table of held-out returns and SVG learning curves',
  options: [
    { name: 'algos', value: 'A,B,...', meaning: `the algorithms: ${ALGORITHMS.join(', ')}`, fallback: DEFAULTS.algos },
    { name: 'seeds', value: 'N', meaning: 'runs per algorithm, seeds seed..seed+N-1, 1 to 100', fallback: DEFAULTS.seeds },
    { name: 'workers', value: 'N', meaning: 'runs trained at once on threads, 1 to 64', fallback: 'one per core' },
    ...CONFIG_OPTIONS.filter((o) => o.name !== 'algo'),
    { name: 'out', value: 'DIR', meaning: 'the folder of the runs and the curves; one that holds anything is refused unless --resume', fallback: DEFAULTS.out },
    { name: 'resume', meaning: 'read back finished runs in --out, continue unfinished ones, train missing ones' },
  ],
  details: CONFIG_KEYS_HELP,
  examples: ['metarl compare --algos fomaml,directed-fomaml --seeds 3 --set iterations=50 --out runs/first-order'],
};

function parseAlgos(raw: string): AlgorithmName[] {
  const algos = raw.split(',').map((a) => a.trim());
  algos.forEach((a, i) => {
    if (!(ALGORITHMS as readonly string[]).includes(a)) throw new UsageError(`--algos: unknown algorithm '${a}' (allowed: ${ALGORITHMS.join(', ')})`);
    // Twice would train one run folder on two threads at once.
    if (algos.indexOf(a) !== i) throw new UsageError(`--algos names '${a}' twice, expected each algorithm once`);
  });
  return algos as AlgorithmName[];
}

function parseSeeds(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new UsageError(`--seeds is '${raw}', expected an integer from 1 to 100`);
  return n;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Mean over seeds of the return after adaptation against `axis`, with its min-max band. */
function curve(runs: readonly RunResult[], axis: XAxis, label: string): Series {
  const length = Math.min(...runs.map((r) => r.log.length));
  const points: [number, number][] = [];
  const band: [number, number, number][] = [];
  for (let i = 0; i < length; i++) {
    const ys = runs.map((r) => r.log[i].returnAfter);
    const xv = mean(runs.map((r) => axis.of(r.log[i])));
    points.push([xv, mean(ys)]);
    band.push([xv, Math.min(...ys), Math.max(...ys)]);
  }
  return { label, points, band: runs.length > 1 ? band : undefined };
}

/** The curves against iterations keep the name they had before the other axes. */
function curvesFile(axis: XAxis): string {
  return axis.key === 'iteration' ? 'learning-curves.svg' : `learning-curves-${axis.slug}.svg`;
}

/**
 * Compare's runs: a grid with one axis, the algorithm, each over the same seeds, every run in
 * OUT/ALGO-seedS.
 */
function compareRuns(base: MetaConfig, algos: readonly AlgorithmName[], seeds: number): GridRun[] {
  return algos.flatMap((algo) =>
    Array.from({ length: seeds }, (_, s) => {
      const seed = base.seed + s;
      return { env: base.env, variant: 'default', algo, seed, dir: `${algo}-seed${seed}`, config: { ...base, algo, seed } };
    }),
  );
}

/**
 * The out folder, checked writable before any work. Earlier results in it are never overwritten:
 * without --resume a folder that holds anything is refused.
 */
function prepareOut(out: string, resume: boolean, fs: FileSystem): void {
  ensureWritableDirectory(out, fs);
  removeStaleTemps(out, fs);
  const held = fs.readdirSync(out).sort();
  if (!resume && held.length > 0) throw new UsageError(`--out: ${out} already holds ${held.slice(0, 3).join(', ')}${held.length > 3 ? ', ...' : ''} (pass --resume to continue its runs, or another --out)`);
}

/**
 * The curves are drawn from this command's runs only, so a --resume that names fewer runs than
 * the folder holds would redraw them without the others: refused.
 */
function checkSameRuns(out: string, jobs: readonly TrainJob[], fs: FileSystem): void {
  const named = new Set(jobs.map((j) => basename(j.dir)));
  const other = fs.readdirSync(out).sort().find((name) => !named.has(name) && pathKind(join(out, name), fs) === 'directory');
  if (other !== undefined) throw new UsageError(`--resume: ${out} holds the run ${other}, which --algos and --seeds do not name (pass the options it was trained with, or another --out)`);
}

/**
 * Trains each algorithm with the same config and seeds (in parallel worker threads when the CLI
 * runs from its bundle), prints a comparison and writes SVG learning curves. With --resume, runs
 * already finished in the out folder are read back, unfinished ones continued, missing ones trained.
 */
export async function compareCommand(argv: readonly string[], print: (line: string) => void, context: CommandContext): Promise<number> {
  const args = parseCommandArgs(argv, compareHelp);
  if (args.positional.length > 0) throw usageError(`unexpected argument '${args.positional[0]}'`, compareHelp);
  const algos = parseAlgos(args.flags.get('algos')?.at(-1) ?? DEFAULTS.algos);
  const seeds = parseSeeds(args.flags.get('seeds')?.at(-1) ?? DEFAULTS.seeds);
  const workers = workersFlag(args);
  const base = configFromArgs(args);
  const out = outFlag(args, DEFAULTS.out);
  const resume = args.flags.has('resume');
  prepareOut(out, resume, context.fs);
  const jobs = jobsOfRuns(compareRuns(base, algos, seeds), out, { resume, skipLocked: false });
  const { script, fs } = context;
  if (resume) checkSameRuns(out, jobs, fs);
  checkResumable(jobs, fs);
  const trained = await trainJobs(jobs, { workers, script, fs });
  // No job skips a locked folder here: a locked one failed the command.
  const runs = trained.filter((r): r is RunResult => r !== null);
  const results = new Map<AlgorithmName, RunResult[]>();
  runs.forEach((r) => results.set(r.config.algo, [...(results.get(r.config.algo) ?? []), r]));
  const K = base.innerSteps;
  print('');
  print(`${base.env} task family, ${base.iterations} meta-iterations, ${seeds} seed${seeds > 1 ? 's' : ''} (mean [min, max]); returns on ${base.evalTasks} held-out tasks after ${K} inner step${K === 1 ? '' : 's'} and before adaptation; seconds and env steps of training`);
  print(`${'algorithm'.padEnd(18)} ${'after adaptation'.padStart(22)} ${'before'.padStart(8)} ${'iterations'.padStart(10)} ${'seconds'.padStart(8)} ${'env steps'.padStart(10)} ${'HVPs'.padStart(6)}`);
  for (const [algo, runs] of results) {
    const afters = runs.map((r) => r.evaluation.returns[K]);
    const after = `${mean(afters).toFixed(1)}${runs.length > 1 ? ` [${Math.min(...afters).toFixed(0)}, ${Math.max(...afters).toFixed(0)}]` : ''}`;
    const before = mean(runs.map((r) => r.evaluation.returns[0]));
    const last = runs.map((r) => r.log[r.log.length - 1].totals);
    print(`${algo.padEnd(18)} ${after.padStart(22)} ${before.toFixed(1).padStart(8)} ${String(base.iterations).padStart(10)} ${mean(last.map((t) => t.seconds)).toFixed(1).padStart(8)} ${mean(last.map((t) => t.envSteps)).toFixed(0).padStart(10)} ${mean(last.map((t) => t.hvps)).toFixed(0).padStart(6)}`);
  }
  const files: string[] = [];
  for (const axis of X_AXES) {
    const series = [...results].map(([algo, runs]) => curve(runs, axis, algo));
    const svg = lineChart(series, { title: `${base.env} task family: mean return after adaptation`, xLabel: axis.label, yLabel: 'return after adaptation' });
    const file = join(out, curvesFile(axis));
    writeFileAtomic(file, svg, context.fs);
    files.push(file);
  }
  print(`curves: ${files.join(', ')}`);
  return 0;
}
