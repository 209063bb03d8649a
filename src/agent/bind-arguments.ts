import { checkAgainstSchema, type ToolManifest } from '../tool-package/index.ts';
import { bind, bindEnums, bindLists, bindMentions, bindUnits, type BindingSource, type BindingState, isFree } from './binding-rules.ts';
import { parameterSlots, slotAccepts, stem } from './parameter-slots.ts';
import { type RequestToken, tokenizeRequest, type ValueToken } from './tokenize-request.ts';

export type { BindingSource } from './binding-rules.ts';

/**
 * The outcome of binding a request to a tool's parameters without a model. `bound` only when every
 * required parameter got exactly one value, nothing written in the request was left over, and the
 * arguments pass the schema; otherwise `ambiguous` with what was found and why it is not enough.
 */
export type ArgumentBinding =
  | { status: 'bound'; args: Record<string, unknown>; sources: Record<string, BindingSource> }
  | { status: 'ambiguous'; partial: Record<string, unknown>; reasons: string[] };

export interface BindArgumentsOptions {
  request: string;
  parameters: ToolManifest['parameters'];
  /** The earlier result a phrase like "that" points to (see `resolveReferences`). */
  reference?: { value: unknown };
}

// Words after which a positive number written in the request may really be meant negative.
const SIGN_WORDS = new Set(['subtract', 'subtracting', 'minus', 'before', 'ago', 'earlier', 'back', 'less', 'decrease', 'decreased']);

/**
 * Binds a request's values to a tool's parameters deterministically: numbers (decimals, negatives,
 * "1,000", "15%", "1.2M"), quoted strings, lists, booleans, ISO and written dates. Values go first to
 * the parameter they are written next to ("percent 15", "2 decimals", "value of 300", "s = 'abc'"),
 * lists to array parameters, enum words to enums, units by where they are written ("from km", "to
 * miles"), then the rest by order of appearance against the order of the parameters (the required
 * ones first, in the order of `required`). Defaults fill what is left.
 *
 * @example
 * bindArguments({ request: 'What is 15 percent of 300?', parameters: percentageOf.parameters });
 * // { status: 'bound', args: { percent: 15, value: 300 }, sources: { percent: 'mention', value: 'order' } }
 */
export function bindArguments(options: BindArgumentsOptions): ArgumentBinding {
  const state: BindingState = {
    tokens: tokenizeRequest(options.request),
    slots: parameterSlots(options.parameters),
    used: new Set(),
    spentWords: new Set(),
    bound: new Map(),
    reasons: [],
  };
  const reference = options.reference;

  bindMentions(state);
  bindLists(state);
  bindEnums(state);
  if (reference !== undefined && typeof reference.value !== 'number') bindReference(state, reference.value);
  bindDates(state);
  bindNumbersInOrder(state);
  bindStringsInOrder(state);
  bindBooleansInOrder(state);
  bindUnits(state);
  if (reference !== undefined && typeof reference.value === 'number') bindReference(state, reference.value);
  bindNumberAsText(state);
  checkSigns(state);
  checkLeftovers(state);
  return conclude(state, options.parameters);
}

function conclude(state: BindingState, parameters: ToolManifest['parameters']): ArgumentBinding {
  const partial: Record<string, unknown> = {};
  const sources: Record<string, BindingSource> = {};
  for (const slot of state.slots) {
    const found = state.bound.get(slot.name);
    if (found === undefined) continue;
    partial[slot.name] = found.value;
    sources[slot.name] = found.source;
  }
  const reasons = [...state.reasons];
  for (const slot of state.slots) {
    if (slot.required && !state.bound.has(slot.name)) reasons.push(`no value found for the required parameter ${slot.name}`);
  }
  const args: Record<string, unknown> = { ...partial };
  for (const slot of state.slots) {
    if (args[slot.name] === undefined && slot.default !== undefined) {
      args[slot.name] = slot.default.value;
      sources[slot.name] = 'default';
    }
  }
  if (reasons.length === 0) {
    const check = checkAgainstSchema(parameters, args);
    if (!check.ok) reasons.push(...check.problems);
  }
  return reasons.length === 0 ? { status: 'bound', args, sources } : { status: 'ambiguous', partial, reasons };
}

/**
 * Text references ("reverse that") fill the first string parameter still free; numbers ("10
 * percent of that") the first numeric parameter the request did not fill. A value no parameter
 * takes as it is may fill a string parameter as text.
 */
function bindReference(state: BindingState, value: unknown): void {
  const free = state.slots.filter((slot) => isFree(state, slot));
  const kind = typeof value === 'number' ? 'number' : typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'boolean' : Array.isArray(value) ? 'array' : 'other';
  const exact = free.find((slot) => slot.type === kind && slotAccepts(slot, value));
  if (exact !== undefined) {
    bind(state, exact, value, 'reference');
    return;
  }
  const asText = typeof value === 'string' ? value : JSON.stringify(value);
  const text = free.find((slot) => slot.type === 'string' && slot.enumValues === undefined && slotAccepts(slot, asText));
  if (text !== undefined) bind(state, text, asText, 'reference');
  else state.reasons.push(`the earlier result ${JSON.stringify(value)} fits no free parameter`);
}

