// Reads what `metarl experiment` leaves in its folder: grid.json, provenance.json, and each run's
// log.jsonl and eval.json. Every field the report uses is checked; a bad one is a one-line
// FileError naming the file, the field and what was expected (exit 2). A run without eval.json
// has not finished (eval.json is written last): it is set aside as unfinished, not an error.
// Every name that reaches a path (the experiment's, each run's env, variant and algo) must match
// the one name pattern, and each run's folder must be ENV/VARIANT/ALGO-seedS, listed once.
import { join } from 'node:path';
import { containedPath } from '../../io/contained-path.js';
import { FileError, type FileSystem } from '../../io/file-system.js';
import { pathKind, readJson, readText } from '../../io/files.js';
import { FINITE_NUMBER, FINITE_NUMBERS, NON_EMPTY_STRING, PLAIN_OBJECT, type Rule, checked, integerIn, keyPath } from '../../validation/schema.js';
import type { IterationLog } from '../../meta/trainer.js';
import { SAFE_NAME } from '../../validation/names.js';
import { parseIterationLog } from '../../meta/iteration-log.js';
import type { GridStart, Provenance, ReportInput, RunInput, UnfinishedRun } from '../../report/input.js';
import { MAX_NOTE } from '../grid.js';
import { adaptationAt } from './adaptation-input.js';
import { fileFail } from './file-fail.js';
import { mechanismAt } from './mechanism-input.js';

type Json = Record<string, unknown>;

const at = <T>(r: Rule<T>, obj: Json, key: string, where: string): T => checked(r)(obj[key], keyPath(where, key), fileFail);

const objectAt = (value: unknown, where: string): Json => checked(PLAIN_OBJECT)(value, where, fileFail);
const stringAt = (obj: Json, key: string, where: string): string => at(NON_EMPTY_STRING, obj, key, where);
const nameAt = (obj: Json, key: string, where: string): string => at(SAFE_NAME, obj, key, where);
const seedAt = (obj: Json, key: string, where: string): number => at(integerIn(0), obj, key, where);
const numberAt = (obj: Json, key: string, where: string): number => at(FINITE_NUMBER, obj, key, where);
const positiveIntegerAt = (obj: Json, key: string, where: string): number => at(integerIn(1), obj, key, where);
const returnsAt = (obj: Json, key: string, where: string): number[] => at(FINITE_NUMBERS, obj, key, where);

function readStart(p: Json, where: string): GridStart {
  return {
    commit: stringAt(p, 'commit', where),
    date: stringAt(p, 'date', where),
    ...(p.host === undefined ? {} : { host: stringAt(p, 'host', where) }),
    machine: stringAt(p, 'machine', where),
    cores: numberAt(p, 'cores', where),
    node: stringAt(p, 'node', where),
    command: stringAt(p, 'command', where),
  };
}

/** DIR/provenance.json, checked field by field; `metarl experiment` reads it too, to keep the earlier starts. */
export function readProvenance(dir: string, fs: FileSystem): Provenance {
  const file = join(dir, 'provenance.json');
  const p = objectAt(readJson(file, fs), file);
  if (p.earlier !== undefined && !Array.isArray(p.earlier)) fileFail(`${file}.earlier`, p.earlier, 'a list of earlier starts');
  const earlier = ((p.earlier ?? []) as unknown[]).map((e, i) => readStart(objectAt(e, `${file}.earlier[${i}]`), `${file}.earlier[${i}]`));
  return { ...readStart(p, file), earlier };
}

/** A log line, with its `mechanism` where it has one (the log reader leaves it out). */
function readIteration(line: string, where: string): IterationLog {
  let log: IterationLog;
  try {
    log = parseIterationLog(line, where);
  } catch (e) {
    throw new FileError((e as Error).message);
  }
  // Parsed a second time only where the key can be.
  const mechanism = line.includes('"mechanism"') ? (JSON.parse(line) as Json).mechanism : undefined;
  return mechanism === undefined ? log : { ...log, mechanism: mechanismAt(mechanism, `${where}.mechanism`) };
}

/** grid.json's note, as `metarl experiment` checks it: one line of text, or absent. */
function noteAt(grid: Json, file: string): string | null {
  const v = grid.note;
  if (v === undefined) return null;
  if (typeof v !== 'string' || v.trim() === '' || v.length > MAX_NOTE || /[\u0000-\u001f\u007f]/.test(v)) fileFail(`${file}: note`, v, `a line of text of at most ${MAX_NOTE} characters`);
  return v as string;
}

const logLines = (file: string, fs: FileSystem): string[] => readText(file, fs).split('\n').filter((l) => l.trim() !== '');

