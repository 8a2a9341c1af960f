// A log line's `mechanism` (directed.logMechanism), checked field by field: the cosines are
// numbers or null (a cosine with a zero vector), the norms non-negative numbers.
import { FileError } from '../../io/file-system.js';
import type { MechanismLog } from '../../meta/mechanism.js';
import { badValue, isPlainObject } from '../../validation/values.js';

const COSINES = ['cosHessianTerm', 'cosCombined', 'cosFirstOrder'] as const;
const NORMS = ['normDirected', 'normFirstOrder', 'normHessianTerm'] as const;

function cosineAt(obj: Record<string, unknown>, key: string, where: string): number | null {
  const v = obj[key];
  if (v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new FileError(badValue(`${where}.${key}`, v, 'a finite number or null'));
  return v;
}

function normAt(obj: Record<string, unknown>, key: string, where: string): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new FileError(badValue(`${where}.${key}`, v, 'a non-negative finite number'));
  return v;
}

/** `value` (a log line's `mechanism`, present) as a MechanismLog; `where` names it ("FILE line N.mechanism"). */
export function mechanismAt(value: unknown, where: string): MechanismLog {
  if (!isPlainObject(value)) throw new FileError(badValue(where, value, 'an object'));
  const [cosHessianTerm, cosCombined, cosFirstOrder] = COSINES.map((k) => cosineAt(value, k, where));
  const [normDirected, normFirstOrder, normHessianTerm] = NORMS.map((k) => normAt(value, k, where));
  return { cosHessianTerm, cosCombined, cosFirstOrder, normDirected, normFirstOrder, normHessianTerm };
}
