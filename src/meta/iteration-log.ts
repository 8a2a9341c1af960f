// A log.jsonl line read back as the IterationLog the trainer wrote: every field a reader uses is
// checked, and a bad one is an Error naming its path and what was expected. Lines from older
// versions are accepted as they were written: without `seconds.trpo` (no TRPO step then: 0), and
// without the CPU time and memory fields (not measured: absent).
import { badValue, isPlainObject } from '../validation/values.js';
import type { EvaluationResult, IterationLog } from './trainer.js';

type Json = Record<string, unknown>;

function objectAt(value: unknown, where: string): Json {
  if (!isPlainObject(value)) throw new Error(badValue(where, value, 'an object'));
  return value;
}

function numberAt(obj: Json, key: string, where: string): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(badValue(`${where}.${key}`, v, 'a finite number'));
  return v;
}

function optionalNumberAt(obj: Json, key: string, where: string): number | undefined {
  return obj[key] === undefined ? undefined : numberAt(obj, key, where);
}

function returnsAt(obj: Json, key: string, where: string): number[] {
  const v = obj[key];
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new Error(badValue(`${where}.${key}`, v, 'a non-empty array of finite numbers'));
  }
  return v as number[];
}

function heldOutAt(value: unknown, where: string): EvaluationResult {
  const h = objectAt(value, where);
  if (!Array.isArray(h.tasks)) throw new Error(badValue(`${where}.tasks`, h.tasks, 'an array of task parameters'));
  return { ...(h as unknown as EvaluationResult), returns: returnsAt(h, 'returns', where) };
}

/** One parsed log line (a JSON value) checked as an IterationLog; `where` names it in errors ("FILE line N"). */
export function iterationLogAt(value: unknown, where: string): IterationLog {
  const l = objectAt(value, where);
  const sw = `${where}.seconds`;
  const cw = `${where}.counts`;
  const tw = `${where}.totals`;
  const s = objectAt(l.seconds, sw);
  const c = objectAt(l.counts, cw);
  const t = objectAt(l.totals, tw);
  const memory = objectAt(l.memory, `${where}.memory`);
  const cpuSeconds = optionalNumberAt(l, 'cpuSeconds', where);
  const totalCpuSeconds = optionalNumberAt(t, 'cpuSeconds', tw);
  const isolateMemoryBytes = optionalNumberAt(l, 'isolateMemoryBytes', where);
  if (l.trpo !== undefined) objectAt(l.trpo, `${where}.trpo`);
  return {
    iteration: numberAt(l, 'iteration', where),
    returnBefore: numberAt(l, 'returnBefore', where),
    returnAfter: numberAt(l, 'returnAfter', where),
    lossBefore: numberAt(l, 'lossBefore', where),
    lossAfter: numberAt(l, 'lossAfter', where),
    seconds: {
      sampling: numberAt(s, 'sampling', sw),
      gradients: numberAt(s, 'gradients', sw),
      hvp: numberAt(s, 'hvp', sw),
      directed: numberAt(s, 'directed', sw),
      trpo: s.trpo === undefined ? 0 : numberAt(s, 'trpo', sw),
      total: numberAt(s, 'total', sw),
    },
    ...(cpuSeconds === undefined ? {} : { cpuSeconds }),
    counts: { envSteps: numberAt(c, 'envSteps', cw), gradientEvaluations: numberAt(c, 'gradientEvaluations', cw), hvps: numberAt(c, 'hvps', cw) },
    totals: {
      envSteps: numberAt(t, 'envSteps', tw),
      gradientEvaluations: numberAt(t, 'gradientEvaluations', tw),
      hvps: numberAt(t, 'hvps', tw),
      seconds: numberAt(t, 'seconds', tw),
      ...(totalCpuSeconds === undefined ? {} : { cpuSeconds: totalCpuSeconds }),
    },
    memory: { retainedFloats: numberAt(memory, 'retainedFloats', `${where}.memory`) },
    ...(isolateMemoryBytes === undefined ? {} : { isolateMemoryBytes }),
    ...(l.trpo === undefined ? {} : { trpo: l.trpo as IterationLog['trpo'] }),
    ...(l.heldOut === undefined ? {} : { heldOut: heldOutAt(l.heldOut, `${where}.heldOut`) }),
  };
}

/** One log.jsonl line: JSON, then iterationLogAt. */
export function parseIterationLog(line: string, where: string): IterationLog {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (e) {
    throw new Error(`${where} is not valid JSON: ${(e as Error).message}`);
  }
  return iterationLogAt(parsed, where);
}
