/**
 * An ordinary least-squares line y = intercept + slope·x, with what is needed to judge it.
 * `slopeStdErr` and `residualVariance` need n ≥ 3 (n − 2 degrees of freedom) and are `null` below.
 * `rSquared` is `null` when y does not vary at all (nothing to explain).
 */
export interface LineFit {
  n: number;
  slope: number;
  intercept: number;
  meanX: number;
  meanY: number;
  residualVariance: number | null;
  slopeStdErr: number | null;
  rSquared: number | null;
}

/**
 * Least-squares fit of `ys` on `xs` (same length). Returns `null` when fewer than two points or
 * when every x is equal, since then no slope exists. Sums are taken about the means so large x
 * (epoch-based) values do not lose precision.
 */
export function fitLine(xs: readonly number[], ys: readonly number[]): LineFit | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) {
    return null;
  }
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += xs[i]! / n;
    meanY += ys[i]! / n;
  }
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - meanX;
    const dy = ys[i]! - meanY;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) {
    return null;
  }
  const slope = sxy / sxx;
  // Residuals summed directly rather than as syy − slope·sxy, which cancels badly on a near-perfect fit.
  let ssr = 0;
  for (let i = 0; i < n; i++) {
    const residual = ys[i]! - meanY - slope * (xs[i]! - meanX);
    ssr += residual * residual;
  }
  const residualVariance = n > 2 ? ssr / (n - 2) : null;
  return {
    n,
    slope,
    intercept: meanY - slope * meanX,
    meanX,
    meanY,
    residualVariance,
    slopeStdErr: residualVariance === null ? null : Math.sqrt(residualVariance / sxx),
    rSquared: syy === 0 ? null : 1 - ssr / syy,
  };
}
