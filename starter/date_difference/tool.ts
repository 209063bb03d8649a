export interface DateDifference {
  days: number;
  weeks: number;
  months: number;
  years: number;
  breakdown: { years: number; months: number; days: number };
  text: string;
}

export function date_difference({ start, end }: { start: string; end: string }): DateDifference {
  const from = parseDate(start, 'start');
  const to = parseDate(end, 'end');
  const sign = toDayNumber(to) < toDayNumber(from) ? -1 : 1;
  const [early, late] = sign === 1 ? [from, to] : [to, from];
  const days = toDayNumber(late) - toDayNumber(early);
  // Whole months: the largest m with early + m months (clamped to month end) not after late.
  let months = (late.year - early.year) * 12 + (late.month - early.month);
  if (months > 0 && toDayNumber(addMonths(early, months)) > toDayNumber(late)) months--;
  const remainder = toDayNumber(late) - toDayNumber(addMonths(early, months));
  const breakdown = { years: Math.floor(months / 12), months: months % 12, days: remainder };
  const parts = [plural(breakdown.years, 'year'), plural(breakdown.months, 'month'), plural(breakdown.days, 'day')].filter((part) => !part.startsWith('0 '));
  const text = parts.length === 0 ? '0 days' : `${sign === -1 ? 'minus ' : ''}${parts.join(', ')}`;
  const signed = (n: number) => (n === 0 ? 0 : sign * n);
  return {
    days: signed(days),
    weeks: signed(Math.floor(days / 7)),
    months: signed(months),
    years: signed(breakdown.years),
    breakdown: { years: signed(breakdown.years), months: signed(breakdown.months), days: signed(breakdown.days) },
    text,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

/** Reads "YYYY-MM-DD"; a time part after "T" or a space is ignored, so the host time zone never matters. */
function parseDate(input: unknown, field: string): CalendarDate {
  if (typeof input !== 'string') throw new Error(`${field} must be a date string like "2024-03-15"`);
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(input.trim());
  if (match === null) throw new Error(`${field} "${input}" is not an ISO date; write it as YYYY-MM-DD, e.g. "2024-03-15"`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1) throw new Error(`${field} "${input}": the year must be 0001 or later`);
  if (month < 1 || month > 12) throw new Error(`${field} "${input}": the month must be from 01 to 12`);
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new Error(`${field} "${input}" is not a real date: ${monthName(month)} ${year} has ${daysInMonth(year, month)} days`);
  }
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function monthName(month: number): string {
  return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1]!;
}

/** Days since 1970-01-01, computed in UTC (setUTCFullYear also handles years below 100). */
function toDayNumber(date: CalendarDate): number {
  const t = new Date(0);
  t.setUTCFullYear(date.year, date.month - 1, date.day);
  return Math.round(t.getTime() / DAY_MS);
}

function fromDayNumber(days: number): CalendarDate {
  const t = new Date(days * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function formatDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28 or 29). */
function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}
