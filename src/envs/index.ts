export * from './env.js';
export { CARTPOLE_DEFAULTS, CARTPOLE_PARAMS, CartPole, type CartPoleOptions, type CartPoleParams, type CartPoleResetOptions, type KinematicsIntegrator } from './cartpole.js';
export { VectorEnv, type VectorAction, type VectorEnvOptions } from './vector-env.js';
export {
  FINITE,
  NON_NEGATIVE,
  POSITIVE,
  defineTaskFamily,
  type ParamCheck,
  type Range,
  type TaskFamily,
  type TaskFamilySpec,
  type TaskParams,
  type TaskRanges,
} from './task-family.js';
export { describeRange, inRange, paramCheck, paramDefaults, type ParamSpec, type ParamTable } from './params.js';
export { tasksOf, type EnvFamily, type TasksOptions } from './env-family.js';
export { envNames, getEnv, hasEnv, outcomesOf, registerEnv, registeredEnvs, rewardThresholdOf } from './registry.js';
export {
  CARTPOLE_FAMILY,
  CARTPOLE_TASK_RANGES,
  cartPoleTasks,
  type CartPoleEnvOptions,
  type CartPoleTaskOptions,
  type CartPoleTaskParam,
  type DefaultCartPoleTaskParam,
} from './cartpole-tasks.js';
export { CARTPOLE_GOAL_FAMILY, CARTPOLE_GOAL_PARAMS, CARTPOLE_GOAL_TASK_RANGES, CartPoleGoal, cartPoleGoalTasks, type CartPoleGoalOptions } from './cartpole-goal.js';
export { GOAL_FEEDBACK_GAINS, evaluateGoalDriver, goalFeedback, type GoalDriverEvaluation } from './cartpole-goal-drivers.js';
export {
  COLLISION,
  INTERSECTION_DEFAULTS,
  INTERSECTION_OUTCOMES,
  INTERSECTION_PARAMS,
  INTERSECTION_TASK_RANGES,
  Intersection,
  OTHER_WENT,
  SUCCESS,
  advanceIntersection,
  clearedZone,
  egoAcceleration,
  inZone,
  intersectionReward,
  type IntersectionInfo,
  type IntersectionOptions,
  type IntersectionOutcome,
  type IntersectionParam,
  type IntersectionParams,
  type IntersectionResetResult,
  type IntersectionStepResult,
  type OtherDecision,
} from './intersection.js';
export {
  INTERSECTION_DRIVERS,
  ORACLE_MAX_PREFIX,
  alwaysGo,
  alwaysYield,
  evaluateDriver,
  oracle,
  oraclePlanReturn,
  ROBUST_HYPOTHESES,
  robustPlanner,
  type DriverEvaluation,
  type DriverEvaluationOptions,
  type IntersectionDriver,
} from './intersection-drivers.js';
export { INTERSECTION_FAMILY, intersectionTasks } from './intersection-tasks.js';
export {
  INTERSECTION_BIMODAL_DEFAULTS,
  INTERSECTION_BIMODAL_FAMILY,
  INTERSECTION_BIMODAL_MAX_STEPS,
  INTERSECTION_BIMODAL_PARAMS,
  INTERSECTION_BIMODAL_START,
  INTERSECTION_BIMODAL_TASK_RANGES,
  IntersectionBimodal,
  bimodalReward,
  bimodalScene,
  intersectionBimodalTasks,
  otherStart,
  otherVisible,
  slotSpeed,
  type BimodalParam,
  type BimodalParams,
  type BimodalScene,
  type IntersectionBimodalOptions,
} from './intersection-bimodal.js';
export {
  bimodalGo,
  bimodalOracle,
  bimodalWaitAndSee,
  bimodalYield,
  evaluateBimodalDriver,
  hiddenHypotheses,
  type BimodalDriver,
  type BimodalDriverEvaluation,
} from './intersection-bimodal-drivers.js';
export {
  LUNAR_LANDER_DEFAULTS,
  LUNAR_LANDER_PARAMS,
  LunarLander,
  type LunarLanderAction,
  type LunarLanderEndReason,
  type LunarLanderInfo,
  type LunarLanderOptions,
  type LunarLanderParam,
  type LunarLanderParams,
  type LunarLanderResetResult,
  type LunarLanderStepResult,
} from './lunar-lander.js';
export { lunarLanderHeuristic, type LunarLanderHeuristicOptions } from './lunar-lander-heuristic.js';
export { LUNAR_LANDER_PAD_FAMILY, LUNAR_LANDER_PAD_PARAMS, LUNAR_LANDER_PAD_TASK_RANGES, lunarLanderPadTasks } from './lunar-lander-pad.js';
export { evaluatePadDriver, padHeuristic, type PadDriverEvaluation } from './lunar-lander-pad-drivers.js';
export { LunarLanderScene, PAD_HALF_WIDTH, drawTerrain, type LunarLanderTerrain } from './lunar-lander-scene.js';
export {
  LUNAR_LANDER_CONTINUOUS_FAMILY,
  LUNAR_LANDER_FAMILY,
  LUNAR_LANDER_REWARD_THRESHOLD,
  LUNAR_LANDER_TASK_RANGES,
  LUNAR_LANDER_WIND_FAMILY,
  LUNAR_LANDER_WIND_TASK_RANGES,
  lunarLanderContinuousTasks,
  lunarLanderTasks,
  lunarLanderWindTasks,
} from './lunar-lander-tasks.js';
