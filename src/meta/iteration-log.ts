// A log.jsonl line read back as the IterationLog the trainer wrote: every field a reader uses is
// checked, and a bad one is an Error naming its path and what was expected. Lines from older
// versions are accepted as they were written: without `seconds.trpo` (no TRPO step then: 0), and
// without the CPU time and memory fields, the mechanism probe's CPU time among them (not measured: absent).
import { FINITE_NUMBER, FINITE_NUMBERS, type Fail, PLAIN_OBJECT, checked, keyPath } from '../validation/schema.js';
import { badValue } from '../validation/values.js';
import type { EvaluationResult, IterationLog } from './trainer.js';

type Json = Record<string, unknown>;

const logFail: Fail = (path, value, expected) => {
  throw new Error(badValue(path, value, expected));
};

const objectAt = (value: unknown, where: string): Json => checked(PLAIN_OBJECT)(value, where, logFail);
const numberAt = (obj: Json, key: string, where: string): number => checked(FINITE_NUMBER)(obj[key], keyPath(where, key), logFail);
const optionalNumberAt = (obj: Json, key: string, where: string): number | undefined => (obj[key] === undefined ? undefined : numberAt(obj, key, where));
const returnsAt = (obj: Json, key: string, where: string): number[] => checked(FINITE_NUMBERS)(obj[key], keyPath(where, key), logFail);

function heldOutAt(value: unknown, where: string): EvaluationResult {
  const h = objectAt(value, where);
  if (!Array.isArray(h.tasks)) logFail(`${where}.tasks`, h.tasks, 'an array of task parameters');
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
  const mechanismCpuSeconds = optionalNumberAt(l, 'mechanismCpuSeconds', where);
  if (mechanismCpuSeconds !== undefined && mechanismCpuSeconds < 0) logFail(keyPath(where, 'mechanismCpuSeconds'), mechanismCpuSeconds, 'a non-negative finite number');
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
    ...(mechanismCpuSeconds === undefined ? {} : { mechanismCpuSeconds }),
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
