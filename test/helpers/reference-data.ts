import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, wherever it was cloned. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Where each folder of the project's reference data lives in the repository: copies of the shared
 * reference folders, byte for byte (test/data/README.md says where each came from).
 */
export const dataFolders = {
  fixtures: 'test/data/fixtures',
  reference: 'test/data/reference',
  specs: 'docs/specs',
  bench: 'bench/torch',
} as const;

export type DataFolder = keyof typeof dataFolders;

export function dataPath(folder: DataFolder, ...parts: string[]): string {
  const path = join(repoRoot, dataFolders[folder], ...parts);
  if (!existsSync(path)) throw new Error(`missing reference data: ${path}`);
  return path;
}

export function readDataJson(folder: DataFolder, ...parts: string[]): unknown {
  return JSON.parse(readFileSync(dataPath(folder, ...parts), 'utf8'));
}

export function listData(folder: DataFolder, ...parts: string[]): string[] {
  return readdirSync(dataPath(folder, ...parts));
}
