/**
 * Gradient-based meta-reinforcement learning on an exact reverse-mode autodiff engine: tensors and
 * transforms, the network pieces a policy is built from, environments and their task families,
 * rollouts, and the meta-trainer with its algorithms. No Node API: it runs in Node, Deno, Bun,
 * browsers and workers.
 *
 * The public surface is this list; each layer's own index (`src/<layer>/index.ts`) also serves the
 * library's modules and tests and is not part of the package's API.
 *
 * @packageDocumentation
 */

// Tensors, autodiff transforms and ops.
export { Tensor, tensor, scalar, zeros, full, fromBuffer, type TensorData, type NestedNumbers, type Shape, sizeOf } from './autodiff/index.js';
export { withoutGraph, gradients, watch, stopGradient, type GradientOptions } from './autodiff/index.js';
export { grad, valueAndGrad, vjp, jvp, hvp, valueGradAndHvp, type Linearization } from './autodiff/index.js';
export type { ScalarFn } from './autodiff/transforms.js';
export { adapt, metaGradient, type AdaptOptions, type MetaGradient, type ParamLoss } from './autodiff/index.js';
export { compile, compileStaged, type CompileOptions, type Program, type StagedProgram, type Outputs } from './autodiff/index.js';
export { gradcheck, relativeError, type GradcheckOptions, type GradcheckResult } from './autodiff/index.js';
export { add, sub, mul, div, scaleBy, addScalar, neg, exp, log, sqrt, square, tanh, relu } from './autodiff/index.js';
export { sum, mean, sumRows, sumCols, expand, reshape, flatten, slice, pad, concat, matmul, dense, type Activation } from './autodiff/index.js';
export { logSoftmax, logSumExp, gather, scatter } from './autodiff/index.js';

// Network pieces a policy and its loss are composed of.
export { mlpLayout, mlpForward, initMlp, type MlpLayout, type LayerSlot, type HiddenActivation, type InitScheme } from './nn/index.js';
export * as categorical from './nn/categorical-api.js';
export { gaussianLayout, gaussianMean, gaussianLogStd, gaussianLogProb, gaussianEntropy, gaussianKl, sampleGaussian, type GaussianLayout } from './nn/index.js';
export { Adam, Sgd, type Optimizer, type AdamOptions, type AdamState, type SgdOptions, type SgdState } from './nn/index.js';
export { LinearFeatureBaseline, type LinearFeatureBaselineOptions } from './nn/index.js';
export { discountedReturns, gae, normalizeAdvantages, type Episodes } from './nn/index.js';
export { reinforceLoss, gaussianReinforceLoss, type PolicyBatch } from './nn/index.js';

// Seeded random numbers.
export { PCG64, SeedSequence, type Rng, type Entropy, type SeedSequenceOptions, type PCG64State } from './rng/index.js';

