import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PCG64 } from '../../src/rng/index.js';
import { cliProcesses } from '../helpers/cli-processes.js';
import { TINY, checkpointWithoutTimes, logWithoutTimes, readJsonFile, runCli } from '../helpers/cli-run.js';

// The CLI as a user runs it: a process of its own (so a hang is caught by the test timeout, not
// frozen with the test, and a kill -9 is a real one).
const { root, spawnCli } = cliProcesses('metarl-process-');
interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in `cwd`. With `kill`, SIGKILLs it `kill.after` ms after its `kill.lines`-th
 * progress line (one per iteration done), or after its start when `kill.lines` is 0.
 */
function runProcess(argv: string[], cwd: string, kill: { lines: number; after: number } | null = null): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(argv, cwd);
    let stdout = '';
    let stderr = '';
    let armed = false;
    const arm = (): void => {
      if (kill === null || armed || stderr.split('\n').length - 1 < kill.lines) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), kill.after);
    };
    arm();
    child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      arm();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('the metarl process', () => {
  it('train checks --out before any work: empty, a file, or a folder that cannot be created is one line, exit 2', async () => {
    const cwd = join(root, 'cwd');
    mkdirSync(cwd);
    writeFileSync(join(cwd, 'a-file'), 'not a folder');
    const cases: [string, string][] = [
      ['', "metarl: --out is '', expected a folder path"],
      ['a-file', 'metarl: a-file exists and is not a directory'],
      ['a-file/run', 'metarl: a-file exists and is not a directory'],
      // Node's recursive mkdir spins at 100% CPU forever here
      ['/proc/anything', 'metarl: cannot create directory /proc/anything: ENOENT'],
    ];
    for (const [out, message] of cases) {
      const r = await runProcess(['train', ...TINY, '--out', out], cwd);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toBe(`${message}\n`);
      expect(r.stdout).toBe(''); // no iteration started
    }
    expect(readdirSync(cwd)).toEqual(['a-file']);
    expect(readFileSync(join(cwd, 'a-file'), 'utf8')).toBe('not a folder');
  });

  it('train killed with SIGKILL at seeded random moments and resumed each time ends bit-identical to an uninterrupted run', async () => {
    // 100 short iterations (a few ms each, two atomic writes apiece): no life below finishes them.
    const args = ['--set', 'iterations=100', '--set', 'metaBatchSize=2', '--set', 'episodesPerTask=2', '--set', 'numEnvs=2', '--set', 'evalTasks=2', '--set', 'evalEpisodes=2', '--set', 'hidden=[8]', '--seed', '7'];
    const reference = join(root, 'reference');
    expect((await runCli(['train', ...args, '--out', reference])).code).toBe(0);
    const dir = join(root, 'killed');
    const rng = new PCG64(2024);
    const lives: Exit[] = [];
    for (let i = 0; i < 12; i++) {
      // Most kills land 0-20 ms (about one iteration with its writes, here) after the 1st or 2nd
      // iteration of a life; every third in the first 150 ms, start-up and restore included.
      const kill = i % 3 === 2 ? { lines: 0, after: rng.random() * 150 } : { lines: 1 + Math.floor(rng.random() * 2), after: rng.random() * 20 };
      const argv = existsSync(join(dir, 'checkpoint.json')) ? ['train', '--resume', '--out', dir] : ['train', ...args, '--out', dir];
      lives.push(await runProcess(argv, root, kill));
    }
    // Each life was killed while training, or (on a machine fast enough to finish first) ended well.
    expect(lives.every((l) => l.signal === 'SIGKILL' || (l.code === 0 && l.stderr.includes(' 100/100 ')))).toBe(true);
    expect(lives.filter((l) => l.signal === 'SIGKILL').length).toBeGreaterThanOrEqual(8);
    expect(checkpointWithoutTimes(dir).iteration).toBeGreaterThan(0);
    const last = await runProcess(['train', '--resume', '--out', dir], root);
    expect([last.code, last.signal]).toEqual([0, null]);
    expect(readdirSync(dir).sort()).toEqual(['checkpoint.json', 'eval.json', 'log.jsonl']); // no temp file left behind
    expect(logWithoutTimes(dir)).toEqual(logWithoutTimes(reference));
    expect(checkpointWithoutTimes(dir)).toEqual(checkpointWithoutTimes(reference));
    expect(readJsonFile(dir, 'eval.json')).toEqual(readJsonFile(reference, 'eval.json'));
  });
});
