// Checks that a grid folder written by many processes (GRID) holds what one process wrote (REF),
// wall-clock figures aside, and that `metarl report` gives both the same page:
//   node scripts/slurm/compare-grids.mjs REF GRID STARTS
// 1. grid.json: the same bytes.
// 2. every run folder: the same file names (no lock or temp file left behind); eval.json the same
//    bytes; log.jsonl and checkpoint.json the same once wall-clock fields are removed (the
//    checkpoint's checksums cover those fields, so they go too).
// 3. the report: both folders are copied with every wall-clock figure set to 0 and REF's
//    provenance.json, and `metarl report` must write the same bytes (results.md, figures,
//    report-inputs.json) for both. The page's provenance paragraph names the processes that ran
//    the grid, which differ by design; GRID's provenance.json must list STARTS starts instead.
// Prints one line per check; exits 1 on the first difference.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const metarl = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/metarl.mjs');
const [ref, grid, starts] = process.argv.slice(2);
if (starts === undefined || !/^\d+$/.test(starts)) {
  console.error('usage: node scripts/slurm/compare-grids.mjs REF GRID STARTS');
  process.exit(2);
}

function fail(message) {
  console.error(`compare-grids: ${message}`);
  process.exit(1);
}

const read = (path) => readFileSync(path, 'utf8');
// Wall-clock time, and the per-run CPU time and memory, which depend on the machine and its load.
const WALL_CLOCK = new Set(['seconds', 'cpuSeconds', 'isolateMemoryBytes']);
const CHECKSUMS = new Set(['checksum', 'logChecksum']);

/** A copy of `value` without the keys in `drop`, at any depth. */
function without(value, drop) {
  if (Array.isArray(value)) return value.map((v) => without(v, drop));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !drop.has(k)).map(([k, v]) => [k, without(v, drop)]));
}

/** A copy of `value` with every number under a wall-clock key set to 0. */
function zeroed(value, inWallClock = false) {
  if (typeof value === 'number') return inWallClock ? 0 : value;
  if (Array.isArray(value)) return value.map((v) => zeroed(v, inWallClock));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, zeroed(v, inWallClock || WALL_CLOCK.has(k))]));
}

const logLines = (file) => read(file).split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

if (read(join(ref, 'grid.json')) !== read(join(grid, 'grid.json'))) fail(`${grid}/grid.json differs from ${ref}/grid.json`);
const runs = JSON.parse(read(join(ref, 'grid.json'))).runs.map((r) => r.dir);
console.log(`compare-grids: grid.json the same bytes, ${runs.length} runs`);

for (const run of runs) {
  const [a, b] = [join(ref, run), join(grid, run)];
  const names = [readdirSync(a).sort().join(' '), readdirSync(b).sort().join(' ')];
  if (names[0] !== names[1]) fail(`${b} holds ${names[1]}, expected ${names[0]}`);
  if (read(join(a, 'eval.json')) !== read(join(b, 'eval.json'))) fail(`${b}/eval.json differs`);
  const [la, lb] = [logLines(join(a, 'log.jsonl')), logLines(join(b, 'log.jsonl'))];
  if (la.length !== lb.length) fail(`${b}/log.jsonl has ${lb.length} iterations, expected ${la.length}`);
  la.forEach((line, i) => {
    if (JSON.stringify(without(line, WALL_CLOCK)) !== JSON.stringify(without(lb[i], WALL_CLOCK))) fail(`${b}/log.jsonl line ${i + 1} differs beyond wall-clock fields`);
  });
  const drop = new Set([...WALL_CLOCK, ...CHECKSUMS]);
  const [ca, cb] = [join(a, 'checkpoint.json'), join(b, 'checkpoint.json')].map((f) => JSON.stringify(without(JSON.parse(read(f)), drop)));
  if (ca !== cb) fail(`${b}/checkpoint.json differs beyond wall-clock fields and checksums`);
}
console.log(`compare-grids: every run's files, eval.json, log.jsonl and checkpoint.json the same (wall-clock fields aside)`);

const provenance = JSON.parse(read(join(grid, 'provenance.json')));
const recorded = [...(provenance.earlier ?? []), provenance];
if (recorded.length !== Number(starts)) fail(`${grid}/provenance.json records ${recorded.length} starts, expected ${starts}`);
console.log(`compare-grids: provenance.json records ${recorded.length} starts: ${recorded.map((s) => s.command.replace(/.* --shard /, '--shard ')).join('; ')}`);

/** Every file under `dir`, relative, sorted. */
function files(dir, prefix = '') {
  return readdirSync(join(dir, prefix)).sort().flatMap((n) => (statSync(join(dir, prefix, n)).isDirectory() ? files(dir, join(prefix, n)) : [join(prefix, n)]));
}

const work = mkdtempSync(join(tmpdir(), 'compare-grids-'));
try {
  const pages = [ref, grid].map((source, i) => {
    const copy = join(work, String(i), 'grid');
    mkdirSync(copy, { recursive: true });
    cpSync(join(source, 'grid.json'), join(copy, 'grid.json'));
    cpSync(join(ref, 'provenance.json'), join(copy, 'provenance.json'));
    for (const run of runs) {
      mkdirSync(join(copy, run), { recursive: true });
      cpSync(join(source, run, 'eval.json'), join(copy, run, 'eval.json'));
      writeFileSync(join(copy, run, 'log.jsonl'), logLines(join(source, run, 'log.jsonl')).map((l) => `${JSON.stringify(zeroed(l))}\n`).join(''));
    }
    execFileSync(process.execPath, [metarl, 'report', 'grid'], { cwd: join(work, String(i)), stdio: ['ignore', 'ignore', 'inherit'] });
    return join(copy, 'report');
  });
  const [fa, fb] = pages.map((p) => files(p));
  if (fa.join(' ') !== fb.join(' ')) fail(`the report of ${grid} writes ${fb.join(' ')}, expected ${fa.join(' ')}`);
  for (const f of fa) if (read(join(pages[0], f)) !== read(join(pages[1], f))) fail(`the report of ${grid}: ${f} differs from the report of ${ref} (wall-clock figures and provenance equalized)`);
  console.log(`compare-grids: the report's ${fa.length} files the same bytes (${fa.join(', ')})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
