export { rollout, type Rollout, type RolloutOptions, type BatchedPolicy } from './rollout.js';
export { policyLogits, sampledActor, greedyActor } from './policy.js';
export { INITIAL_STD, checkPolicyFits, initPolicy, mlpPolicyLayout } from './policy-layout.js';
export { computeAdvantages, toPolicyBatch, type AdvantageOptions, type ValueBaseline, type EpisodeBatch } from './batch.js';
export { samplePolicyGradientBatch, reinforceObjective, reinforceGradient, type PolicyGradientOptions, type PolicyGradientBatch, type BatchStats } from './policy-gradient.js';
export { evaluatePolicy } from './evaluate.js';
export { ReinforceTrainer, type ReinforceTrainerOptions, type IterationStats } from './reinforce-trainer.js';
export { evaluateOutcomes, type OutcomeOptions, type OutcomeEvaluation } from './outcomes.js';
