import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-run.js';

// A shard's last line counts the whole grid's finished runs: an array task that ends first must
// not announce a results page that the other tasks' runs are still missing from.
const root = mkdtempSync(join(tmpdir(), 'metarl-shard-end-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('experiment --shard and --run, last line', () => {
  it('names the grid\'s finished runs, and the report only once all are', async () => {
    const out = join(root, 'grid');
    const grid = ['experiment', 'experiments/tiny.json', '--out', out];
    const first = await runCli([...grid, '--shard', '1/3']);
    expect([first.code, first.out.at(-1)]).toEqual([0, `grid tiny: 1/1 selected runs done; 1/2 runs of the grid finished; the other shards train the rest (metarl report ${out} lists them as unfinished until then)`]);
    const empty = await runCli([...grid, '--shard', '2/3']);
    expect(empty.out.at(-1)).toBe(`grid tiny: 0/0 selected runs done; 1/2 runs of the grid finished; the other shards train the rest (metarl report ${out} lists them as unfinished until then)`);
    const last = await runCli([...grid, '--run', '0']);
    expect(last.out.at(-1)).toBe(`grid tiny: 1/1 selected runs done; 2/2 runs of the grid finished; metarl report ${out} writes the results page`);
    const whole = await runCli(grid);
    expect(whole.out).toEqual([`grid tiny: 2 runs, 2 finished before, 0 to train, in ${out}`, `grid tiny: 2/2 runs done; metarl report ${out} writes the results page`]);
  });
});
