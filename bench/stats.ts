/** The median of a sample. */
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Half the range as a share of the median: how far apart the rounds were. */
export const spread = (xs: number[]): string => `±${((100 * (Math.max(...xs) - Math.min(...xs))) / 2 / median(xs)).toFixed(0)}%`;