function nextToken(state: BindingState, test: (token: ValueToken, index: number) => boolean): number | undefined {
  for (const [index, token] of state.tokens.entries()) {
    if (state.used.has(index)) continue;
    if (token.kind === 'number' || token.kind === 'string' || token.kind === 'date' || token.kind === 'boolean' || token.kind === 'list') {
      if (test(token, index)) return index;
    }
  }
  return undefined;
}

function bindDates(state: BindingState): void {
  for (const slot of state.slots) {
    if (!slot.date || !isFree(state, slot)) continue;
    const index = nextToken(state, (token) => (token.kind === 'date' || (token.kind === 'string' && /^\d{4}-\d{2}-\d{2}/.test(token.value))) && slotAccepts(slot, token.value));
    if (index !== undefined) bind(state, slot, (state.tokens[index] as ValueToken).value, 'order', [index]);
  }
}

/** Percent slots take "15%" first; every number slot then takes the next number that fits it. */
function bindNumbersInOrder(state: BindingState): void {
  const slots = state.slots.filter((slot) => slot.type === 'number');
  const ordered = [...slots.filter((slot) => slot.percent), ...slots.filter((slot) => !slot.percent)];
  for (const slot of ordered) {
    if (!isFree(state, slot)) continue;
    const fits = (token: ValueToken, index: number): boolean =>
      token.kind === 'number' && (!token.spelled || anchoredSpelledNumber(state, index)) && slotAccepts(slot, token.value);
    const index = (slot.percent ? nextToken(state, (token, i) => token.kind === 'number' && token.percent && fits(token, i)) : undefined) ?? nextToken(state, fits);
    if (index !== undefined) bind(state, slot, (state.tokens[index] as ValueToken).value, 'order', [index]);
  }
}

/** "one" counts as a number only before a word the tool knows: "one decimal", "a one-year plan". */
function anchoredSpelledNumber(state: BindingState, index: number): boolean {
  const next = state.tokens[index + 1];
  if (next?.kind !== 'word') return false;
  const word = stem(next.lower);
  return state.slots.some((slot) => slot.words.includes(word) || (slot.enumValues ?? []).some((value) => typeof value === 'string' && stem(value.toLowerCase()) === word));
}

function bindStringsInOrder(state: BindingState): void {
  for (const slot of state.slots) {
    if (slot.type !== 'string' || slot.unit || !isFree(state, slot)) continue;
    const index = nextToken(state, (token) => token.kind === 'string' && slotAccepts(slot, token.value));
    if (index !== undefined) bind(state, slot, (state.tokens[index] as ValueToken).value, 'order', [index]);
  }
}

function bindBooleansInOrder(state: BindingState): void {
  for (const slot of state.slots) {
    if (slot.type !== 'boolean' || !isFree(state, slot)) continue;
    const index = nextToken(state, (token) => token.kind === 'boolean' && !token.weak);
    if (index !== undefined) bind(state, slot, (state.tokens[index] as ValueToken).value, 'order', [index]);
  }
}

/**
 * A lone number for a text parameter described as taking numbers ("is 12321 a palindrome"), when
 * no number parameter wants it. A number written against letters ("1h30m") is not lone.
 */
function bindNumberAsText(state: BindingState): void {
  if (state.slots.some((slot) => slot.type === 'number' && isFree(state, slot))) return;
  const numbers = [...state.tokens.entries()].filter(([index, token]) => token.kind === 'number' && !token.spelled && !state.used.has(index));
  const only = numbers.length === 1 ? numbers[0] : undefined;
  if (only === undefined) return;
  const [index, token] = only as [number, Extract<RequestToken, { kind: 'number' }>];
  if (state.tokens[index + 1]?.start === token.end) return;
  const slot = state.slots.find(
    (candidate) =>
      candidate.type === 'string' && candidate.required && !candidate.unit && candidate.enumValues === undefined && isFree(state, candidate) &&
      /\b(?:numbers?|digits)\b/i.test(String(candidate.schema['description'] ?? '')),
  );
  if (slot !== undefined && slotAccepts(slot, token.raw)) bind(state, slot, token.raw, 'order', [index]);
}

function checkSigns(state: BindingState): void {
  const word = state.tokens.find((token) => token.kind === 'word' && SIGN_WORDS.has(token.lower));
  if (word?.kind !== 'word') return;
  for (const slot of state.slots) {
    const found = state.bound.get(slot.name);
    if (found === undefined || !slot.signed || found.source === 'reference') continue;
    if (typeof found.value === 'number' && found.value > 0) {
      state.reasons.push(`the request says "${word.text}", so ${slot.name} may need to be negative rather than ${found.value}`);
    }
  }
}

/** Something the user wrote that no parameter took means the binding missed their meaning. */
function checkLeftovers(state: BindingState): void {
  for (const [index, token] of state.tokens.entries()) {
    if (state.used.has(index)) continue;
    // Spelled magnitudes count: "to the nearest hundred" means something no parameter took.
    const spelledMagnitude = token.kind === 'number' && token.spelled && token.value >= 100;
    if (token.kind === 'string' || token.kind === 'date' || token.kind === 'list' || (token.kind === 'number' && (!token.spelled || spelledMagnitude))) {
      state.reasons.push(`${token.raw} was not matched to any parameter`);
    }
  }
}
