// The benches' command-line flags: `--name value` options with a default, and bare `--name` switches.

/** The value after `--name`, or `fallback` when the flag is absent. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
}

/** Whether the bare switch `--name` is given. */
export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}
