// The results page's summary: five lines between markers, generated with the page from the same
// logs, for the README to carry verbatim (a test checks that it does). Only complete grids are
// summarised; a partial one is named as left out.
import { CLAIMS, type ClaimResult, isClaimGroup } from './claims.js';
import type { ExperimentReport } from './experiment-report.js';
import { markdownText as md } from './markdown-escape.js';

export const SUMMARY_START = '<!-- results-summary:start -->';
export const SUMMARY_END = '<!-- results-summary:end -->';

export const SUMMARY_RULE = 'Each comparison is a Directed-X and its X in one experiment, env and variant; it counts as supporting a claim when at least one of the claim\'s measures is supported there (after Holm) and none contradicted, as contradicting it the other way round, as mixed with both';

/** The text between the markers (without them, trimmed), or null when they are missing or out of order. */
export function summaryBlock(text: string): string | null {
  const start = text.indexOf(SUMMARY_START);
  const end = text.indexOf(SUMMARY_END);
  if (start < 0 || end < start) return null;
  return text.slice(start + SUMMARY_START.length, end).trim();
}

type Outcome = 'supported' | 'contradicted' | 'mixed' | 'neither';

function outcomeOf(results: readonly ClaimResult[]): Outcome {
  const s = results.some((r) => r.verdict === 'supported');
  const c = results.some((r) => r.verdict === 'contradicted');
  return s && c ? 'mixed' : s ? 'supported' : c ? 'contradicted' : 'neither';
}

/** "env algo", with the experiment when several are summarised and the variant when not "default". */
function comparisonName(experiment: string, r: ClaimResult, several: boolean): string {
  const variant = r.variant === 'default' ? '' : ` [${md(r.variant)}]`;
  return `${several ? `${md(experiment)} ` : ''}${md(r.env)} ${md(r.base)}${variant}`;
}

function claimLine(claim: (typeof CLAIMS)[number], complete: readonly ExperimentReport[]): string {
  if (complete.length === 0) return `- **${claim.id}** ${claim.statement}: not testable yet, no complete grid.`;
  const several = complete.length > 1;
  const byComparison = new Map<string, ClaimResult[]>();
  for (const e of complete) {
    for (const r of e.claims.filter((c) => c.claim.id === claim.id)) {
      const name = comparisonName(e.input.name, r, several);
      byComparison.set(name, [...(byComparison.get(name) ?? []), r]);
    }
  }
  const outcomes = [...byComparison].map(([name, results]) => ({ name, outcome: outcomeOf(results) }));
  const named = (o: Outcome): string => {
    const names = outcomes.filter((x) => x.outcome === o).map((x) => x.name);
    return names.length === 0 ? `${o} in none` : `${o} in ${names.length} (${names.join(', ')})`;
  };
  const neither = outcomes.filter((x) => x.outcome === 'neither').length;
  return `- **${claim.id}** ${claim.statement}: of ${outcomes.length} comparison${outcomes.length === 1 ? '' : 's'}, ${named('supported')}, ${named('contradicted')}${outcomes.some((x) => x.outcome === 'mixed') ? `, ${named('mixed')}` : ''}; ${neither} neither.`;
}

function mechanismPart(complete: readonly ExperimentReport[]): string {
  // The controls' probes are in the mechanism table, but the summary is about Directed-X.
  const rows = complete.flatMap((e) => e.mechanism.filter((r) => r.cosine.key === 'cosHessianTerm' && isClaimGroup(r.group)).map((r) => ({ e, r })));
  if (rows.length === 0) return 'no run logged the mechanism';
  const several = complete.length > 1;
  const name = (x: (typeof rows)[number]): string => `${several ? `${md(x.e.input.name)} ` : ''}${md(x.r.group.env)} ${md(x.r.group.algo)}${x.r.group.variant === 'default' ? '' : ` [${md(x.r.group.variant)}]`}`;
  const supported = rows.filter((x) => x.r.verdict === 'supported').map(name);
  const contradicted = rows.filter((x) => x.r.verdict === 'contradicted').map(name);
  const list = (names: string[]): string => (names.length === 0 ? 'none' : `${names.length} (${names.join(', ')})`);
  return `the directed gradient points along MAML's second-order part (the mechanism) in ${list(supported)} of ${rows.length} directed groups, against it in ${list(contradicted)}`;
}

/** The five lines, without the markers. */
export function summaryLines(experiments: readonly ExperimentReport[]): string[] {
  const complete = experiments.filter((e) => !e.partial);
  const partial = experiments.filter((e) => e.partial).map((e) => `${md(e.input.name)} (${e.input.runs.length} of ${e.input.runs.length + e.input.unfinished.length} runs)`);
  const scope = complete.length === 0 ? 'No complete grid' : `From the complete grids ${complete.map((e) => md(e.input.name)).join(', ')}`;
  const left = partial.length === 0 ? '' : `, partial grids left out: ${partial.join(', ')}`;
  // A partial grid's verdicts may still change, so none of them is summarised, the mechanism's neither.
  const mechanism = complete.length === 0 ? '' : `; ${mechanismPart(complete)}`;
  return [
    `- ${scope}${left}${mechanism}.`,
    ...CLAIMS.map((c) => claimLine(c, complete)),
  ];
}
