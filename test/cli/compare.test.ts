import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { X_AXES } from '../../src/meta/x-axes.js';
import { buildCli } from '../helpers/cli-bundle.js';
import { TINY, checkpointWithoutTimes, logWithoutTimes, readJsonFile, runCli } from '../helpers/cli-run.js';
import { failingDisk } from '../helpers/failing-fs.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-compare-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Four runs (two algorithms, two seeds); one of them Meta-SGD, whose checkpoint holds alpha_vec too.
const args = ['compare', '--algos', 'fomaml,metasgd', '--seeds', '2', ...TINY];
const runs = ['fomaml-seed0', 'fomaml-seed1', 'metasgd-seed0', 'metasgd-seed1'];
const sequential = join(root, 'sequential');
let sequentialTable: string[] = [];
let cliUrl: URL;

/** The printed table without the seconds column (wall-clock) and the curves line (paths). */
function table(out: string[]): string[] {
  return out.filter((l) => !l.startsWith('curves:')).map((l) => l.replace(/ +\d+\.\d( +\d+ +\d+)$/, ' s$1'));
}

function expectSameRuns(dir: string): void {
  expect(readdirSync(dir).sort()).toEqual([...runs, 'learning-curves-env-steps.svg', 'learning-curves-seconds.svg', 'learning-curves.svg'].sort());
  for (const run of runs) {
    const [a, b] = [join(dir, run), join(sequential, run)];
    expect(logWithoutTimes(a)).toEqual(logWithoutTimes(b));
    expect(checkpointWithoutTimes(a)).toEqual(checkpointWithoutTimes(b));
    expect(readJsonFile(a, 'eval.json')).toEqual(readJsonFile(b, 'eval.json'));
    expect(readdirSync(a).sort()).toEqual(['checkpoint.json', 'eval.json', 'log.jsonl']);
  }
}

beforeAll(async () => {
  cliUrl = (await buildCli(root)).url;
  const r = await runCli([...args, '--workers', '1', '--out', sequential]);
  expect(r.code).toBe(0);
  sequentialTable = table(r.out);
  expect(sequentialTable.filter((l) => /^(fomaml|metasgd) /.test(l))).toHaveLength(2);
});

