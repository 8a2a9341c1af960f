/**
 * The meta-learning algorithms, as data: each name maps to the properties the trainer, the task
 * runner, TRPO and the report read, so that no code parses a name. A Directed- variant is its base
 * algorithm with the directed phase before the meta-update (directed.ts).
 */

/** The algorithms the others build on, and the multi-task control. */
export type BaseAlgorithm = 'maml' | 'fomaml' | 'metasgd' | 'multitask';

export interface AlgorithmSpec {
  /** The algorithm without the directed phase: itself for a base algorithm. */
  readonly base: BaseAlgorithm;
  /** The meta-gradient treats the inner gradients as constants (J = I); else exact through the K steps. */
  readonly firstOrder: boolean;
  /** Meta-SGD's per-parameter inner rates alpha_vec are learned beside theta. */
  readonly learnsRates: boolean;
  /** The directed phase runs before the inner loops. */
  readonly directed: boolean;
  /**
   * Training adapts through K inner steps before the meta-gradient; false: the policy gradient at
   * theta itself, one batch per task (the multi-task control). Evaluation adapts K steps either way.
   */
  readonly innerLoop: boolean;
}

const MAML: AlgorithmSpec = { base: 'maml', firstOrder: false, learnsRates: false, directed: false, innerLoop: true };
const FOMAML: AlgorithmSpec = { base: 'fomaml', firstOrder: true, learnsRates: false, directed: false, innerLoop: true };
const METASGD: AlgorithmSpec = { base: 'metasgd', firstOrder: false, learnsRates: true, directed: false, innerLoop: true };
/** "Pretrain, then fine-tune": the pooled meta-batch's policy gradient, no inner loop (nothing to differentiate through). */
const MULTITASK: AlgorithmSpec = { base: 'multitask', firstOrder: true, learnsRates: false, directed: false, innerLoop: false };

/** Every algorithm, in the order the CLI and the docs list them. */
export const ALGORITHM_SPECS = Object.freeze({
  maml: MAML,
  fomaml: FOMAML,
  metasgd: METASGD,
  'directed-maml': { ...MAML, directed: true },
  'directed-fomaml': { ...FOMAML, directed: true },
  'directed-metasgd': { ...METASGD, directed: true },
  multitask: MULTITASK,
} as const satisfies Record<string, AlgorithmSpec>);

export type AlgorithmName = keyof typeof ALGORITHM_SPECS;

export const ALGORITHMS: readonly AlgorithmName[] = Object.freeze(Object.keys(ALGORITHM_SPECS) as AlgorithmName[]);

export function isAlgorithmName(name: string): name is AlgorithmName {
  return Object.hasOwn(ALGORITHM_SPECS, name);
}

export function algorithmSpec(name: AlgorithmName): AlgorithmSpec {
  return ALGORITHM_SPECS[name];
}
