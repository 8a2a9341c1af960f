import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/meta/checksum.js';
import { PCG64 } from '../../src/rng/index.js';
import { type GridStart, provenanceJson } from '../../src/cli/provenance.js';
import { cliProcesses } from '../helpers/cli-processes.js';
import { logWithoutTimes, readJsonFile, runCli } from '../helpers/cli-run.js';

// Several `metarl experiment` processes on one grid folder, and ones killed at random moments:
// every run ends with the bits of a grid trained once by one process.
const { root, spawnCli } = cliProcesses('metarl-grid-processes-');
const tiny = JSON.parse(readFileSync('experiments/tiny.json', 'utf8'));
// Four runs of 12 short iterations: long enough for kills to land mid-run.
const GRID = join(root, 'grid.json');
const runs = ['cartpole/default/directed-maml-seed0', 'cartpole/default/directed-maml-seed1', 'cartpole/default/maml-seed0', 'cartpole/default/maml-seed1'];
const reference = join(root, 'reference');

beforeAll(async () => {
  writeFileSync(GRID, JSON.stringify({ ...tiny, name: 'procs', base: { ...tiny.base, iterations: 12 }, seeds: 2 }));
  expect((await runCli(['experiment', GRID, '--out', reference])).code).toBe(0);
});

function run(argv: string[], killAfterMs: number | null = null): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawnCli(argv);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      resolve({ code, signal, stdout, stderr });
    });
  });
}

function expectSameRuns(dir: string): void {
  for (const r of runs) {
    expect(logWithoutTimes(join(dir, r)), r).toEqual(logWithoutTimes(join(reference, r)));
    expect(readJsonFile(join(dir, r), 'eval.json'), r).toEqual(readJsonFile(join(reference, r), 'eval.json'));
    expect(readdirSync(join(dir, r)).sort()).toEqual(['checkpoint.json', 'eval.json', 'log.jsonl']); // no lock or temp left
  }
}

