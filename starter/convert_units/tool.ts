type Category = 'length' | 'mass' | 'volume' | 'area' | 'temperature' | 'speed' | 'data' | 'time';

interface Unit {
  symbol: string;
  category: Category;
  /** base value = value × factor + offset (offset only for temperatures). */
  factor: number;
  offset: number;
  names: string[];
}

export interface Conversion {
  value: number;
  from: string;
  to: string;
  category: Category;
}

// Base units: metre, kilogram, cubic metre, square metre, kelvin, metre per second, byte, second.
const DEFINITIONS: Array<[Category, string, number, string[], number?]> = [
  ['length', 'mm', 1e-3, ['millimeter', 'millimetre']],
  ['length', 'cm', 1e-2, ['centimeter', 'centimetre']],
  ['length', 'm', 1, ['meter', 'metre']],
  ['length', 'km', 1e3, ['kilometer', 'kilometre', 'kms']],
  ['length', 'µm', 1e-6, ['um', 'micrometer', 'micrometre', 'micron']],
  ['length', 'nm', 1e-9, ['nanometer', 'nanometre']],
  ['length', 'in', 0.0254, ['inch', 'inches', '"']],
  ['length', 'ft', 0.3048, ['foot', 'feet', "'"]],
  ['length', 'yd', 0.9144, ['yard']],
  ['length', 'mi', 1609.344, ['mile']],
  ['length', 'nmi', 1852, ['nautical mile']],
  ['mass', 'mg', 1e-6, ['milligram', 'milligramme']],
  ['mass', 'g', 1e-3, ['gram', 'gramme', 'gr']],
  ['mass', 'kg', 1, ['kilogram', 'kilogramme', 'kilo', 'kgs']],
  ['mass', 'µg', 1e-9, ['ug', 'mcg', 'microgram']],
  ['mass', 't', 1000, ['tonne', 'metric ton']],
  ['mass', 'oz', 0.028349523125, ['ounce']],
  ['mass', 'lb', 0.45359237, ['pound', 'lbs']],
  ['mass', 'st', 6.35029318, ['stone']],
  ['mass', 'ton', 907.18474, ['short ton', 'us ton']],
  ['mass', 'long ton', 1016.0469088, ['imperial ton', 'uk ton']],
  ['volume', 'ml', 1e-6, ['milliliter', 'millilitre', 'mL', 'cc', 'cm3', 'cubic centimeter', 'cubic centimetre']],
  ['volume', 'cl', 1e-5, ['centiliter', 'centilitre']],
  ['volume', 'dl', 1e-4, ['deciliter', 'decilitre']],
  ['volume', 'l', 1e-3, ['liter', 'litre', 'L']],
  ['volume', 'm3', 1, ['cubic meter', 'cubic metre']],
  ['volume', 'tsp', 4.92892159375e-6, ['teaspoon']],
  ['volume', 'tbsp', 1.478676478125e-5, ['tablespoon']],
  ['volume', 'fl oz', 2.95735295625e-5, ['fluid ounce', 'floz']],
  ['volume', 'cup', 2.365882365e-4, ['cups']],
  ['volume', 'pt', 4.73176473e-4, ['pint', 'us pint']],
  ['volume', 'qt', 9.46352946e-4, ['quart', 'us quart']],
  ['volume', 'gal', 3.785411784e-3, ['gallon', 'us gallon']],
  ['volume', 'imp gal', 4.54609e-3, ['imperial gallon', 'uk gallon']],
  ['volume', 'ft3', 0.028316846592, ['cubic foot', 'cubic feet', 'cu ft']],
  ['volume', 'in3', 1.6387064e-5, ['cubic inch', 'cubic inches', 'cu in']],
  ['area', 'mm2', 1e-6, ['square millimeter', 'square millimetre']],
  ['area', 'cm2', 1e-4, ['square centimeter', 'square centimetre']],
  ['area', 'm2', 1, ['square meter', 'square metre', 'sq m', 'sqm']],
  ['area', 'km2', 1e6, ['square kilometer', 'square kilometre', 'sq km']],
  ['area', 'ha', 1e4, ['hectare']],
  ['area', 'in2', 6.4516e-4, ['square inch', 'square inches', 'sq in']],
  ['area', 'ft2', 0.09290304, ['square foot', 'square feet', 'sq ft', 'sqft']],
  ['area', 'yd2', 0.83612736, ['square yard', 'sq yd']],
  ['area', 'ac', 4046.8564224, ['acre']],
  ['area', 'mi2', 2589988.110336, ['square mile', 'sq mi']],
  ['temperature', '°C', 1, ['C', 'celsius', 'centigrade', 'degC', 'degrees celsius', 'degree celsius'], 273.15],
  ['temperature', '°F', 5 / 9, ['F', 'fahrenheit', 'degF', 'degrees fahrenheit', 'degree fahrenheit'], (459.67 * 5) / 9],
  ['temperature', 'K', 1, ['kelvin', 'kelvins', 'degrees kelvin']],
  ['speed', 'm/s', 1, ['meters per second', 'metres per second', 'mps']],
  ['speed', 'km/h', 1 / 3.6, ['kph', 'kmh', 'kmph', 'kilometers per hour', 'kilometres per hour']],
  ['speed', 'mph', 0.44704, ['mi/h', 'miles per hour']],
  ['speed', 'kn', 1852 / 3600, ['knot', 'kt', 'kts']],
  ['speed', 'ft/s', 0.3048, ['fps', 'feet per second']],
  ['data', 'bit', 1 / 8, ['b', 'bits']],
  ['data', 'B', 1, ['byte']],
  ['data', 'kB', 1e3, ['KB', 'kilobyte']],
  ['data', 'MB', 1e6, ['megabyte']],
  ['data', 'GB', 1e9, ['gigabyte']],
  ['data', 'TB', 1e12, ['terabyte']],
  ['data', 'PB', 1e15, ['petabyte']],
  ['data', 'KiB', 1024, ['kibibyte']],
  ['data', 'MiB', 1024 ** 2, ['mebibyte']],
  ['data', 'GiB', 1024 ** 3, ['gibibyte']],
  ['data', 'TiB', 1024 ** 4, ['tebibyte']],
  ['data', 'PiB', 1024 ** 5, ['pebibyte']],
  ['data', 'kbit', 1e3 / 8, ['Kb', 'kilobit']],
  ['data', 'Mbit', 1e6 / 8, ['Mb', 'megabit']],
  ['data', 'Gbit', 1e9 / 8, ['Gb', 'gigabit']],
  ['data', 'Tbit', 1e12 / 8, ['Tb', 'terabit']],
  ['time', 'ns', 1e-9, ['nanosecond']],
  ['time', 'µs', 1e-6, ['us', 'microsecond']],
  ['time', 'ms', 1e-3, ['millisecond', 'msec']],
  ['time', 's', 1, ['sec', 'second', 'secs']],
  ['time', 'min', 60, ['minute', 'mins']],
  ['time', 'h', 3600, ['hr', 'hour', 'hrs']],
  ['time', 'd', 86400, ['day']],
  ['time', 'wk', 604800, ['week', 'wks']],
  // Average Gregorian month and year (365.2425 days).
  ['time', 'mo', 2629746, ['month']],
  ['time', 'yr', 31556952, ['year', 'yrs', 'y']],
];

