// A log line's `mechanism` (directed.logMechanism), checked field by field: the cosines are
// numbers or null (a cosine with a zero vector), the norms non-negative numbers.
import type { MechanismLog } from '../../meta/mechanism.js';
import { FINITE_NUMBER, NON_NEGATIVE_NUMBER, PLAIN_OBJECT, checked, keyPath, rule } from '../../validation/schema.js';
import { fileFail } from './file-fail.js';

const COSINE = rule((v): v is number | null => v === null || FINITE_NUMBER.ok(v), 'a finite number or null');

/** `value` (a log line's `mechanism`, present) as a MechanismLog; `where` names it ("FILE line N.mechanism"). */
export function mechanismAt(value: unknown, where: string): MechanismLog {
  const m = checked(PLAIN_OBJECT)(value, where, fileFail);
  const cosine = (key: string): number | null => checked(COSINE)(m[key], keyPath(where, key), fileFail);
  const norm = (key: string): number => checked(NON_NEGATIVE_NUMBER)(m[key], keyPath(where, key), fileFail);
  return {
    cosHessianTerm: cosine('cosHessianTerm'),
    cosCombined: cosine('cosCombined'),
    cosFirstOrder: cosine('cosFirstOrder'),
    normDirected: norm('normDirected'),
    normFirstOrder: norm('normFirstOrder'),
    normHessianTerm: norm('normHessianTerm'),
  };
}
