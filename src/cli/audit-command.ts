import { auditFixture } from '../audit/audit.js';
import { FixtureError, parseFixture } from '../audit/fixture.js';
import { readJson } from '../io/files.js';
// The smallest PyTorch fixture, bundled into the CLI so that an installed package has one to audit.
import exampleFixture from '../../test/data/fixtures/tiny-tanh.json' with { type: 'json' };
import { UsageError, numberFlag } from './args.js';
import { type CommandHelp, parseCommandArgs, usageError } from './help.js';

const DEFAULT_TOL = 1e-10;
const EXAMPLE_NAME = 'example: tiny-tanh.json (PyTorch 1.13, float64)';

export const auditHelp: CommandHelp = {
  name: 'audit',
  operands: '[FILE.json...]',
  summary: 'checks the engine against reference derivatives: each quantity\'s max relative error (exit 1 when one is above --tol)',
  options: [
    { name: 'tol', value: 'X', meaning: 'the largest relative error that passes', fallback: String(DEFAULT_TOL) },
    { name: 'example', meaning: 'also audit the fixture shipped in the CLI (a [3, 5, 2] tanh policy, derivatives by PyTorch)' },
  ],
  examples: [
    'metarl audit --example                          # the shipped fixture: every quantity within 1e-10',
    'metarl audit my-derivatives.json --tol 1e-8     # files in the fixture format: dims, activation, params, train, test, expected',
  ],
};

function auditFile(name: string, json: unknown, tol: number, print: (line: string) => void): boolean {
  let rows;
  try {
    rows = auditFixture(parseFixture(json));
  } catch (e) {
    if (e instanceof FixtureError) throw new UsageError(`${name}: ${e.message}`);
    throw e;
  }
  if (rows.length === 0) throw new UsageError(`${name}: expected holds no quantity to audit`);
  const width = Math.max(...rows.map((r) => r.quantity.length));
  let failed = 0;
  print(name);
  for (const r of rows) {
    const ok = r.error <= tol;
    if (!ok) failed++;
    print(`  ${r.quantity.padEnd(width)}  ${r.error.toExponential(2).padStart(9)}  ${ok ? 'ok' : `ABOVE ${tol.toExponential(0)}`}`);
  }
  print(failed === 0 ? `  all ${rows.length} quantities within ${tol.toExponential(0)}` : `  ${failed} of ${rows.length} quantities above ${tol.toExponential(0)}`);
  return failed === 0;
}

/** Prints each quantity's max relative error; 0 when all are within --tol, 1 otherwise. */
export function auditCommand(argv: readonly string[], print: (line: string) => void): number {
  const args = parseCommandArgs(argv, auditHelp);
  const example = args.flags.has('example');
  if (args.positional.length === 0 && !example) throw usageError('no file to audit (or --example for the shipped one)', auditHelp);
  const tol = numberFlag(args, 'tol', DEFAULT_TOL);
  let ok = example ? auditFile(EXAMPLE_NAME, exampleFixture, tol, print) : true;
  for (const path of args.positional) ok = auditFile(path, readJson(path), tol, print) && ok;
  return ok ? 0 : 1;
}
