export * from './autodiff/index.js';
export { mlpLayout, mlpForward, type MlpLayout, type LayerSlot, type HiddenActivation } from './nn/mlp.js';
export { reinforceLoss, type PolicyBatch } from './nn/reinforce.js';
export { parseFixture, FixtureError, type Fixture } from './audit/fixture.js';
export { auditFixture, type AuditRow } from './audit/audit.js';
