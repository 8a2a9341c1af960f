import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { sharedPath } from './helpers/shared.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const tiny = ['--set', 'iterations=3', '--set', 'metaBatchSize=2', '--set', 'episodesPerTask=2', '--set', 'numEnvs=2', '--set', 'evalTasks=2', '--set', 'evalEpisodes=2', '--set', 'hidden=[8]'];

/** Runs the CLI, capturing stdout and stderr lines. */
async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  const error = vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s));
  const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await main(argv), out, err };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
  }
}

/** The log without wall-clock fields: what must be identical between equal runs. */
function logWithoutTimes(dir: string): unknown[] {
  return readFileSync(join(dir, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => {
    const l = JSON.parse(line);
    delete l.seconds;
    delete l.totals.seconds;
    return l;
  });
}

describe('metarl CLI', () => {
  it('audit passes every shared fixture (exit 0) and fails a tolerance no engine meets (exit 1)', async () => {
    const file = sharedPath('fixtures', 'tiny-tanh.json');
    const ok = await run('audit', file);
    expect(ok.code).toBe(0);
    expect(ok.out.at(-1)).toMatch(/all 11 quantities within 1e-10/);
    expect((await run('audit', file, '--tol', '1e-30')).code).toBe(1);
  });

  it('audit exits 2 with one line for a malformed or inconsistent file', async () => {
    const bad = join(root, 'bad.json');
    writeFileSync(bad, JSON.stringify({ dims: [3, 5, 2], activation: 'tanh', params: [], train: {}, expected: {} }));
    const r = await run('audit', bad);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`metarl: ${bad}: params: expected a list of 2 layers`]);
    writeFileSync(bad, '{"dims": [3, 5');
    expect((await run('audit', bad)).err[0]).toMatch(/is not valid JSON/);
  });

  it('names a wrong command, flag, config key or value, with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['trian'], /unknown command 'trian' \(allowed: audit, bench, compare, eval, train\)/],
      [['train', '--sed', '1'], /unknown option --sed \(allowed: .*--seed/],
      [['train', '--set', 'itrations=5', '--out', join(root, 'x')], /unknown key itrations \(expected one of env, algo, seed, iterations/],
      [['train', '--algo', 'mamla', '--out', join(root, 'x')], /algo is "mamla", expected one of "maml", "fomaml", "metasgd", "directed-maml"/],
      [['train', '--set', 'innerLr=-1', '--out', join(root, 'x')], /innerLr is -1, expected a positive finite number/],
      [['compare', '--algos', 'maml,reptile'], /--algos: unknown algorithm 'reptile'/],
      [['eval', join(root, 'nothing')], /holds no checkpoint.json/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(message);
    }
  });

  it('train writes log, checkpoint and evaluation; --resume continues exactly as one uninterrupted run', async () => {
    const whole = join(root, 'whole');
    const split = join(root, 'split');
    expect((await run('train', ...tiny, '--seed', '4', '--out', whole)).code).toBe(0);
    expect(readdirSync(whole).sort()).toEqual(['checkpoint.json', 'eval.json', 'log.jsonl']);
    expect((await run('train', ...tiny, '--seed', '4', '--iterations', '1', '--out', split)).code).toBe(0);
    expect((await run('train', '--resume', '--out', split)).code).toBe(0);
    expect(logWithoutTimes(split)).toEqual(logWithoutTimes(whole));
    const a = JSON.parse(readFileSync(join(whole, 'checkpoint.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(split, 'checkpoint.json'), 'utf8'));
    expect(b.params).toEqual(a.params);
    expect(JSON.parse(readFileSync(join(split, 'eval.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(join(whole, 'eval.json'), 'utf8')));
    expect((await run('train', ...tiny, '--out', whole)).err[0]).toMatch(/already holds a run/);
  });

  it('eval reports a corrupt checkpoint by its field, exit 2', async () => {
    const dir = join(root, 'corrupt');
    expect((await run('train', ...tiny, '--iterations', '1', '--out', dir)).code).toBe(0);
    const cp = JSON.parse(readFileSync(join(dir, 'checkpoint.json'), 'utf8'));
    cp.params = cp.params.slice(1);
    writeFileSync(join(dir, 'checkpoint.json'), JSON.stringify(cp));
    const r = await run('eval', dir);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/checkpoint\.json: .*params/);
  });
});
