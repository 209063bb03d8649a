const UNITS = ['days', 'weeks', 'months', 'years'] as const;
type Unit = (typeof UNITS)[number];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function add_to_date({ date, amount, unit }: { date: string; amount: number; unit: string }): { date: string; day_of_week: string } {
  const start = parseDate(date, 'date');
  if (typeof amount !== 'number' || !Number.isInteger(amount)) throw new Error(`amount must be a whole number (negative to subtract), got ${String(amount)}`);
  const normalized = (typeof unit === 'string' ? unit.trim().toLowerCase().replace(/s?$/, 's') : '') as Unit;
  if (!UNITS.includes(normalized)) throw new Error(`unit must be one of ${UNITS.join(', ')}; got ${JSON.stringify(unit)}`);
  let result: CalendarDate;
  if (normalized === 'days' || normalized === 'weeks') {
    result = fromDayNumber(toDayNumber(start) + amount * (normalized === 'weeks' ? 7 : 1));
  } else {
    result = addMonths(start, amount * (normalized === 'years' ? 12 : 1));
  }
  if (result.year < 1 || result.year > 9999) throw new Error('the result falls outside the years 0001 to 9999');
  const weekday = new Date(toDayNumber(result) * DAY_MS).getUTCDay();
  return { date: formatDate(result), day_of_week: WEEKDAYS[weekday]! };
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
