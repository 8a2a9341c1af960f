import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TINY, checkpointWithoutTimes, logWithoutTimes, readJsonFile, runCli } from '../helpers/cli-run.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-pool-faults-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A worker script that ends its thread at once, as one that runs out of memory or calls exit would. */
function script(name: string, body: string): URL {
  const path = join(root, name);
  writeFileSync(path, body);
  return pathToFileURL(path);
}

describe('train --workers with a task worker that dies', () => {
  it.each([
    ['exits', 'process.exit(3);\n', 'metarl: a task worker exited with code 3'],
    ['throws', "throw new Error('out of cheese');\n", 'metarl: a task worker failed: out of cheese'],
  ])('fails with one line when a worker %s, and the folder resumes to an uninterrupted run', async (name, body, message) => {
    // TRPO's tasks run on worker threads only (the main thread takes other configs' tasks too, and
    // could finish a run before a worker has died).
    const config = [...TINY, '--set', 'outerOptimizer=trpo'];
    const reference = join(root, `reference-${name}`);
    expect((await runCli(['train', ...config, '--out', reference])).code).toBe(0);
    const dir = join(root, name);
    expect((await runCli(['train', ...config, '--iterations', '1', '--out', dir])).code).toBe(0);
    const failed = await runCli(['train', '--resume', '--workers', '2', '--out', dir], { script: script(`${name}.mjs`, body) });
    expect([failed.code, failed.err]).toEqual([1, [message]]);
    const resumed = await runCli(['train', '--resume', '--out', dir]);
    expect(resumed.code).toBe(0);
    expect(logWithoutTimes(dir)).toEqual(logWithoutTimes(reference));
    expect(checkpointWithoutTimes(dir)).toEqual(checkpointWithoutTimes(reference));
    expect(readJsonFile(dir, 'eval.json')).toEqual(readJsonFile(reference, 'eval.json'));
  });
});

describe('compare --workers with a training worker that dies or fails', () => {
  it.each([
    ['exits', 'process.exit(3);\n', 1, 'metarl: a training worker exited with code 3'],
    ['throws', "throw new Error('out of cheese');\n", 1, 'metarl: a training worker failed: out of cheese'],
    // The kind of a failure the worker caught crosses the thread with its message: a file error exits 2.
    ['replies with a file error', "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => parentPort.postMessage({ error: 'cannot write x: ENOSPC', kind: 'file' }));\n", 2, 'metarl: cannot write x: ENOSPC'],
  ])('fails with one line when a worker %s, writing no curves', async (name, body, code, message) => {
    const out = join(root, `compare-${name.replaceAll(' ', '-')}`);
    const r = await runCli(['compare', '--algos', 'maml,fomaml', ...TINY, '--workers', '2', '--out', out], { script: script(`train-${name.replaceAll(' ', '-')}.mjs`, body) });
    expect([r.code, r.err, r.out]).toEqual([code, [message], []]);
    expect(readdirSync(out)).toEqual([]);
  });
});
