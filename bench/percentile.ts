/** The p-quantile (0..1) of `values` by the nearest-rank method on a sorted copy; NaN if empty. */
export function percentile(values: readonly number[], p: number): number {
  return [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? NaN;
}
