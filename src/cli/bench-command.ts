import { benchOps, compileOp, makeWorkload, programInputs } from '../workloads/standard-workloads.js';
import { type BenchCase, type BenchCases, STANDARD_CASES } from '../workloads/standard-cases.js';
import { parseBenchCases } from '../workloads/parse-cases.js';
import { medianMicros } from '../workloads/timing.js';
import { readJson } from '../io/files.js';
import { UsageError } from './args.js';
import { type CommandHelp, parseCommandArgs, usageError } from './help.js';

export const benchHelp: CommandHelp = {
  name: 'bench',
  operands: '',
  summary: 'median microseconds of grad, hvp, maml and fomaml on MLP + REINFORCE workloads, through compiled programs',
  options: [
    { name: 'cases', value: 'FILE', meaning: 'your own workloads: { alpha, cases: [{ name, dims, states }] }', fallback: `the standard ones shipped with metarl: ${STANDARD_CASES.cases.map((c) => c.name).join(', ')}` },
    { name: 'case', value: 'NAME', meaning: 'run only this case; repeatable', fallback: 'every case' },
    { name: 'json', meaning: 'print one JSON object: {"cases": {NAME: {"grad": us, "hvp": us, "maml": us, "fomaml": us}}}' },
  ],
  examples: ['metarl bench --case cartpole-32x32-b200 --json'],
};

function readCases(path: string): BenchCases {
  const json = readJson(path);
  try {
    return parseBenchCases(json);
  } catch (e) {
    throw new UsageError(`${path}: ${(e as Error).message}`);
  }
}

function selectCases(all: readonly BenchCase[], names: readonly string[] | undefined): readonly BenchCase[] {
  if (names === undefined) return all;
  for (const name of names) {
    if (!all.some((c) => c.name === name)) throw new UsageError(`--case is '${name}', expected one of ${all.map((c) => c.name).join(', ')}`);
  }
  return all.filter((c) => names.includes(c.name));
}

/** The standard autodiff workloads (or a user's) through compiled programs: a quick check without dev tools. */
export function benchCommand(argv: readonly string[], print: (line: string) => void): number {
  const args = parseCommandArgs(argv, benchHelp);
  if (args.positional.length > 0) throw usageError(`unexpected argument '${args.positional[0]}'`, benchHelp);
  const path = args.flags.get('cases')?.at(-1);
  const spec = path === undefined ? STANDARD_CASES : readCases(path);
  const results: Record<string, Record<string, number>> = {};
  for (const c of selectCases(spec.cases, args.flags.get('case'))) {
    const w = makeWorkload(c.dims, c.states, 2024);
    results[c.name] = {};
    for (const op of benchOps) {
      const program = compileOp(w, op, spec.alpha);
      const inputs = programInputs(w, op);
      results[c.name][op] = Math.round(medianMicros(() => void program.runWith(inputs)) * 10) / 10;
    }
  }
  if (args.flags.has('json')) {
    print(JSON.stringify({ cases: results }));
    return 0;
  }
  print(`median microseconds per op (alpha ${spec.alpha})`);
  for (const [name, ops] of Object.entries(results)) {
    print(name);
    for (const op of benchOps) print(`  ${op.padEnd(7)} ${ops[op].toFixed(0).padStart(8)}`);
  }
  return 0;
}