// Environments, task families and the registry.
export { boxSpace, discreteSpace, EMPTY_INFO, TimeLimit, type BoxSpace, type DiscreteSpace, type Space, type Info } from './envs/index.js';
export { type Env, type ResetArgs, type ResetResult, type StepResult } from './envs/index.js';
export { VectorEnv, type VectorAction, type VectorEnvOptions } from './envs/index.js';
export { defineTaskFamily, type TaskFamily, type TaskFamilySpec, type TaskParams, type TaskRanges, type Range, type ParamCheck } from './envs/index.js';
export { type ParamSpec, type ParamTable, type EnvFamily, type TasksOptions } from './envs/index.js';
export { envNames, getEnv, hasEnv, registerEnv, registeredEnvs, rewardThresholdOf, outcomesOf, tasksOf } from './envs/index.js';
export { INTERSECTION_OUTCOMES, LUNAR_LANDER_REWARD_THRESHOLD } from './envs/index.js';
export { CartPole, CARTPOLE_DEFAULTS, type CartPoleOptions, type CartPoleParams, type CartPoleResetOptions, type KinematicsIntegrator } from './envs/index.js';
export { cartPoleTasks, type CartPoleEnvOptions, type CartPoleTaskOptions, type CartPoleTaskParam, type DefaultCartPoleTaskParam } from './envs/index.js';
export { CartPoleGoal, cartPoleGoalTasks, evaluateGoalDriver, type CartPoleGoalOptions, type GoalDriverEvaluation } from './envs/index.js';
export { Intersection, INTERSECTION_DEFAULTS, INTERSECTION_PARAMS, intersectionTasks, type IntersectionInfo, type IntersectionOptions, type IntersectionOutcome } from './envs/index.js';
export { type IntersectionParam, type IntersectionParams, type IntersectionResetResult, type IntersectionStepResult, type OtherDecision } from './envs/index.js';
export { INTERSECTION_DRIVERS, alwaysGo, alwaysYield, oracle, evaluateDriver, type DriverEvaluation, type DriverEvaluationOptions, type IntersectionDriver } from './envs/index.js';
export { LunarLander, LUNAR_LANDER_DEFAULTS, lunarLanderHeuristic, type LunarLanderHeuristicOptions } from './envs/index.js';
export type { LunarLanderTerrain } from './envs/lunar-lander-scene.js';
export { type LunarLanderAction, type LunarLanderEndReason, type LunarLanderInfo, type LunarLanderOptions, type LunarLanderParam } from './envs/index.js';
export { type LunarLanderParams, type LunarLanderResetResult, type LunarLanderStepResult } from './envs/index.js';
export { lunarLanderTasks, lunarLanderContinuousTasks, lunarLanderWindTasks } from './envs/index.js';
export { IntersectionBimodal, INTERSECTION_BIMODAL_PARAMS, intersectionBimodalTasks, bimodalScene, bimodalOracle, bimodalWaitAndSee, bimodalGo, bimodalYield, evaluateBimodalDriver, type BimodalDriver, type BimodalDriverEvaluation, type BimodalParam, type BimodalParams, type BimodalScene, type IntersectionBimodalOptions } from './envs/index.js';
export { lunarLanderPadTasks, padHeuristic, evaluatePadDriver, type PadDriverEvaluation } from './envs/index.js';

// Rollouts, evaluation and plain policy-gradient training.
export { rollout, sampledActor, greedyActor, policyLogits, type Rollout, type RolloutOptions, type BatchedPolicy } from './rl/index.js';
export { initPolicy, mlpPolicyLayout } from './rl/index.js';
export type { Evaluation as PolicyEvaluation, EvaluationOptions as PolicyEvaluationOptions } from './rl/evaluate.js';
export { evaluatePolicy, evaluateOutcomes, type OutcomeOptions, type OutcomeEvaluation } from './rl/index.js';
export { ReinforceTrainer, type ReinforceTrainerOptions, type IterationStats } from './rl/index.js';

// Meta-training: config, algorithms, the trainer.
export { ALGORITHMS, ALGORITHM_SPECS, algorithmSpec, isAlgorithmName, type AlgorithmName, type AlgorithmSpec, type BaseAlgorithm } from './meta/index.js';
export { DEFAULT_CONFIG, ConfigError, resolveConfig, applyOverrides, type MetaConfig, type DirectedConfig, type TrpoConfig } from './meta/index.js';
export type { MetaConfigInput, PartialInput } from './meta/config.js';
export { MetaTrainer, type MetaTrainerOptions, type IterationLog, type EvaluationResult, type TrainerSnapshot } from './meta/index.js';
export { type Clock, type CostBucket, type MechanismLog, type TrpoLog, type CompileMode } from './meta/index.js';
export type { AdaptationEvaluation, ActionMode, ModeCurve, PolicyScore, SwapScore } from './meta/index.js';

// Checking gradients against a fixture, and the kernel backend.
export { parseFixture, FixtureError, type Fixture, type Batch as FixtureBatch, type Expected as FixtureExpected, type MetaExpected as FixtureMetaExpected } from './audit/fixture.js';
export { auditFixture, type AuditRow } from './audit/audit.js';
export { backend, setBackend, type Backend } from './kernels/backend.js';
export { enableGemmThreads, disableGemmThreads, gemmThreadsReady, HELPER_SOURCE, type GemmHelperInit, type StartHelper } from './kernels/gemm-threads.js';

// The rigid-body engine under LunarLander, as one namespace.
export * as physics from './physics/api.js';
export type { Rule } from './validation/schema.js';
export type { CriticConfig } from './meta/config.js';
export type { EntropyBonus } from './nn/reinforce.js';