describe('compare', () => {
  it('gives the same runs on two worker threads as sequentially', async () => {
    const parallel = join(root, 'parallel');
    const r = await runCli([...args, '--workers', '2', '--out', parallel], { script: cliUrl });
    expect(r.code).toBe(0);
    expect(table(r.out)).toEqual(sequentialTable);
    expectSameRuns(parallel);
    const config = (readJsonFile(join(parallel, 'metasgd-seed1'), 'checkpoint.json') as { config: { seed: number; algo: string } }).config;
    expect([config.algo, config.seed]).toEqual(['metasgd', 1]);
  });

  it('draws its curves against the x-axes every learning curve shares, titled as the report and the demo title them', () => {
    // The x-axis title is the text just before the rotated y-axis title.
    const xTitle = (file: string): string | undefined => /text-anchor="middle">([^<]*)<\/text>\n<text transform="translate/.exec(readFileSync(join(sequential, file), 'utf8'))?.[1];
    expect(['learning-curves.svg', 'learning-curves-seconds.svg', 'learning-curves-env-steps.svg'].map(xTitle)).toEqual(X_AXES.map((a) => a.label));
    expect(X_AXES.map((a) => a.label)).toEqual(['meta-iterations', 'training seconds', 'env steps']);
  });

  it('refuses an out folder that holds anything unless --resume, before any work', async () => {
    const before = readFileSync(join(sequential, 'fomaml-seed0', 'checkpoint.json'), 'utf8');
    const r = await runCli([...args, '--out', sequential]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`metarl: --out: ${sequential} already holds fomaml-seed0, fomaml-seed1, learning-curves-env-steps.svg, ... (pass --resume to continue its runs, or another --out)`]);
    expect(r.out).toEqual([]);
    expect(readFileSync(join(sequential, 'fomaml-seed0', 'checkpoint.json'), 'utf8')).toBe(before);
    expect((await runCli([...args, '--out', ''])).err).toEqual(["metarl: --out is '', expected a folder path"]);
    expect((await runCli([...args, '--out', '/proc/anything'])).err).toEqual(['metarl: cannot create directory /proc/anything: ENOENT']);
  });

  it('--resume reads finished runs back without writing them, continues an interrupted one, starts a missing one', async () => {
    const dir = join(root, 'interrupted');
    // Each run writes 7 files (3 x log and checkpoint, eval.json): write 10 is the second run's
    // second log line, so run 1 finished, run 2 holds one iteration, runs 3 and 4 never started.
    const disk = failingDisk(10);
    const failed = await runCli([...args, '--workers', '1', '--out', dir], { fs: disk.fs });
    expect(failed.code).toBe(2);
    expect(failed.err).toEqual([`metarl: cannot write ${join(dir, 'fomaml-seed1', 'log.jsonl')}: ENOSPC`]);
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    const stale = join(dir, 'fomaml-seed1', `.checkpoint.json.${dead}.0.9.tmp`);
    writeFileSync(stale, '{"cut');
    const finished = statSync(join(dir, 'fomaml-seed0', 'checkpoint.json')).mtimeMs;
    const resumed = failingDisk(Infinity);
    const r = await runCli([...args, '--workers', '1', '--resume', '--out', dir], { fs: resumed.fs });
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const written = resumed.targets.map((t) => t.slice(dir.length + 1));
    expect(written.filter((t) => t.startsWith('fomaml-seed0'))).toEqual([]); // finished: only read
    expect(written.filter((t) => t.startsWith('fomaml-seed1'))).toEqual(['log.jsonl', 'checkpoint.json', 'log.jsonl', 'checkpoint.json', 'eval.json'].map((f) => `fomaml-seed1/${f}`));
    expect(written.filter((t) => t.startsWith('metasgd-seed0'))).toHaveLength(7);
    expect(statSync(join(dir, 'fomaml-seed0', 'checkpoint.json')).mtimeMs).toBe(finished);
    expect(table(r.out)).toEqual(sequentialTable);
    expectSameRuns(dir);
    // Once all are finished, --resume only reads them back and redraws the curves.
    const again = failingDisk(Infinity);
    const r2 = await runCli([...args, '--resume', '--out', dir], { fs: again.fs });
    expect(r2.code).toBe(0);
    expect(again.targets.map((t) => t.slice(dir.length + 1))).toEqual(['learning-curves.svg', 'learning-curves-seconds.svg', 'learning-curves-env-steps.svg']);
    expect(r2.out).toEqual(r.out);
  });

  it('--resume refuses runs trained with another config, naming the first differing key, in a worker thread too', async () => {
    for (const workers of ['1', '2']) {
      const r = await runCli([...args, '--set', 'iterations=4', '--resume', '--workers', workers, '--out', sequential], { script: cliUrl });
      expect(r.code).toBe(2);
      expect(r.err).toEqual([`metarl: ${join(sequential, 'fomaml-seed0')} holds a run of another config (iterations is 3 in the saved run, 4 here); resume with the same options, or use another --out`]);
    }
    const s = await runCli([...args, '--set', 'directed.mode=lookahead', '--resume', '--out', sequential]);
    expect(s.err[0]).toMatch(/\(directed\.mode is "permanent" in the saved run, "lookahead" here\)/);
  });

  it('refuses an algorithm named twice, and a --resume naming fewer runs than the folder holds (its curves would drop them)', async () => {
    const twice = await runCli(['compare', '--algos', 'maml,maml', ...TINY, '--out', join(root, 'twice')]);
    expect([twice.code, twice.err]).toEqual([2, ["metarl: --algos names 'maml' twice, expected each algorithm once"]]);
    const before = readFileSync(join(sequential, 'learning-curves.svg'), 'utf8');
    const fewer = await runCli(['compare', '--algos', 'fomaml', '--seeds', '2', ...TINY, '--resume', '--out', sequential]);
    expect([fewer.code, fewer.err]).toEqual([2, [`metarl: --resume: ${sequential} holds the run metasgd-seed0, which --algos and --seeds do not name (pass the options it was trained with, or another --out)`]]);
    expect(readFileSync(join(sequential, 'learning-curves.svg'), 'utf8')).toBe(before);
  });

  it('refuses a run folder that is a symbolic link out of --out, before any work, and writes nothing through it', async () => {
    const out = join(root, 'linked');
    const outside = join(root, 'outside');
    mkdirSync(out);
    mkdirSync(outside);
    symlinkSync(outside, join(out, 'fomaml-seed0'));
    const r = await runCli(['compare', '--algos', 'fomaml', '--seeds', '1', ...TINY, '--resume', '--out', out]);
    expect([r.code, r.err]).toEqual([2, [`metarl: ${join(out, 'fomaml-seed0')} is a symbolic link out of ${out}, expected a file or folder inside it (writes never follow a link out of their folder)`]]);
    expect(readdirSync(outside)).toEqual([]);
  });
});
