import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** ../shared beside the repo root; a test that needs it fails loudly when it is missing. */
export const sharedDir = resolve(process.cwd(), '../shared');

export function sharedPath(...parts: string[]): string {
  const path = resolve(sharedDir, ...parts);
  if (!existsSync(path)) throw new Error(`missing reference data: ${path} (tests read ../shared beside the repo root)`);
  return path;
}

export function readSharedJson(...parts: string[]): unknown {
  return JSON.parse(readFileSync(sharedPath(...parts), 'utf8'));
}

export function listShared(...parts: string[]): string[] {
  return readdirSync(sharedPath(...parts));
}
