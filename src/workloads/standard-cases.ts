/**
 * The standard autodiff workloads, shipped with the package so that `metarl bench` runs anywhere.
 * They are the workloads of the project's reference file bench/torch/cases.json (a test keeps
 * them equal); its PyTorch timings, measured once on another machine, are not shipped.
 */
export interface BenchCase {
  readonly name: string;
  /** MLP layer sizes: observations, hidden widths (tanh), actions. */
  readonly dims: readonly number[];
  /** Rows of the train batch and of the test batch. */
  readonly states: number;
}

export interface BenchCases {
  /** Inner step size of the maml and fomaml ops. */
  readonly alpha: number;
  readonly cases: readonly BenchCase[];
}

export const STANDARD_CASES: BenchCases = {
  alpha: 0.1,
  cases: [
    { name: 'cartpole-32x32-b200', dims: [4, 32, 32, 2], states: 200 },
    { name: 'cartpole-64x64-b2000', dims: [4, 64, 64, 2], states: 2000 },
    { name: 'lander-64x64-b4000', dims: [8, 64, 64, 4], states: 4000 },
  ],
};
