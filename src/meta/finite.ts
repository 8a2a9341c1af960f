/**
 * A diverged step names itself instead of handing NaN to the optimiser. The trainer is then
 * unusable (a directed step may already have moved theta); the last checkpoint is intact.
 */
export function checkFiniteGradient(iteration: number, what: string, g: Float64Array, lossBefore: number, lossAfter: number): void {
  for (let i = 0; i < g.length; i++) {
    if (!Number.isFinite(g[i])) {
      throw new Error(`iteration ${iteration}: the ${what} is not finite (entry ${i} is ${g[i]}; mean losses before/after adaptation ${lossBefore}, ${lossAfter}), expected finite values: lower innerLr or outerLr`);
    }
  }
}
