// The controls beside each Directed-X (docs/directed-maml.md): X itself, the directed step on a
// random task (directed.estimator "random"), the same step on the pooled meta-batch ("pooled"), and
// multitask (pretrain, then fine-tune). Each is compared with Directed-X on the final
// post-adaptation held-out return, by Welch's test, Holm-adjusted over the experiment's controls.
import { canonicalJson } from '../meta/checksum.js';
import { baseGroup, baseName, isClaimGroup, SIGNIFICANCE } from './claims.js';
import type { RunGroup } from './groups.js';
import { type ControlKind, estimatorControl } from './control-kind.js';
import { holmAdjusted } from './multiplicity.js';
import { type WelchTest, welchTest } from './statistics.js';


export type ControlVerdict = 'Directed-X ahead' | 'control ahead' | 'not distinguished' | 'not testable';

export const CONTROLS_RULE = 'Each control is compared with its Directed-X on the final post-adaptation held-out return (eval.json) by Welch\'s two-sided t-test over seeds (the interval is of mean(Directed-X) - mean(control)); the p-values of all the controls of the experiment are Holm-adjusted together (as the claims are, in a family of their own). '
  + `"Directed-X ahead" if the adjusted p is below ${SIGNIFICANCE} and the difference is positive, "control ahead" if below and negative, "not distinguished" otherwise; "not testable" with fewer than two runs a side. `
  + 'The random-task control takes the directed step on a task drawn at random: if it is not behind, the medium task is not what helps. The pooled-step control takes the same step on the whole meta-batch: if it is not behind, a larger first-order step explains the effect. Multitask pretrains on the pooled tasks with no inner loop and is fine-tuned with the same inner steps: if it is not behind, meta-learning is not what helps. '
  + 'X is listed for reference; Directed-X against X is claim C2 of the claims table';

/** The `directed` section apart from its estimator: a control differs from its Directed-X by the estimator alone. */
function directedApartFromEstimator(g: RunGroup): string {
  const d = g.runs[0].run.config.directed;
  if (typeof d !== 'object' || d === null) return canonicalJson(null);
  const { estimator: _estimator, ...rest } = d as Record<string, unknown>;
  return canonicalJson(rest);
}

export interface ControlComparison {
  readonly kind: ControlKind;
  readonly group: RunGroup | null;
  readonly test: WelchTest | null;
  readonly p: number | null;
  readonly adjusted: number | null;
  readonly verdict: ControlVerdict;
}

export interface ControlsTable {
  readonly env: string;
  readonly base: string;
  readonly directed: RunGroup;
  readonly x: RunGroup | null;
  readonly controls: readonly ControlComparison[];
}

const KINDS: readonly ControlKind[] = ['random-task', 'pooled-step', 'multitask'];

/** The same variant's group where there is one, else the first. */
const preferVariant = (matching: readonly RunGroup[], variant: string): RunGroup | null => matching.find((g) => g.variant === variant) ?? matching[0] ?? null;

function controlGroup(kind: ControlKind, directed: RunGroup, groups: readonly RunGroup[]): RunGroup | null {
  const sameSetting = groups.filter((g) => g.env === directed.env && g.configKey === directed.configKey);
  if (kind === 'multitask') return preferVariant(sameSetting.filter((g) => g.algo === 'multitask'), directed.variant);
  const own = directedApartFromEstimator(directed);
  return preferVariant(sameSetting.filter((g) => g.algo === directed.algo && estimatorControl(g) === kind && directedApartFromEstimator(g) === own), directed.variant);
}

const finals = (g: RunGroup): number[] => g.runs.map((m) => m.finalAfter);

function verdictOf(test: WelchTest | null, adjusted: number | null): ControlVerdict {
  if (test === null || adjusted === null) return 'not testable';
  if (!(adjusted < SIGNIFICANCE) || test.difference === 0) return 'not distinguished';
  return test.difference > 0 ? 'Directed-X ahead' : 'control ahead';
}

/**
 * A table for every Directed-X group that is not itself a control and has at least one control
 * beside it, in the order of `groups`; the tests Holm-adjusted over all of them.
 */
export function controlsTables(groups: readonly RunGroup[]): ControlsTable[] {
  const drafts = groups
    .filter(isClaimGroup)
    .map((directed) => ({
      directed,
      x: baseGroup(directed, groups) ?? null,
      controls: KINDS.map((kind) => {
        const group = controlGroup(kind, directed, groups);
        return { kind, group, test: group === null ? null : welchTest(finals(directed), finals(group)) };
      }),
    }))
    .filter((t) => t.controls.some((c) => c.group !== null));
  const tested = drafts.flatMap((t) => t.controls.filter((c) => c.test !== null));
  const adjusted = holmAdjusted(tested.map((c) => (c.test as WelchTest).p));
  const adjustedOf = new Map(tested.map((c, i) => [c, adjusted[i]]));
  return drafts.map((t) => ({
    env: t.directed.env,
    base: baseName(t.directed.algo),
    directed: t.directed,
    x: t.x,
    controls: t.controls.map((c) => {
      const a = adjustedOf.get(c) ?? null;
      return { ...c, p: c.test === null ? null : c.test.p, adjusted: a, verdict: verdictOf(c.test, a) };
    }),
  }));
}
