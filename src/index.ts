export * from './autodiff/index.js';
export * from './nn/index.js';
export * from './rng/index.js';
export * from './envs/index.js';
export * from './rl/index.js';
export * from './meta/index.js';
export * as physics from './physics/index.js';
export { parseFixture, FixtureError, type Fixture } from './audit/fixture.js';
export { auditFixture, type AuditRow } from './audit/audit.js';
