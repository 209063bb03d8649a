export interface PercentageChange {
  percent_change: number;
  absolute_change: number;
  direction: 'increase' | 'decrease' | 'no change';
}

export function percentage_change({ from, to }: { from: number; to: number }): PercentageChange {
  requireFiniteNumber('from', from);
  requireFiniteNumber('to', to);
  const absolute = clean(to - from);
  const direction = absolute > 0 ? 'increase' : absolute < 0 ? 'decrease' : 'no change';
  if (from === 0) {
    if (absolute === 0) return { percent_change: 0, absolute_change: 0, direction };
    throw new Error('percentage change from 0 is undefined (any change from zero is infinitely large); use a non-zero starting value');
  }
  // Dividing by |from| keeps the sign meaning "went up" even when the starting value is negative.
  return { percent_change: clean((absolute / Math.abs(from)) * 100), absolute_change: absolute, direction };
}

function clean(x: number): number {
  const cleaned = Number(x.toPrecision(15));
  return cleaned === 0 ? 0 : cleaned;
}

function requireFiniteNumber(name: string, input: unknown): void {
  if (typeof input !== 'number' || !Number.isFinite(input)) {
    throw new Error(`${name} must be a finite number, got ${JSON.stringify(input) ?? String(input)}`);
  }
}
