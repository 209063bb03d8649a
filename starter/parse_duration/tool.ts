export interface ParsedDuration {
  seconds: number;
  minutes: number;
  hours: number;
  days: number;
}

const UNIT_SECONDS: Array<[RegExp, number]> = [
  [/^(?:ms|msecs?|millis|milliseconds?)$/, 0.001],
  [/^(?:s|secs?|seconds?)$/, 1],
  [/^(?:m|mins?|minutes?)$/, 60],
  [/^(?:h|hrs?|hours?)$/, 3600],
  [/^(?:d|days?)$/, 86400],
  [/^(?:w|wks?|weeks?)$/, 604800],
];

const VARIABLE_UNITS = /^(?:y|yrs?|years?|mo|mos|months?)$/;

export function parse_duration({ text }: { text: string }): ParsedDuration {
  if (typeof text !== 'string') throw new Error('text must be a string such as "1h30m" or "90 minutes"');
  const input = text.trim();
  if (input === '') throw new Error('text is empty; write a duration such as "1h30m", "PT1H30M" or "90 minutes"');
  if (input.startsWith('-')) throw new Error(`"${text}" is negative; a duration must be zero or more`);
  return totals(seconds(input, text));
}

function seconds(input: string, original: string): number {
  if (/^\d+(?:\.\d+)?$/.test(input)) return Number(input);
  if (/^P/i.test(input)) return fromIso(input.toUpperCase(), original);
  if (/^\d+(?::\d{1,2}){1,2}(?:\.\d+)?$/.test(input)) return fromClock(input, original);
  return fromUnits(input.toLowerCase(), original);
}

function fromIso(input: string, original: string): number {
  const match = /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/.exec(input);
  if (match === null || input === 'P' || input.endsWith('T')) {
    throw new Error(`"${original}" is not a valid ISO 8601 duration; examples: "PT1H30M", "P2DT3H", "PT45S"`);
  }
  if (match[1] !== undefined || match[2] !== undefined) {
    throw new Error(`"${original}" has years or months, which have no fixed length in seconds; give the duration in days or weeks instead`);
  }
  const value = (group: string | undefined) => (group === undefined ? 0 : Number(group.replace(',', '.')));
  return value(match[3]) * 604800 + value(match[4]) * 86400 + value(match[5]) * 3600 + value(match[6]) * 60 + value(match[7]);
}

function fromClock(input: string, original: string): number {
  const parts = input.split(':').map(Number);
  const [first, second, third] = parts as [number, number, number | undefined];
  if (second >= 60 || (third !== undefined && third >= 60)) {
    throw new Error(`"${original}" is not a valid clock duration: minutes and seconds must be below 60`);
  }
  // Two parts read as minutes:seconds (a track or lap time); three as hours:minutes:seconds.
  return third === undefined ? first * 60 + second : first * 3600 + second * 60 + third;
}

function fromUnits(input: string, original: string): number {
  const cleaned = input.replace(/,/g, ' ').replace(/\band\b/g, ' ').replace(/\s+/g, ' ').trim();
  const pattern = /(\d+(?:\.\d+)?|\.\d+)\s*([a-zµ]+)\s*/y;
  let total = 0;
  let index = 0;
  let matched = 0;
  while (index < cleaned.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(cleaned);
    if (match === null) {
      throw new Error(`could not understand "${cleaned.slice(index)}" in "${original}"; use forms like "1h30m", "90 minutes", "PT1H30M" or "1:30:00"`);
    }
    const unit = match[2]!;
    if (VARIABLE_UNITS.test(unit)) {
      throw new Error(`"${original}" uses ${unit}, which has no fixed length in seconds; give the duration in days or weeks instead`);
    }
    const factor = UNIT_SECONDS.find(([regex]) => regex.test(unit))?.[1];
    if (factor === undefined) throw new Error(`unknown time unit "${unit}" in "${original}"; use ms, s, m, h, d or w (or their names)`);
    total += Number(match[1]) * factor;
    index = pattern.lastIndex;
    matched++;
  }
  if (matched === 0) throw new Error(`"${original}" contains no duration`);
  return total;
}

function totals(seconds: number): ParsedDuration {
  const tidy = (x: number) => Number(x.toPrecision(15));
  return { seconds: tidy(seconds), minutes: tidy(seconds / 60), hours: tidy(seconds / 3600), days: tidy(seconds / 86400) };
}
