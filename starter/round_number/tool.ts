type RoundingMode = 'nearest' | 'half_even' | 'up' | 'down' | 'truncate';
const MODES: readonly RoundingMode[] = ['nearest', 'half_even', 'up', 'down', 'truncate'];

export function round_number({ value, decimals = 0, mode = 'nearest' }: { value: number; decimals?: number; mode?: RoundingMode }): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`value must be a finite number, got ${String(value)}`);
  if (!Number.isInteger(decimals) || decimals < -15 || decimals > 15) {
    throw new Error(`decimals must be a whole number from -15 to 15, got ${String(decimals)}`);
  }
  if (!MODES.includes(mode)) throw new Error(`mode must be one of ${MODES.join(', ')}; got ${JSON.stringify(mode)}`);
  const factor = 10 ** Math.abs(decimals);
  const raw = decimals >= 0 ? value * factor : value / factor;
  // 1.005 * 100 is 100.49999999999999 in binary; 15 significant digits recovers the decimal 100.5 the user typed.
  const scaled = Number(raw.toPrecision(15));
  const rounded = roundInteger(scaled, mode);
  const result = decimals >= 0 ? rounded / factor : rounded * factor;
  return result === 0 ? 0 : result;
}

function roundInteger(x: number, mode: RoundingMode): number {
  switch (mode) {
    case 'up':
      return Math.ceil(x);
    case 'down':
      return Math.floor(x);
    case 'truncate':
      return Math.trunc(x);
    case 'half_even': {
      const floor = Math.floor(x);
      const diff = x - floor;
      if (diff < 0.5) return floor;
      if (diff > 0.5) return floor + 1;
      return floor % 2 === 0 ? floor : floor + 1;
    }
    case 'nearest':
      return Math.sign(x) * Math.round(Math.abs(x));
  }
}
