import { availableParallelism } from 'node:os';
import { parseArgs as tokenize } from 'node:util';
/** A command-line mistake: reported as one line, exit code 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Map<string, string[]>;
}

/**
 * Parses `--name value`, `--name=value` and bare `--switch` (when the flag is listed as a switch)
 * with node:util's tokenizer; the checks and their messages are ours. Unknown flags are an error
 * naming the allowed ones; an argument with one dash is an operand, as the commands' operands are
 * paths and numbers.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], switches: readonly string[] = []): ParsedArgs {
  const options = Object.fromEntries([...valued.map((name) => [name, { type: 'string' as const, multiple: true }]), ...switches.map((name) => [name, { type: 'boolean' as const, multiple: true }])]);
  const { tokens } = tokenize({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  const push = (name: string, value: string): void => {
    flags.set(name, [...(flags.get(name) ?? []), value]);
  };
  let lastShort = -1;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positional.push(token.value);
    } else if (token.kind === 'option-terminator') {
      throw unknownOption('--', valued, switches);
    } else if (!token.rawName.startsWith('--')) {
      // `-x` or a group `-xyz` (one token per letter, all at the same index): kept whole.
      if (token.index !== lastShort) positional.push(argv[token.index]);
      lastShort = token.index;
    } else if (switches.includes(token.name)) {
      if (token.inlineValue === true) throw new UsageError(`--${token.name} takes no value`);
      push(token.name, 'true');
    } else if (valued.includes(token.name)) {
      if (token.value === undefined) throw new UsageError(`--${token.name} needs a value`);
      push(token.name, token.value);
    } else {
      throw unknownOption(token.rawName, valued, switches);
    }
  }
  return { positional, flags };
}

function unknownOption(raw: string, valued: readonly string[], switches: readonly string[]): UsageError {
  const allowed = [...valued, ...switches].map((f) => `--${f}`).join(', ') || 'none';
  return new UsageError(`unknown option ${raw} (allowed: ${allowed})`);
}

/** The last value of a flag parsed as a positive finite number. */
export function numberFlag(args: ParsedArgs, name: string, fallback: number): number {
  const values = args.flags.get(name);
  if (values === undefined) return fallback;
  const raw = values[values.length - 1];
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`--${name} is '${raw}', expected a positive number`);
  }
  return value;
}

/** The last value of a flag parsed as a non-negative integer. */
export function integerFlag(args: ParsedArgs, name: string): number {
  const raw = args.flags.get(name)?.at(-1) ?? '';
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < 0) {
    throw new UsageError(`--${name} is '${raw}', expected a non-negative integer`);
  }
  return value;
}

/** The last --out, or `fallback`: a folder path, never '' (which would mean the current folder). */
export function outFlag(args: ParsedArgs, fallback: string): string {
  const out = args.flags.get('out')?.at(-1) ?? fallback;
  if (out.trim() === '') throw new UsageError(`--out is '${out}', expected a folder path`);
  return out;
}

/** --workers N: threads to spread the work over (1 to 64); default all cores. */
export function workersFlag(args: ParsedArgs): number {
  const raw = args.flags.get('workers')?.at(-1) ?? String(availableParallelism());
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--workers is '${raw}', expected an integer from 1 to 64`);
  return n;
}
