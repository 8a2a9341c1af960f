import type { MetaConfig } from '../meta/config.js';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function differingKey(saved: unknown, wanted: unknown, path: string): string | null {
  if (isRecord(saved) && isRecord(wanted)) {
    for (const key of [...new Set([...Object.keys(saved), ...Object.keys(wanted)])].sort()) {
      const found = differingKey(saved[key], wanted[key], path === '' ? key : `${path}.${key}`);
      if (found !== null) return found;
    }
    return null;
  }
  return JSON.stringify(saved) === JSON.stringify(wanted) ? null : path;
}

/** The first key where two configs differ, as `key is X in the saved run, Y here`, or null when equal. */
export function firstDifference(saved: MetaConfig, wanted: MetaConfig): string | null {
  const key = differingKey(saved, wanted, '');
  if (key === null) return null;
  const value = (config: MetaConfig): string => JSON.stringify(key.split('.').reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), config)) ?? 'unset';
  return `${key} is ${value(saved)} in the saved run, ${value(wanted)} here`;
}
