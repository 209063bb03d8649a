export interface FormattedDuration {
  compact: string;
  words: string;
  clock: string;
  iso8601: string;
  parts: { days: number; hours: number; minutes: number; seconds: number };
}

export function format_duration({ seconds }: { seconds: number }): FormattedDuration {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) throw new Error(`seconds must be a finite number, got ${String(seconds)}`);
  if (seconds < 0) throw new Error(`seconds must not be negative, got ${seconds}; a duration is a length of time`);
  // Work in whole milliseconds so 0.1 + 0.2 style noise never shows up as "0.30000000000000004s".
  const totalMs = Math.round(seconds * 1000);
  if (!Number.isSafeInteger(totalMs)) throw new Error('seconds is too large to format');
  const days = Math.floor(totalMs / 86_400_000);
  const hours = Math.floor((totalMs % 86_400_000) / 3_600_000);
  const minutes = Math.floor((totalMs % 3_600_000) / 60_000);
  const secs = (totalMs % 60_000) / 1000;
  const units: Array<[number, string, string]> = [
    [days, 'd', 'day'],
    [hours, 'h', 'hour'],
    [minutes, 'm', 'minute'],
    [secs, 's', 'second'],
  ];
  const present = units.filter(([value]) => value !== 0);
  const compact = present.length === 0 ? '0s' : present.map(([value, short]) => `${value}${short}`).join(' ');
  const words = present.length === 0 ? '0 seconds' : present.map(([value, , long]) => `${value} ${long}${value === 1 ? '' : 's'}`).join(', ');
  const totalHours = Math.floor(totalMs / 3_600_000);
  const wholeSeconds = Math.floor(secs);
  const fraction = totalMs % 1000 === 0 ? '' : `.${String(totalMs % 1000).padStart(3, '0').replace(/0+$/, '')}`;
  const clock = `${String(totalHours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(wholeSeconds).padStart(2, '0')}${fraction}`;
  let iso = 'P';
  if (days > 0) iso += `${days}D`;
  if (hours > 0 || minutes > 0 || secs > 0 || days === 0) {
    iso += 'T';
    if (hours > 0) iso += `${hours}H`;
    if (minutes > 0) iso += `${minutes}M`;
    if (secs > 0 || (days === 0 && hours === 0 && minutes === 0)) iso += `${secs}S`;
  }
  return { compact, words, clock, iso8601: iso, parts: { days, hours, minutes, seconds: secs } };
}
