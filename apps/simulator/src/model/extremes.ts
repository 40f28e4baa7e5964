/**
 * Largest and smallest value with their 0-based positions (first occurrence wins). NaN
 * entries (a module that does not report) are skipped but keep their positions; with no
 * value at all the result is 0 at position 0.
 */
export function extremes(values: readonly number[]): {
  max: number;
  min: number;
  maxNo: number;
  minNo: number;
} {
  let maxNo = -1;
  let minNo = -1;
  values.forEach((v, i) => {
    if (Number.isNaN(v)) {
      return;
    }
    if (maxNo < 0 || v > (values[maxNo] ?? v)) {
      maxNo = i;
    }
    if (minNo < 0 || v < (values[minNo] ?? v)) {
      minNo = i;
    }
  });
  return {
    max: maxNo < 0 ? 0 : (values[maxNo] ?? 0),
    min: minNo < 0 ? 0 : (values[minNo] ?? 0),
    maxNo: Math.max(0, maxNo),
    minNo: Math.max(0, minNo),
  };
}
