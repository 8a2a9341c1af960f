// Holm-Bonferroni over one family of p-values (an experiment's claims table): the i-th smallest
// of m is multiplied by m - i + 1, capped at 1, and made non-decreasing in that order; a claim is
// significant at level 0.05 when its adjusted value is below 0.05, which keeps the chance of any
// false "supported" or "contradicted" in the family at or below 0.05.

/** Adjusted p-values, in the order given (ties keep their order). */
export function holmAdjusted(p: readonly number[]): number[] {
  const m = p.length;
  const order = p.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(([v, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * v));
    adjusted[i] = running;
  });
  return adjusted;
}
