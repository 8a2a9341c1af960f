import { type ParsedArgs, UsageError, parseArgs } from './args.js';

/** One option of a command: what its --help lists is exactly what its parser accepts. */
export interface OptionHelp {
  /** The flag without its dashes: 'tol'. */
  readonly name: string;
  /** The value's placeholder ('X', 'FILE'); absent for a switch. */
  readonly value?: string;
  readonly meaning: string;
  /** What applies when the flag is absent, as it would be typed; absent when nothing does. */
  readonly fallback?: string;
}

export interface CommandHelp {
  readonly name: string;
  /** Positional arguments as typed after the name ('DIR', 'FILE.json...'); '' for none. */
  readonly operands: string;
  readonly summary: string;
  readonly options: readonly OptionHelp[];
  /** Lines after the options: what else the command reads (config keys and their defaults). */
  readonly details?: readonly string[];
  readonly examples: readonly string[];
}

/** The exit codes of every command, as --help and the README list them. */
export const EXIT_CODES: readonly (readonly [code: number, meaning: string])[] = [
  [0, 'ok'],
  [1, 'a check failed: audit found a quantity above --tol (an unexpected internal error also exits 1)'],
  [2, 'usage or input error: a wrong command, option or value, a malformed file, a file that cannot be read or written'],
  [129, 'stopped by SIGHUP after the write in progress (train, compare, experiment: --resume continues)'],
  [130, 'stopped by SIGINT (Ctrl-C), as above'],
  [143, 'stopped by SIGTERM, as above'],
];

const HELP_OPTION: OptionHelp = { name: 'help', meaning: 'print this help and exit' };

/** `metarl train [options]`: how the command is typed. */
export function usageLine(help: CommandHelp): string {
  return ['metarl', help.name, help.operands, help.options.length > 0 ? '[options]' : ''].filter((s) => s !== '').join(' ');
}

/** The command's arguments, accepting exactly the flags its help lists. */
export function parseCommandArgs(argv: readonly string[], help: CommandHelp): ParsedArgs {
  const valued = help.options.filter((o) => o.value !== undefined).map((o) => o.name);
  const switches = help.options.filter((o) => o.value === undefined).map((o) => o.name);
  return parseArgs(argv, valued, switches);
}

/** A UsageError for arguments the command does not take. */
export function usageError(problem: string, help: CommandHelp): UsageError {
  return new UsageError(`${problem} (usage: ${usageLine(help)}; metarl ${help.name} --help for more)`);
}

function optionLines(options: readonly OptionHelp[]): string[] {
  const flag = (o: OptionHelp): string => (o.name === 'help' ? '-h, --help' : `--${o.name}${o.value === undefined ? '' : ` ${o.value}`}`);
  const width = Math.max(...options.map((o) => flag(o).length));
  return options.map((o) => `  ${flag(o).padEnd(width)}  ${o.meaning}${o.fallback === undefined ? '' : ` (default ${o.fallback})`}`);
}

function exitCodeLines(): string[] {
  return EXIT_CODES.map(([code, meaning]) => `  ${code}  ${meaning}`);
}

/** A command's --help: what it does, how it is typed, every option with its default, examples, exit codes. */
export function commandHelpText(help: CommandHelp): string {
  return [
    `metarl ${help.name}: ${help.summary}`,
    '',
    `usage: ${usageLine(help)}`,
    '',
    'options:',
    ...optionLines([...help.options, HELP_OPTION]),
    ...(help.details === undefined ? [] : ['', ...help.details]),
    '',
    help.examples.length === 1 ? 'example:' : 'examples:',
    ...help.examples.map((e) => `  ${e}`),
    '',
    'exit codes:',
    ...exitCodeLines(),
  ].join('\n');
}

/** `metarl --help`: every command in one line, the global options, an example and the exit codes. */
export function mainHelpText(commands: readonly CommandHelp[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'metarl: gradient-based meta-reinforcement learning on an exact autodiff engine',
    '',
    'usage: metarl COMMAND [options]',
    '       metarl COMMAND --help   the command\'s options, their defaults and an example',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'options:',
    ...optionLines([HELP_OPTION, { name: 'version', meaning: 'print the version and exit' }]),
    '',
    'example:',
    '  metarl train --iterations 20 --out runs/first && metarl eval runs/first',
    '',
    'exit codes:',
    ...exitCodeLines(),
  ].join('\n');
}
