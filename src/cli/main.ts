import { UsageError } from './args.js';
import { InterruptedError, interruptSignal, withInterrupts } from './interrupt.js';
import { auditCommand, auditHelp } from './audit-command.js';
import { benchCommand, benchHelp } from './bench-command.js';
import { compareCommand, compareHelp } from './compare-command.js';
import { envsCommand, envsHelp } from './envs-command.js';
import { evalCommand, evalHelp } from './eval-command.js';
import { experimentCommand, experimentHelp } from './experiment-command.js';
import { type CommandHelp, commandHelpText, mainHelpText } from './help.js';
import { reportCommand, reportHelp } from './report-command.js';
import { trainCommand, trainHelp } from './train-command.js';
import { packageVersion } from './version.js';
import { FileError, type FileSystem, nodeFileSystem } from '../io/file-system.js';
import type { Command } from './command.js';

const commands: Record<string, { run: Command; help: CommandHelp }> = {
  train: { run: trainCommand, help: trainHelp },
  eval: { run: evalCommand, help: evalHelp },
  compare: { run: compareCommand, help: compareHelp },
  experiment: { run: experimentCommand, help: experimentHelp },
  audit: { run: auditCommand, help: auditHelp },
  bench: { run: benchCommand, help: benchHelp },
  envs: { run: envsCommand, help: envsHelp },
  report: { run: reportCommand, help: reportHelp },
};

const HELP_FLAGS: readonly string[] = ['--help', '-h'];

/** Every command's help, in the order `metarl --help` lists them. */
export function commandHelps(): CommandHelp[] {
  return Object.values(commands).map((c) => c.help);
}

export interface MainOptions {
  /** The CLI's own bundle, which `compare` starts worker threads on. */
  readonly script?: URL;
  /** Default node:fs; tests hand in a disk that fails. */
  readonly fs?: FileSystem;
}

const allowed = `allowed: ${Object.keys(commands).sort().join(', ')}; metarl --help for usage`;

function commandNamed(name: string): { run: Command; help: CommandHelp } {
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command === undefined) throw new UsageError(`unknown command '${name}' (${allowed})`);
  return command;
}

/** What `metarl ARGV` prints on stdout when it asks for help or the version; null when it asks for work. */
function helpOrVersion(argv: readonly string[]): string | null {
  const [name, ...rest] = argv;
  if (name === '--version' && rest.length === 0) return packageVersion();
  if (name === 'help' || HELP_FLAGS.includes(name)) {
    const topic = rest.find((a) => !HELP_FLAGS.includes(a));
    return topic === undefined ? mainHelpText(commandHelps()) : commandHelpText(commandNamed(topic).help);
  }
  return rest.some((a) => HELP_FLAGS.includes(a)) ? commandHelpText(commandNamed(name).help) : null;
}

/**
 * Runs the CLI; every failure becomes one line on stderr and a non-zero exit code (2 for a usage
 * mistake or a file that cannot be read or written; 128 + the signal's number when SIGINT, SIGTERM
 * or SIGHUP stopped it). --help and -h, anywhere, print the help of the command they follow and exit 0.
 */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  try {
    if (argv.length === 0) throw new UsageError(`missing command (${allowed})`);
    const text = helpOrVersion(argv);
    if (text !== null) {
      console.log(text);
      return 0;
    }
    const [name, ...rest] = argv;
    const command = commandNamed(name);
    try {
      return await withInterrupts(async () => command.run(rest, (line) => console.log(line), { script: options.script, fs: options.fs ?? nodeFileSystem }));
    } catch (e) {
      if (!(e instanceof InterruptedError)) throw e;
      // A grid is continued by its own command line, a train or compare run by --resume.
      console.error(`metarl: ${name === 'experiment' ? `interrupted at iteration ${e.iteration} of ${e.dir}: the same command continues` : e.message}`);
      return 128 + interruptSignal();
    }
  } catch (e) {
    const message = (e as Error).message.split('\n')[0];
    console.error(`metarl: ${message}`);
    return e instanceof UsageError || e instanceof FileError ? 2 : 1;
  }
}
