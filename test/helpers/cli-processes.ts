import { type ChildProcess, type ChildProcessByStdio, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import { buildCli } from './cli-bundle.js';

/**
 * A temp folder with the CLI bundled into it, for tests that run the CLI as processes of their own;
 * `spawnCli` starts one (stdout and stderr piped, in `root` unless told otherwise); every process it
 * started is killed, and the folder removed, after the file's tests.
 */
export function cliProcesses(prefix: string): { root: string; spawnCli: (argv: readonly string[], cwd?: string) => ChildProcessByStdio<null, Readable, Readable> } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const children = new Set<ChildProcess>();
  let cli = '';
  beforeAll(async () => {
    cli = (await buildCli(root)).path;
  });
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });
  return {
    root,
    spawnCli: (argv, cwd = root) => {
      const child = spawn(process.execPath, [cli, ...argv], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      children.add(child);
      return child;
    },
  };
}