/** The folder `metarl experiment` names a run by: a grid.json is refused rather than read elsewhere. */
function runDirAt(r: Json, expected: string, where: string): string {
  if (r.dir !== expected) fileFail(`${where}.dir`, r.dir, `${JSON.stringify(expected)} (ENV/VARIANT/ALGO-seedS of its fields)`);
  return expected;
}

function readRun(root: string, entry: unknown, index: number, fs: FileSystem): RunInput | UnfinishedRun {
  const where = `${join(root, 'grid.json')}: runs[${index}]`;
  const r = objectAt(entry, where);
  const env = nameAt(r, 'env', where);
  const variant = nameAt(r, 'variant', where);
  const algo = nameAt(r, 'algo', where);
  const seed = seedAt(r, 'seed', where);
  const dir = runDirAt(r, `${env}/${variant}/${algo}-seed${seed}`, where);
  const config = objectAt(r.config, `${where}.config`);
  const logFile = containedPath(root, join(dir, 'log.jsonl'));
  const evalFile = containedPath(root, join(dir, 'eval.json'));
  if (pathKind(evalFile, fs) === 'missing') {
    const iterationsPlanned = positiveIntegerAt(config, 'iterations', `${where}.config`);
    return { env, variant, algo, seed, dir, iterationsLogged: pathKind(logFile, fs) !== 'missing' ? logLines(logFile, fs).length : 0, iterationsPlanned };
  }
  const lines = logLines(logFile, fs);
  if (lines.length === 0) throw new FileError(`${logFile} has no iterations, expected one JSON line per iteration`);
  const log = lines.map((line, i) => readIteration(line, `${logFile} line ${i + 1}`));
  const evaluation = objectAt(readJson(evalFile, fs), evalFile);
  const finalReturns = returnsAt(evaluation, 'returns', evalFile);
  const adaptation = evaluation.adaptation === undefined ? {} : { adaptation: adaptationAt(evaluation.adaptation, `${evalFile}.adaptation`) };
  return { env, variant, algo, seed, dir, config, log, finalReturns, ...adaptation };
}

// Code-unit order, not the locale's: the page must not depend on the machine's ICU data.
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byKey = (a: UnfinishedRun | RunInput, b: UnfinishedRun | RunInput): number =>
  compareText(a.env, b.env) || compareText(a.variant, b.variant) || compareText(a.algo, b.algo) || a.seed - b.seed;

/** What a folder without grid.json is instead, to say so rather than a bare ENOENT. */
function notAnExperiment(dir: string, fs: FileSystem): FileError {
  const kind = pathKind(dir, fs);
  const what = kind === 'missing' ? 'does not exist'
    : kind !== 'directory' ? 'is not a folder'
    : pathKind(join(dir, 'checkpoint.json'), fs) !== 'missing' ? 'is the folder of one run (it holds checkpoint.json: `metarl train` wrote it)'
    : fs.readdirSync(dir).some((n) => /-seed\d+$/.test(n)) ? 'holds run folders but no grid.json (`metarl compare` wrote it)'
    : 'holds no grid.json';
  return new FileError(`${dir} ${what}, expected an experiment folder: the out folder of \`metarl experiment\`, with grid.json and provenance.json`);
}

/** Each run once: a run listed twice would count twice in every mean. */
function checkDistinct(runs: readonly (RunInput | UnfinishedRun)[], file: string): void {
  const seen = new Map<string, number>();
  runs.forEach((r, i) => {
    const before = seen.get(r.dir);
    if (before !== undefined) throw new FileError(`${file}: runs[${i}] is ${r.dir}, expected a run not listed before (runs[${before}] is the same run)`);
    seen.set(r.dir, i);
  });
}

export function readReportInput(dir: string, fs: FileSystem): ReportInput {
  const file = join(dir, 'grid.json');
  if (pathKind(file, fs) === 'missing') throw notAnExperiment(dir, fs);
  const grid = objectAt(readJson(file, fs), file);
  const entries = grid.runs;
  if (!Array.isArray(entries) || entries.length === 0) fileFail(`${file}: runs`, entries, 'a non-empty array');
  const name = nameAt(grid, 'name', file);
  const note = noteAt(grid, file);
  const provenance = readProvenance(dir, fs);
  const read = entries.map((entry, i) => readRun(dir, entry, i, fs));
  checkDistinct(read, file);
  const runs = read.filter((r): r is RunInput => 'log' in r).sort(byKey);
  if (runs.length === 0) throw new FileError(`${dir}: none of the ${read.length} runs has finished (no eval.json), nothing to report`);
  return { dir, name, note, provenance, runs, unfinished: read.filter((r): r is UnfinishedRun => !('log' in r)).sort(byKey) };
}
