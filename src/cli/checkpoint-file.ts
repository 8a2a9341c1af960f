// checkpoint.json: the trainer's snapshot (with its own checksum) and the running checksum of the
// run's log up to the snapshot's iteration, which resume checks the log against.
import { badValue, isPlainObject } from '../validation/values.js';

const CHECKSUM = /^fnv1a64:[0-9a-f]{16}$/;

export function checkpointText(snapshot: object, logChecksum: string): string {
  return JSON.stringify({ ...snapshot, logChecksum });
}

/**
 * The snapshot a checkpoint holds and its log checksum; null for a checkpoint written before
 * checkpoints carried one. A malformed checksum throws an Error naming the field.
 */
export function splitCheckpoint(content: unknown): { snapshot: unknown; logChecksum: string | null } {
  if (!isPlainObject(content) || !Object.hasOwn(content, 'logChecksum')) return { snapshot: content, logChecksum: null };
  const { logChecksum, ...snapshot } = content;
  if (typeof logChecksum !== 'string' || !CHECKSUM.test(logChecksum)) throw new Error(badValue('checkpoint.logChecksum', logChecksum, '"fnv1a64:" and 16 hex digits'));
  return { snapshot, logChecksum };
}