describe('experiment across processes', () => {
  it('--list prints each run\'s index, folder and config hash, writing nothing', async () => {
    const out = join(root, 'listed');
    const r = await runCli(['experiment', GRID, '--list', '--out', out]);
    const configs = (readJsonFile(reference, 'grid.json') as { runs: { dir: string; config: object }[] }).runs;
    const hash = (c: object): string => createHash('sha256').update(canonicalJson(c)).digest('hex').slice(0, 12);
    expect([r.code, r.out]).toEqual([0, configs.map((c, i) => `${i}\t${c.dir}\t${hash(c.config)}`)]);
    expect(new Set(configs.map((c) => hash(c.config))).size).toBe(4);
    expect(existsSync(out)).toBe(false);
    const shard = await runCli(['experiment', GRID, '--list', '--shard', '1/2']);
    expect(shard.out).toEqual([1, 3].map((i) => `${i}\t${configs[i].dir}\t${hash(configs[i].config)}`));
    expect((await runCli(['experiment', GRID, '--shard', '2/2'])).err).toEqual(["metarl: --shard is '2/2', expected I/N with N at least 1 and I from 0 to N-1"]);
    expect((await runCli(['experiment', GRID, '--run', '4'])).err).toEqual(["metarl: --run is '4', expected an integer from 0 to 3"]);
  });

  it('killed with SIGKILL at seeded moments on 2 workers and resumed, every run equals an uninterrupted grid\'s', async () => {
    const dir = join(root, 'killed');
    const rng = new PCG64(11);
    const lives = [];
    for (let i = 0; i < 5; i++) lives.push(await run(['experiment', GRID, '--workers', '2', '--out', dir], 150 + rng.random() * 400));
    expect(lives.filter((l) => l.signal === 'SIGKILL').length).toBeGreaterThanOrEqual(3);
    const last = await run(['experiment', GRID, '--workers', '2', '--out', dir]);
    expect([last.code, last.stderr.includes('metarl:')]).toEqual([0, false]);
    expectSameRuns(dir);
  });

  it('a finished run left with a killed process\'s lock and temp file is tidied when the grid runs again', async () => {
    const dir = join(root, 'tidied');
    cpSync(reference, dir, { recursive: true });
    const run0 = join(dir, runs[0]);
    const dead = 4194305; // above Linux's pid_max ceiling: no process has it
    writeFileSync(join(run0, 'run.lock'), `${JSON.stringify({ host: hostname(), pid: dead, thread: 0, started: '2026-01-01T00:00:00.000Z' })}\n`);
    writeFileSync(join(run0, `.eval.json.${dead}.0.1.tmp`), 'cut');
    const again = await runCli(['experiment', GRID, '--out', dir]);
    expect(again.code).toBe(0);
    expectSameRuns(dir);
  });

  it('processes started at once on one folder (whole grid and shards) end with the runs and grid.json of one process', async () => {
    const dir = join(root, 'shared');
    const all = await Promise.all([
      run(['experiment', GRID, '--workers', '1', '--out', dir]),
      run(['experiment', GRID, '--workers', '1', '--out', dir]),
      run(['experiment', GRID, '--workers', '1', '--shard', '0/2', '--out', dir]),
      run(['experiment', GRID, '--workers', '1', '--shard', '1/2', '--out', dir]),
    ]);
    expect(all.map((p) => [p.code, p.stderr.includes('metarl:')])).toEqual(Array(4).fill([0, false]));
    expectSameRuns(dir);
    expect(readFileSync(join(dir, 'grid.json'), 'utf8')).toBe(readFileSync(join(reference, 'grid.json'), 'utf8'));
    // Every process that found work recorded its start.
    const { earlier } = readJsonFile(dir, 'provenance.json') as { earlier?: unknown[] };
    expect(1 + (earlier?.length ?? 0)).toBe(all.filter((p) => !p.stdout.includes(', 0 to train,')).length);
  });

  it('passes over a run a live process holds, and names it', async () => {
    const dir = join(root, 'held');
    mkdirSync(join(dir, runs[0]), { recursive: true });
    writeFileSync(join(dir, runs[0], 'run.lock'), JSON.stringify({ host: hostname(), pid: process.pid, thread: 0, started: '2026-01-01T00:00:00.000Z' }));
    const r = await runCli(['experiment', GRID, '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.out.at(-1)).toBe(`grid procs: 3/4 runs done; passed over 1 another process holds: ${join(dir, runs[0])} (pid ${process.pid} on ${hostname()})`);
    expect(readdirSync(join(dir, runs[0]))).toEqual(['run.lock']);
  });

  it('refuses an out folder that holds another grid\'s grid.json', async () => {
    const dir = join(root, 'other-grid');
    mkdirSync(dir);
    writeFileSync(join(dir, 'grid.json'), JSON.stringify({ name: 'paper', runs: [] }));
    const r = await runCli(['experiment', GRID, '--out', dir]);
    expect([r.code, r.err]).toEqual([2, [`metarl: --out: ${join(dir, 'grid.json')} is the grid "paper", expected "procs" (use another --out)`]]);
    expect(readdirSync(dir)).toEqual(['grid.json']);
  });

  it('provenance.json lists the starts by date whichever process records its start first', () => {
    const start = (date: string, command: string): GridStart => ({ commit: 'c', date, machine: 'm', cores: 2, node: 'v20', command });
    const [a, b, c] = [start('2026-01-01T00:00:00.000Z', 'x'), start('2026-01-02T00:00:00.000Z', 'y'), start('2026-01-02T00:00:00.000Z', 'z')];
    const read = (text: string) => ({ earlier: [], ...JSON.parse(text) });
    const abc = provenanceJson(c, read(provenanceJson(b, read(provenanceJson(a, null)))));
    const cba = provenanceJson(a, read(provenanceJson(b, read(provenanceJson(c, null)))));
    expect(cba).toBe(abc);
    expect(JSON.parse(abc)).toEqual({ ...c, earlier: [a, b] });
  });
});
