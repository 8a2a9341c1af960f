export { ALGORITHM_SPECS, algorithmSpec, isAlgorithmName, type AlgorithmSpec, type BaseAlgorithm } from './algorithms.js';
export {
  ALGORITHMS,
  ConfigError,
  DEFAULT_CONFIG,
  applyOverrides,
  resolveConfig,
  taskFamily,
  type AlgorithmName,
  type DirectedConfig,
  type MetaConfig,
} from './config.js';
export { CostMeter, defaultClock, type Clock, type CostBucket } from './costs.js';
export {
  directedPhase,
  directedRate,
  directedStep,
  estimateMediumTask,
  isScheduled,
  pooledStep,
  type DirectedPhase,
  type DirectedPhaseArgs,
  type DirectedStepResult,
  type DirectedUpdate,
} from './directed.js';
export { cosine, meanGradients, mechanismGradients, mechanismLog, type MechanismGradients, type MechanismLog } from './mechanism.js';
export {
  MIN_EVAL_STEPS,
  assessAdaptation,
  evaluationSteps,
  heldOutAdaptation,
  type ActionMode,
  type AdaptationEvaluation,
  type AdaptationProblem,
  type HeldOutArgs,
  type ModeCurve,
  type PolicyScore,
} from './adaptation-eval.js';
export { swapTest, type SwapScore } from './swap-test.js';
export { Adaptation, innerStep, type HessianProduct } from './adaptation.js';
export { lossAndGrad, surrogate, taskMetaGradient, type MetaGradientMode, type TaskMetaGradient, type TaskMetaGradientOptions } from './inner-loop.js';
export { STREAM, TaskSampler, TaskStreams, batchFloats, seedSequence, streamRng, type SampledBatch, type SamplerOptions } from './sampling.js';
export { SurrogatePrograms, type CompileMode, type SurrogateProgramsOptions } from './programs.js';
export { MetaTrainer, type EvaluationResult, type IterationLog, type MetaTrainerOptions } from './trainer.js';
export type { TrainerSnapshot } from './snapshot.js';
export { TaskRunner, policyLayout, type TaskCost, type TaskJob, type TaskOutcome, type TaskPool } from './task-runner.js';
export { trpoStep, type TrpoLog, type TrpoStep, type TrpoStepArgs } from './trpo.js';
export { CG_RESIDUAL_TOLERANCE, ConjugateGradient, type ConjugateGradientResult, type MatVec } from './conjugate-gradient.js';
export type { TrpoConfig } from './config.js';
