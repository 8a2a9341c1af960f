import { availableParallelism } from 'node:os';
/** A command-line mistake: reported as one line, exit code 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Map<string, string[]>;
}

/**
 * Parses `--name value`, `--name=value` and bare `--switch` (when the flag is listed as a switch).
 * Unknown flags are an error naming the allowed ones.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], switches: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  const push = (name: string, value: string): void => {
    flags.set(name, [...(flags.get(name) ?? []), value]);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (switches.includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      push(name, 'true');
    } else if (valued.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      push(name, value);
    } else {
      const allowed = [...valued, ...switches].map((f) => `--${f}`).join(', ') || 'none';
      throw new UsageError(`unknown option ${arg.slice(0, eq < 0 ? undefined : eq)} (allowed: ${allowed})`);
    }
  }
  return { positional, flags };
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
