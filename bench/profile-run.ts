// Where a real training run's gradient work goes, per program kind and bucket of row counts:
// programs compiled and their cost, runs in a bucket's own program or in a borrowed (larger) one,
// rows of padding, and the HVPs' late runs. The run is in this process, its tasks dealt out to
// --workers runners in turn as a worker pool deals them (each runner compiles its own programs,
// as each worker does), so the counts are a pool's; the bits are a serial run's.
// Usage: npm run bench:profile -- run [--config configs/cartpole-start.json] [--algo maml]
//   [--iterations 20] [--workers 2] [--buckets]
// Times are thread CPU milliseconds where Linux gives them (the run is on this thread alone, so
// other processes on a loaded machine move them less than wall time), else wall milliseconds.
// Compiles, runs and padded rows do not depend on the machine.
import { readFileSync } from 'node:fs';
import { threadCpuClock } from '../src/cli/run-measures.js';
import { type MetaConfigInput, applyOverrides, resolveConfig } from '../src/meta/config.js';
import { defaultClock } from '../src/meta/costs.js';
import { SurrogatePrograms, bucketRows } from '../src/meta/programs.js';
import { type TaskPool, TaskRunner } from '../src/meta/task-runner.js';
import { MetaTrainer } from '../src/meta/trainer.js';
import type { PolicyBatch } from '../src/nn/reinforce.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
};
const iterations = Number(arg('iterations', '20'));
const workers = Number(arg('workers', '2'));
const file = JSON.parse(readFileSync(arg('config', 'configs/cartpole-start.json'), 'utf8')) as MetaConfigInput;
const config = applyOverrides(resolveConfig(file), [`algo=${arg('algo', 'maml')}`, `iterations=${iterations}`]);
const cpu = threadCpuClock();
const clock = cpu ?? defaultClock;

interface Entry {
  compiles: number;
  compileMs: number;
  runs: number;
  runMs: number;
  borrowed: number;
  rows: number;
  paddedRows: number;
}
const entries = new Map<string, Entry>();
const entry = (kind: string, capacity: number): Entry => {
  const key = `${kind} ${capacity}`;
  let e = entries.get(key);
  if (e === undefined) {
    e = { compiles: 0, compileMs: 0, runs: 0, runMs: 0, borrowed: 0, rows: 0, paddedRows: 0 };
    entries.set(key, e);
  }
  return e;
};

// The programs' methods, wrapped: `fit` runs after each compile, `bucket` says which bucket served a batch.
type Internals = {
  fit(): void;
  bucket(batch: PolicyBatch, ...rest: unknown[]): { rows: number } | null;
  lossAndGrad(params: Float64Array, batch: PolicyBatch): unknown;
  lossGradAndHvp(params: Float64Array, batch: PolicyBatch): { hvp: (v: Float64Array) => Float64Array };
};
const proto = SurrogatePrograms.prototype as unknown as Internals;
let compiled = 0;
let served = 0;
const { fit, bucket, lossAndGrad, lossGradAndHvp } = proto;
proto.fit = function (this: SurrogatePrograms) {
  compiled++;
  fit.call(this);
};
proto.bucket = function (this: SurrogatePrograms, batch, ...rest) {
  const b = bucket.call(this, batch, ...rest);
  served = b?.rows ?? 0;
  return b;
};
function timed<T>(kind: string, batch: PolicyBatch, call: () => T): T {
  const before = compiled;
  const t0 = clock();
  const out = call();
  const ms = clock() - t0;
  const rows = batch.obs.shape[0];
  const e = entry(kind, served === 0 ? 0 : bucketRows(rows));
  if (compiled > before) {
    e.compiles++;
    e.compileMs += ms;
  } else {
    e.runs++;
    e.runMs += ms;
  }
  if (served > bucketRows(rows)) e.borrowed++;
  e.rows += rows;
  e.paddedRows += served - rows;
  return out;
}
proto.lossAndGrad = function (this: SurrogatePrograms, params, batch) {
  return timed('grad', batch, () => lossAndGrad.call(this, params, batch));
};
proto.lossGradAndHvp = function (this: SurrogatePrograms, params, batch) {
  const at = timed('linearization', batch, () => lossGradAndHvp.call(this, params, batch));
  const late = entry('hvp (late part)', 0);
  return {
    ...at,
    hvp: (v: Float64Array) => {
      const t0 = clock();
      const out = at.hvp(v);
      late.runs++;
      late.runMs += clock() - t0;
      return out;
    },
  };
}

/** Tasks dealt to the runners in turn, in this thread: a pool's programs, a serial run's bits. */
const trainer = new MetaTrainer(config);
const runners = Array.from({ length: workers }, () => new TaskRunner(trainer.config, trainer.layout, clock));
const pool: TaskPool = { runTasks: (_, jobs) => Promise.resolve(jobs.map((job, j) => runners[j % workers].run(job))) };
let envSteps = 0;
let gradientMs = 0;
for (let i = 0; i < iterations; i++) {
  const log = await trainer.stepOn(pool);
  envSteps += log.counts.envSteps;
  gradientMs += 1000 * (log.seconds.gradients + log.seconds.hvp);
}

const unit = cpu === null ? 'wall ms' : 'CPU ms';
console.log(`${config.algo}, ${iterations} iterations of ${arg('config', 'configs/cartpole-start.json')}, tasks dealt to ${workers} runner(s); ${unit}`);
console.log(`gradient work ${gradientMs.toFixed(0)} ${unit} over ${envSteps} env steps: ${((1000 * gradientMs) / envSteps).toFixed(2)} per 1,000 steps`);
const kinds = new Map<string, Entry>();
for (const [key, e] of entries) {
  const kind = key.slice(0, key.lastIndexOf(' '));
  const k = kinds.get(kind) ?? { compiles: 0, compileMs: 0, runs: 0, runMs: 0, borrowed: 0, rows: 0, paddedRows: 0 };
  for (const f of Object.keys(k) as (keyof Entry)[]) k[f] += e[f];
  kinds.set(kind, k);
}
const table = (rows: Map<string, Entry>): void => {
  console.log(`| program | compiles | compile ${unit} | runs | run ${unit} | ${unit} per run | borrowed | padding rows / rows |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, e] of rows) {
    const perRun = e.runs === 0 ? '' : (e.runMs / e.runs).toFixed(3);
    const padding = e.rows === 0 ? '' : (e.paddedRows / e.rows).toFixed(3);
    console.log(`| ${name} | ${e.compiles} | ${e.compileMs.toFixed(1)} | ${e.runs} | ${e.runMs.toFixed(1)} | ${perRun} | ${e.borrowed} | ${padding} |`);
  }
};
table(kinds);
if (process.argv.includes('--buckets')) {
  console.log('\nBy bucket (capacity 0: eager):');
  table(new Map([...entries].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))));
}
