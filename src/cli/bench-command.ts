import { type BenchOp, benchOps, compileOp, makeWorkload, programInputs } from '../workloads/standard-workloads.js';
import { medianMicros } from '../workloads/timing.js';
import { readJson } from '../io/files.js';
import { UsageError, parseArgs } from './args.js';

export const benchUsage = 'bench [--cases ../shared/bench/cases.json] [--json]   median microseconds of grad, hvp, maml, fomaml';

interface Cases {
  alpha: number;
  cases: { name: string; dims: number[]; states: number }[];
  reference_pytorch_1_13_cpu_float64_openblas_1_thread_us?: Record<string, Partial<Record<BenchOp, number>>>;
}

function parseCases(json: unknown, path: string): Cases {
  const c = json as Cases;
  const ok = typeof c === 'object' && c !== null && typeof c.alpha === 'number' && Array.isArray(c.cases)
    && c.cases.every((k) => typeof k.name === 'string' && Array.isArray(k.dims) && Number.isInteger(k.states));
  if (!ok) throw new UsageError(`${path}: expected {alpha, cases: [{name, dims, states}]} as in shared/bench/cases.json`);
  return c;
}

/** The standard autodiff workloads through compiled programs: a quick check without dev tools. */
export function benchCommand(argv: readonly string[], print: (line: string) => void): number {
  const args = parseArgs(argv, ['cases'], ['json']);
  if (args.positional.length > 0) throw new UsageError(`unexpected argument '${args.positional[0]}' (usage: ${benchUsage})`);
  const path = args.flags.get('cases')?.at(-1) ?? '../shared/bench/cases.json';
  const spec = parseCases(readJson(path), path);
  const torch = spec.reference_pytorch_1_13_cpu_float64_openblas_1_thread_us ?? {};
  const results: Record<string, Record<string, number>> = {};
  for (const c of spec.cases) {
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
  print('median microseconds per op (ours | PyTorch 1.13 CPU float64, 1 thread | ratio)');
  for (const [name, ops] of Object.entries(results)) {
    print(name);
    for (const op of benchOps) {
      const ref = torch[name]?.[op];
      print(`  ${op.padEnd(7)} ${ops[op].toFixed(0).padStart(8)} | ${String(ref ?? '-').padStart(6)} | ${ref ? `${(ops[op] / ref).toFixed(2)}x` : '-'}`);
    }
  }
  return 0;
}
