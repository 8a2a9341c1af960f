import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_CODES, commandHelpText, mainHelpText, parseCommandArgs } from '../../src/cli/help.js';
import { commandHelps } from '../../src/cli/main.js';
import { resolveConfig } from '../../src/meta/config.js';
import { runCli } from '../helpers/cli-run.js';
import { readDataJson } from '../helpers/reference-data.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-help-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const helpOf = (name: string) => {
  const help = commandHelps().find((h) => h.name === name);
  if (help === undefined) throw new Error(`no command ${name}`);
  return help;
};

/** The value at a dotted key path of a config. */
function at(config: unknown, path: string): unknown {
  return path.split('.').reduce((v: unknown, key) => (v as Record<string, unknown>)[key], config);
}

describe('metarl --help', () => {
  it('lists every command, the global options, an example and the exit codes, on --help, -h and help (exit 0)', async () => {
    const text = mainHelpText(commandHelps());
    for (const argv of [['--help'], ['-h'], ['help'], ['help', '--help']]) {
      expect(await runCli(argv)).toEqual({ code: 0, out: [text], err: [] });
    }
    const lines = text.split('\n');
    expect(lines.filter((l) => /^ {2}[a-z]+ {2,}/.test(l)).map((l) => l.trim().split(/\s+/)[0])).toEqual(['train', 'eval', 'compare', 'experiment', 'audit', 'bench', 'envs', 'report']);
    expect(lines).toContain('  -h, --help  print this help and exit');
    expect(lines).toContain('  --version   print the version and exit');
    expect(lines.slice(lines.indexOf('exit codes:') + 1)).toEqual(EXIT_CODES.map(([code, meaning]) => `  ${code}  ${meaning}`));
  });

  it('prints a command\'s help for --help or -h anywhere among its arguments, and for help NAME, even beside a bad option', async () => {
    for (const help of commandHelps()) {
      const text = commandHelpText(help);
      for (const argv of [[help.name, '--help'], [help.name, '-h'], ['help', help.name], ['-h', help.name], [help.name, '--bogus', 'x', '-h']]) {
        expect(await runCli(argv), argv.join(' ')).toEqual({ code: 0, out: [text], err: [] });
      }
      const lines = text.split('\n');
      expect(lines[0]).toBe(`metarl ${help.name}: ${help.summary}`);
      expect(lines[2]).toMatch(new RegExp(`^usage: metarl ${help.name}\\b`));
      expect(lines.slice(lines.indexOf('exit codes:') + 1)).toEqual(EXIT_CODES.map(([code, meaning]) => `  ${code}  ${meaning}`));
      expect(help.examples.length).toBeGreaterThan(0);
    }
    expect(await runCli(['help', 'trian'])).toEqual({ code: 2, out: [], err: ["metarl: unknown command 'trian' (allowed: audit, bench, compare, envs, eval, experiment, report, train; metarl --help for usage)"] });
  });

  it('lists exactly the options each command accepts: every example parses, an option not listed is refused', () => {
    for (const help of commandHelps()) {
      for (const example of help.examples) {
        const words = example.split('#')[0].trim().split(/\s+/);
        expect(words.slice(0, 2)).toEqual(['metarl', help.name]);
        const args = parseCommandArgs(words.slice(2), help);
        expect(help.operands.startsWith('[') ? [0, 1] : [help.operands === '' ? 0 : 1], example).toContain(args.positional.length); // '[FILE...]': optional
      }
      for (const option of help.options) {
        const argv = option.value === undefined ? [`--${option.name}`] : [`--${option.name}`, 'v'];
        expect(parseCommandArgs(argv, help).flags.get(option.name)).toEqual([option.value === undefined ? 'true' : 'v']);
      }
      expect(() => parseCommandArgs(['--not-an-option'], help)).toThrow(/unknown option --not-an-option/);
    }
  });

  it('states the defaults the commands apply: every config key with its default, the iterations, the shortcuts', () => {
    const defaults = resolveConfig({});
    for (const name of ['train', 'compare']) {
      const help = helpOf(name);
      const keys = help.details ?? [];
      expect(keys[0]).toBe('config keys and their defaults (--set KEY=VALUE, or in the --config file):');
      const rows = keys.slice(1).map((l) => l.trim().split(/\s{2,}/));
      expect(rows.length).toBeGreaterThan(20);
      for (const [key, value] of rows) expect(at(defaults, key), key).toEqual(JSON.parse(value));
      for (const shortcut of ['env', 'seed'] as const) {
        expect(help.options.find((o) => o.name === shortcut)?.fallback).toBe(String(defaults[shortcut]));
      }
    }
    expect(helpOf('train').options.find((o) => o.name === 'algo')?.fallback).toBe(defaults.algo);
    expect(helpOf('train').options.find((o) => o.name === 'iterations')?.fallback).toBe(`the config's iterations, ${defaults.iterations}`);
    // eval's --workers: train's value, range and default, for the held-out tasks alone.
    expect(helpOf('eval').options).toEqual([{ name: 'workers', value: 'N', meaning: 'threads the held-out tasks (and the swap test\'s) run on, 1 to 64', fallback: 'one per core' }]);
    expect(helpOf('train').options.find((o) => o.name === 'workers')).toEqual(expect.objectContaining({ value: 'N', meaning: expect.stringMatching(/, 1 to 64$/), fallback: 'one per core' }));
  });

  it('states audit\'s default tolerance, 1e-10: a loss off by 3e-10 fails without --tol, one off by 3e-11 passes', async () => {
    expect(helpOf('audit').options).toEqual([expect.objectContaining({ name: 'tol', fallback: '1e-10' }), expect.objectContaining({ name: 'example' })]);
    const fixture = readDataJson('fixtures', 'tiny-tanh.json') as { expected: Record<string, unknown> & { loss: number } };
    const audit = async (relative: number, ...flags: string[]) => {
      const path = join(root, `loss-${relative}.json`);
      writeFileSync(path, JSON.stringify({ ...fixture, expected: { loss: fixture.expected.loss * (1 + relative) } }));
      return (await runCli(['audit', path, ...flags])).code;
    };
    expect(await audit(3e-10)).toBe(1);
    expect(await audit(3e-10, '--tol', '1e-9')).toBe(0);
    expect(await audit(3e-11)).toBe(0);
  });

  it('--version prints the version of package.json; no command at all is one line, exit 2', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await runCli(['--version'])).toEqual({ code: 0, out: [version], err: [] });
    expect(await runCli([])).toEqual({ code: 2, out: [], err: ['metarl: missing command (allowed: audit, bench, compare, envs, eval, experiment, report, train; metarl --help for usage)'] });
  });

  it('docs/cli.md lists the same exit codes as --help', () => {
    const readme = readFileSync('docs/cli.md', 'utf8');
    const table = readme.indexOf('| exit code | meaning |');
    expect(table, 'docs/cli.md has no "| exit code | meaning |" table').toBeGreaterThanOrEqual(0);
    const after = readme.slice(table).split('\n').slice(2);
    const rows = after.slice(0, after.findIndex((l) => !l.startsWith('|')));
    expect(rows).toEqual(EXIT_CODES.map(([code, meaning]) => `| ${code} | ${meaning} |`));
  });
});
