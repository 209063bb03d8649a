const NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export interface WeekdayInfo {
  day_of_week: string;
  iso_day_number: number;
  is_weekend: boolean;
  day_of_year: number;
  iso_week: number;
  iso_week_year: number;
}

export function day_of_week({ date }: { date: string }): WeekdayInfo {
  const parsed = parseDate(date, 'date');
  const days = toDayNumber(parsed);
  const isoDay = ((new Date(days * DAY_MS).getUTCDay() + 6) % 7) + 1;
  // The ISO week belongs to the year of its Thursday; week 1 holds the year's first Thursday.
  const thursday = fromDayNumber(days - isoDay + 4);
  const isoWeek = Math.floor((days - isoDay + 4 - toDayNumber({ year: thursday.year, month: 1, day: 1 })) / 7) + 1;
  return {
    day_of_week: NAMES[isoDay - 1]!,
    iso_day_number: isoDay,
    is_weekend: isoDay >= 6,
    day_of_year: days - toDayNumber({ year: parsed.year, month: 1, day: 1 }) + 1,
    iso_week: isoWeek,
    iso_week_year: thursday.year,
  };
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
