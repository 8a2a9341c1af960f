import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildProbeBundle } from './probe-bundle.js';

/** What a command-line runtime printed for the probe: its kernels' backend and the text. */
export interface ProbeRun {
  readonly backend: string;
  readonly text: string;
}

const require = createRequire(import.meta.url);

/** Deno and Bun come as dev dependencies whose binaries their npm platform packages carry; null when absent. */
export function runtimeExecutable(name: 'deno' | 'bun'): string | null {
  const inPackage = name === 'deno' ? 'deno' : 'bin/bun.exe';
  try {
    const path = join(dirname(require.resolve(`${name}/package.json`)), inPackage);
    return spawnSync(path, ['--version'], { encoding: 'utf8' }).status === 0 ? path : null;
  } catch {
    return null;
  }
}

/** The arguments that run one script file, with no project configuration, lock file or prompts. */
const RUN_ARGS: Record<string, readonly string[]> = {
  deno: ['run', '--quiet', '--no-config', '--no-lock', '--no-prompt'],
  bun: ['run', '--no-install'],
  node: [],
};

/** Runs the probe bundle as a script under `executable` (a Node, Deno or Bun), the backend chosen when named. */
export async function runProbeCommand(kind: 'node' | 'deno' | 'bun', executable: string, backend?: string): Promise<ProbeRun> {
  const dir = mkdtempSync(join(tmpdir(), 'metarl-probe-'));
  try {
    const script = join(dir, 'probe.js');
    const call = `metarlProbe(${backend === undefined ? '' : JSON.stringify(backend)})`;
    writeFileSync(script, `${await buildProbeBundle()}\nconsole.log(JSON.stringify(globalThis.${call}));\n`);
    const run = spawnSync(executable, [...RUN_ARGS[kind], script], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (run.status !== 0) throw new Error(`${kind} exited with ${run.status}: ${run.stderr}`);
    return JSON.parse(run.stdout) as ProbeRun;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