const UNITS: Unit[] = DEFINITIONS.map(([category, symbol, factor, names, offset]) => ({ category, symbol, factor, offset: offset ?? 0, names }));
const EXACT = new Map<string, Unit>();
const FOLDED = new Map<string, Set<Unit>>();

for (const unit of UNITS) {
  const spellings = [unit.symbol, ...unit.names];
  for (const name of unit.names) {
    // Plurals of word names: "meters", "inches" is listed explicitly where the plural is irregular.
    if (/^[a-z ]{3,}$/.test(name) && !name.endsWith('s') && !name.includes(' per ')) spellings.push(`${name}s`);
    if (/^[a-z]+ [a-z]+$/.test(name) && name.startsWith('square ')) spellings.push(`${name}s`);
  }
  for (const spelling of spellings) {
    const key = normalize(spelling);
    if (!EXACT.has(key)) EXACT.set(key, unit);
    const folded = key.toLowerCase();
    const set = FOLDED.get(folded) ?? new Set<Unit>();
    set.add(unit);
    FOLDED.set(folded, set);
  }
}

export function convert_units({ value, from, to }: { value: number; from: string; to: string }): Conversion {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`value must be a finite number, got ${String(value)}`);
  const source = findUnit(from, 'from');
  const target = findUnit(to, 'to');
  if (source.category !== target.category) {
    throw new Error(`cannot convert ${source.symbol} (${source.category}) to ${target.symbol} (${target.category}): both units must measure the same kind of quantity`);
  }
  const base = value * source.factor + source.offset;
  if (source.category === 'temperature' && base < -1e-9) {
    throw new Error(`${value} ${source.symbol} is below absolute zero (0 K), which is impossible`);
  }
  const converted = (base - target.offset) / target.factor;
  // 12 significant digits hides the binary noise of chained factors (100 °C → 212 °F, not 212.00000000000003).
  const rounded = Number(converted.toPrecision(12));
  return { value: rounded === 0 ? 0 : rounded, from: source.symbol, to: target.symbol, category: source.category };
}

function findUnit(input: string, field: string): Unit {
  if (typeof input !== 'string' || input.trim() === '') throw new Error(`${field} must name a unit, e.g. "km" or "pounds"`);
  const key = normalize(input);
  const exact = EXACT.get(key);
  if (exact !== undefined) return exact;
  const candidates = FOLDED.get(key.toLowerCase());
  if (candidates !== undefined && candidates.size === 1) return [...candidates][0]!;
  if (candidates !== undefined) {
    const options = [...candidates].map((unit) => `${unit.symbol} (${unit.names.find((n) => /^[a-z]{4,}$/.test(n)) ?? unit.category})`);
    throw new Error(`unit "${input}" is ambiguous; did you mean ${options.join(' or ')}? Letter case matters for data units (MB = megabyte, Mb = megabit)`);
  }
  throw new Error(`unknown unit "${input}" in ${field}; known units: ${UNITS.map((unit) => unit.symbol).join(', ')}`);
}

function normalize(name: string): string {
  return name
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/μ/g, 'µ')
    .replace(/²/g, '2')
    .replace(/³/g, '3')
    .replace(/^(?:sq\.?|square) (mm|cm|m|km|in|ft|yd|mi)$/i, '$12')
    .replace(/^(?:cu\.?|cubic) (cm|m|in|ft)$/i, '$13')
    .replace(/^degrees? (?=[CF]$)/i, '°')
    .replace(/^° ?/, '°')
    .replace(/^°(?=[a-z]{2,})/i, '');
}
