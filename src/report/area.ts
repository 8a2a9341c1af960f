// The area under a learning curve up to a budget, as the mean return over that budget: the
// trapezoid rule over the points (x, y), the first point's y held back to x = 0 (nothing is
// evaluated before it), the curve interpolated linearly at the budget. Divided by the budget, so
// runs compared at one budget give comparable numbers in the return's own unit.

/** Mean of y over [0, budget]; `points` sorted by x, x >= 0, budget in (0, last x]. */
export function meanOverBudget(points: readonly (readonly [number, number])[], budget: number): number {
  if (points.length === 0 || !(budget > 0) || budget > points[points.length - 1][0]) throw new Error(`budget is ${budget}, expected a number in (0, the last x]`);
  let area = Math.min(points[0][0], budget) * points[0][1];
  for (let i = 1; i < points.length && points[i - 1][0] < budget; i++) {
    const [x0, y0] = points[i - 1];
    const [x1, y1] = points[i];
    const x = Math.min(x1, budget);
    const y = x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    area += ((y0 + y) / 2) * (x - x0);
  }
  return area / budget;
}
