export * from './env.js';
export { CARTPOLE_DEFAULTS, CartPole, type CartPoleOptions, type CartPoleParams, type CartPoleResetOptions, type KinematicsIntegrator } from './cartpole.js';
export { VectorEnv, type VectorEnvOptions } from './vector-env.js';
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
export {
  CARTPOLE_TASK_RANGES,
  cartPoleTasks,
  type CartPoleEnvOptions,
  type CartPoleTaskOptions,
  type CartPoleTaskParam,
  type DefaultCartPoleTaskParam,
} from './cartpole-tasks.js';
