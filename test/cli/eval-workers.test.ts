import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli } from '../helpers/cli-bundle.js';
import { TINY, readJsonFile, runCli } from '../helpers/cli-run.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-eval-workers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('eval --workers: the held-out tasks of a checkpoint on worker threads', () => {
  it('writes and prints what one thread does, bit for bit: on a TRPO run with outcomes (every job on a worker) and with the main thread taking jobs too', async () => {
    const { url } = await buildCli(root);
    // [algo, options, held-out tasks]: five on up to three threads are uneven shares.
    const cases: [string, string[], number][] = [
      // A TRPO run's held-out jobs (and swap jobs) all go to workers: outcome counts come back from them.
      ['metasgd', ['--env', 'intersection', '--set', 'outerOptimizer=trpo'], 5],
      // The main thread takes held-out jobs beside the workers (all of them until a worker is
      // ready, so enough tasks that workers get some).
      ['maml', [], 40],
    ];
    for (const [c, [algo, extra, tasks]] of cases.entries()) {
      const dir = join(root, `${c}-${algo}`);
      const trained = await runCli(['train', '--algo', algo, ...TINY, '--set', 'evalAdaptation=true', '--set', `evalTasks=${tasks}`, ...extra, '--workers', '1', '--out', dir]);
      expect(trained.code, trained.err.join('\n')).toBe(0);
      const saved = readJsonFile(dir, 'eval.json') as { outcomes?: Record<string, number> };
      // Intersection's outcome rates after K steps: one per episode's outcome, summing to 1.
      if (extra.includes('intersection')) expect(Object.values(saved.outcomes ?? {}).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      const runs = [];
      for (const workers of ['1', '2', '3']) {
        const r = await runCli(['eval', dir, '--workers', workers], { script: url });
        expect(r.code, r.err.join('\n')).toBe(0);
        runs.push({ out: r.out, evaluation: readJsonFile(dir, 'eval.json') });
      }
      const [serial, ...parallel] = runs;
      expect(serial.evaluation).toEqual(saved);
      expect(serial.out[0]).toBe(`${algo} at iteration 3, ${tasks} held-out tasks`);
      for (const run of parallel) expect(run).toEqual(serial);
    }
  });

  it('names a bad --workers value, exit 2, before reading the run folder', async () => {
    for (const value of ['0', '65', '2.5', 'x']) {
      const r = await runCli(['eval', join(root, 'nothing'), '--workers', value]);
      expect(r).toEqual({ code: 2, out: [], err: [`metarl: --workers is '${value}', expected an integer from 1 to 64`] });
    }
  });
});
