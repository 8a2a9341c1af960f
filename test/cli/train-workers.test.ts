import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli } from '../helpers/cli-bundle.js';
import { TINY, checkpointWithoutTimes, logWithoutTimes, readJsonFile, runCli } from '../helpers/cli-run.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-train-workers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('train --workers: the tasks of each meta-batch on worker threads', () => {
  it('gives the log (its held-out evaluations too), checkpoint and evaluation of a serial run, bit for bit, for every base algorithm, a directed one and TRPO', async () => {
    const { url } = await buildCli(root);
    const cases: [string, string[]][] = [
      ['maml', []],
      ['fomaml', []],
      ['metasgd', []],
      ['directed-maml', []],
      // TRPO's step needs every task's batches: they come back from the workers.
      ['maml', ['--set', 'outerOptimizer=trpo']],
      ['metasgd', ['--set', 'outerOptimizer=trpo']],
      // Outcome counts in the evaluations.
      ['metasgd', ['--env', 'intersection']],
    ];
    // A held-out evaluation at iteration 2 and eval.json's, on the pool (TRPO's: on the workers only), five tasks in uneven shares.
    const evaluations = ['--set', 'evalEvery=2', '--set', 'evalAdaptation=true', '--set', 'evalTasks=5'];
    for (const [c, [algo, extra]] of cases.entries()) {
      const dirs = ['1', '2', '3'].map((w) => join(root, `${c}-${algo}-w${w}`));
      for (const [i, dir] of dirs.entries()) {
        // Four tasks on up to three threads: uneven shares, outcomes summed in task order.
        const r = await runCli(['train', '--algo', algo, ...TINY, ...extra, ...evaluations, '--set', 'metaBatchSize=4', '--workers', String(i + 1), '--out', dir], { script: url });
        expect(r.code, r.err.join('\n')).toBe(0);
      }
      const [serial, ...parallel] = dirs;
      expect(logWithoutTimes(serial).map((l) => (l as { heldOut?: { adaptation?: { steps: number } } }).heldOut?.adaptation?.steps)).toEqual([undefined, 3, undefined]);
      for (const dir of parallel) {
        expect(logWithoutTimes(dir)).toEqual(logWithoutTimes(serial));
        expect(checkpointWithoutTimes(dir)).toEqual(checkpointWithoutTimes(serial));
        expect(readJsonFile(dir, 'eval.json')).toEqual(readJsonFile(serial, 'eval.json'));
      }
    }
  });

  it('names a bad --workers value', async () => {
    const r = await runCli(['train', ...TINY, '--workers', '0', '--out', join(root, 'bad')]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(["metarl: --workers is '0', expected an integer from 1 to 64"]);
  });
});
