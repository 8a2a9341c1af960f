import { UsageError } from './args.js';
import { auditCommand, auditUsage } from './audit-command.js';
import { benchCommand, benchUsage } from './bench-command.js';
import { compareCommand, compareUsage } from './compare-command.js';
import { envsCommand, envsUsage } from './envs-command.js';
import { evalCommand, evalUsage } from './eval-command.js';
import { trainCommand, trainUsage } from './train-command.js';
import { FileError, type FileSystem, nodeFileSystem } from '../io/file-system.js';
import type { Command } from './command.js';

const commands: Record<string, { run: Command; usage: string }> = {
  audit: { run: auditCommand, usage: auditUsage },
  bench: { run: benchCommand, usage: benchUsage },
  compare: { run: compareCommand, usage: compareUsage },
  envs: { run: envsCommand, usage: envsUsage },
  eval: { run: evalCommand, usage: evalUsage },
  train: { run: trainCommand, usage: trainUsage },
};

function usage(): string {
  return ['usage: metarl <command> [options]', ...Object.values(commands).map((c) => `  ${c.usage}`)].join('\n');
}

export interface MainOptions {
  /** The CLI's own bundle, which `compare` starts worker threads on. */
  readonly script?: URL;
  /** Default node:fs; tests hand in a disk that fails. */
  readonly fs?: FileSystem;
}

/**
 * Runs the CLI; every failure becomes one line on stderr and a non-zero exit code (2 for a usage
 * mistake or a file that cannot be read or written).
 */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  try {
    if (command === undefined) throw new UsageError(`unknown command '${name}' (allowed: ${Object.keys(commands).join(', ')})`);
    return await command.run(rest, (line) => console.log(line), { script: options.script, fs: options.fs ?? nodeFileSystem });
  } catch (e) {
    const message = (e as Error).message.split('\n')[0];
    console.error(`metarl: ${message}`);
    return e instanceof UsageError || e instanceof FileError ? 2 : 1;
  }
}
