/** Area of a linearly interpolated quantity over one step, its positive and negative parts apart. */
export interface SignedArea {
  positive: number;
  negative: number;
}

/**
 * Trapezoid area of a quantity going linearly from `a` to `b` over `width`, split into the part
 * above zero and the part below (both ≥ 0). When the signs differ the line crosses zero at
 * a / (a − b) of the step, so a charge→discharge reversal inside one step is not netted away.
 */
export function splitTrapezoid(a: number, b: number, width: number): SignedArea {
  if (a >= 0 && b >= 0) {
    return { positive: ((a + b) / 2) * width, negative: 0 };
  }
  if (a <= 0 && b <= 0) {
    return { positive: 0, negative: (-(a + b) / 2) * width };
  }
  const crossing = a / (a - b);
  const first = (Math.abs(a) * crossing * width) / 2;
  const second = (Math.abs(b) * (1 - crossing) * width) / 2;
  return a > 0 ? { positive: first, negative: second } : { positive: second, negative: first };
}
