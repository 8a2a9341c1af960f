// b2TimeStep and b2SolverData (Dynamics/b2TimeStep.h): what the island hands its constraint solvers.

export class TimeStep {
  dt = 0;
  invDt = 0;
  /** dt / previous dt: scales warm-start impulses (0 on a world's first step). */
  dtRatio = 0;
  velocityIterations = 0;
  positionIterations = 0;
  warmStarting = true;
}

/**
 * Island body state as flat arrays, body i at [3i, 3i+2]: positions hold the centre of mass and
 * angle (cx, cy, a), velocities (vx, vy, ω).
 */
export interface SolverData {
  step: TimeStep;
  positions: Float64Array;
  velocities: Float64Array;
}
