// What every figure of the page draws a group with: its base algorithm's colour, shared by its
// directed variant, X dashed (a light bar) and Directed-X solid; and its label.
import { baseName, isDirectedName } from './claims.js';
import type { RunGroup } from './groups.js';

const COLORS: Readonly<Record<string, string>> = { maml: '#1f77b4', fomaml: '#d62728', metasgd: '#2ca02c', multitask: '#9467bd' };

export const colorOf = (algo: string): string | undefined => COLORS[baseName(algo)];

export const dashedFor = (algo: string): boolean => !isDirectedName(algo);

export const hasVariants = (groups: readonly RunGroup[]): boolean => new Set(groups.map((g) => g.variant)).size > 1;

/**
 * A group's colour in a figure of groups of several variants on one plot: none, so the chart picks
 * one per line (a variant and its base's colour would draw two lines alike); else its base's.
 */
export const groupColor = (g: RunGroup, variants: boolean): string | undefined => (variants ? undefined : colorOf(g.algo));

/** The algorithm, with the variant in brackets when the figure shows several. */
export const groupLabel = (g: RunGroup, variants: boolean): string => (variants ? `${g.algo} [${g.variant}]` : g.algo);
