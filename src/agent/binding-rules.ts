import { type ParameterSlot, slotAccepts, stem, type UnitRole } from './parameter-slots.ts';
import type { RequestToken, ValueToken } from './tokenize-request.ts';
import { isValueToken } from './tokenize-request.ts';

/** How an argument got its value; reported so a caller can tell a guess from an explicit mention. */
export type BindingSource = 'mention' | 'list' | 'enum' | 'order' | 'unit' | 'reference' | 'default';

/** The work in progress of one binding: which tokens are spent and which slots are filled. */
export interface BindingState {
  tokens: RequestToken[];
  slots: ParameterSlot[];
  used: Set<number>;
  /** Word tokens that named a slot or matched an enum value: never unit words. */
  spentWords: Set<number>;
  bound: Map<string, { value: unknown; source: BindingSource }>;
  reasons: string[];
}

const CONNECTOR_WORDS = new Set(['of', 'is', 'as', 'at', 'equals', 'equal', 'be', 'was', 'are']);
const LIST_JOINERS = new Set([',', ';', '&', 'and']);
// Names that are prepositions ("from", "to") take the value after them, never the one before:
// in "350 to 420" the 350 is not `to`.
const FUNCTION_WORDS = new Set(['to', 'from', 'in', 'into', 'of', 'at', 'by', 'for', 'with', 'on', 'as', 'per', 'is']);

export function bind(state: BindingState, slot: ParameterSlot, value: unknown, source: BindingSource, tokens: number[] = []): void {
  state.bound.set(slot.name, { value, source });
  for (const index of tokens) state.used.add(index);
}

export function isFree(state: BindingState, slot: ParameterSlot): boolean {
  return !state.bound.has(slot.name);
}

/** The value a token gives a slot: numbers written for a string slot stay as written. */
export function tokenValue(token: ValueToken): unknown {
  return token.value;
}

/** Token index ranges where the slot's name is written: "words per minute" for `words_per_minute`. */
export function nameMentions(state: BindingState, slot: ParameterSlot): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const { tokens } = state;
  for (let start = 0; start < tokens.length; start += 1) {
    let k = start;
    let ok = true;
    for (const word of slot.words) {
      const token = tokens[k];
      if (token?.kind !== 'word' || stem(token.lower) !== word) {
        ok = false;
        break;
      }
      k += 1;
    }
    if (ok && slot.words.length > 0) found.push([start, k - 1]);
  }
  return found;
}

/**
 * Binds values written next to a slot's name, strongest pattern first: `percent = 15`, `percent 15`
 * and `s: 'abc'`; then `2 decimals`, `15 percent`; then `value of 300`. So in "15 percent of 300"
 * the 15 is the percent and the 300 is left for the next slot.
 */
export function bindMentions(state: BindingState): void {
  const proposals: Array<{ slot: ParameterSlot; token: number; strength: number }> = [];
  for (const slot of state.slots) {
    for (const [start, end] of nameMentions(state, slot)) {
      for (let k = start; k <= end; k += 1) state.spentWords.add(k);
      const next = state.tokens[end + 1];
      const explicit = next?.kind === 'symbol' && (next.text === '=' || next.text === ':');
      const short = slot.name.length === 1;
      if (explicit) proposals.push({ slot, token: end + 2, strength: 3 });
      else if (!short) proposals.push({ slot, token: end + 1, strength: 3 });
      if (!short && !FUNCTION_WORDS.has(slot.name.toLowerCase())) proposals.push({ slot, token: start - 1, strength: 2 });
      if (!short && next?.kind === 'word' && CONNECTOR_WORDS.has(next.lower)) proposals.push({ slot, token: end + 2, strength: 1 });
    }
  }
  proposals.sort((a, b) => b.strength - a.strength || a.token - b.token);
  for (const { slot, token: index, strength } of proposals) {
    const token = state.tokens[index];
    if (token === undefined || !isValueToken(token) || state.used.has(index)) continue;
    // A quoted string right after a name is often a verb's object ("replace 'colour'"), so it
    // needs `=` or `:` unless it is one of the slot's enum values.
    if (token.kind === 'string' && strength === 3 && state.tokens[index - 1]?.kind !== 'symbol' && slot.enumValues === undefined) continue;
    if (token.kind === 'string' && strength === 2) continue;
    if (token.kind === 'boolean' && token.weak && strength < 3) continue;
    const value = tokenValue(token);
    if (!slotAccepts(slot, value)) continue;
    const current = state.bound.get(slot.name);
    if (current !== undefined) {
      if (current.source === 'mention' && current.value !== value && strength === 3) {
        state.reasons.push(`${slot.name} is named twice, with ${JSON.stringify(current.value)} and ${JSON.stringify(value)}`);
      }
      continue;
    }
    bind(state, slot, value, 'mention', [index]);
  }
}

interface ListCandidate {
  value: unknown[];
  tokens: number[];
  start: number;
}

/** Bracketed lists and runs like "4, 8, 15", "1, 2 and 3" or "3 7 7 2 9", in order of appearance. */
export function listCandidates(state: BindingState): ListCandidate[] {
  const candidates: ListCandidate[] = [];
  const { tokens } = state;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token?.kind === 'list') candidates.push({ value: token.value, tokens: [i], start: i });
  }
  for (const kind of ['number', 'string'] as const) {
    let run: number[] = [];
    let joined = false;
    const close = (): void => {
      if (run.length >= 3 || (run.length === 2 && joined)) {
        const values = run.map((index) => (tokens[index] as ValueToken).value);
        candidates.push({ value: values, tokens: run, start: run[0] ?? 0 });
      }
      run = [];
      joined = false;
    };
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i];
      if (token?.kind === kind && !(token.kind === 'number' && token.spelled) && !state.used.has(i)) {
        run.push(i);
        continue;
      }
      const joiner = token?.kind === 'symbol' ? token.text : token?.kind === 'word' ? token.lower : undefined;
      if (run.length > 0 && joiner !== undefined && LIST_JOINERS.has(joiner) && tokens[i + 1]?.kind === kind) {
        if (joiner === ',' || joiner === ';') joined = true;
        continue;
      }
      close();
    }
    close();
  }
  return candidates.sort((a, b) => a.start - b.start);
}

/** Array slots take a list named for them ("numbers: 4 5 6"), else the first list that fits. */
export function bindLists(state: BindingState): void {
  const candidates = listCandidates(state);
  for (const slot of state.slots) {
    if (slot.type !== 'array' || !isFree(state, slot)) continue;
    const fits = candidates.filter((candidate) => candidate.tokens.every((index) => !state.used.has(index)) && slotAccepts(slot, candidate.value));
    const mentionEnds = nameMentions(state, slot).map(([, end]) => end);
    const named = fits.find((candidate) => mentionEnds.some((end) => candidate.start > end && candidate.start <= end + 3));
    const chosen = named ?? fits[0];
    if (chosen !== undefined) bind(state, slot, chosen.value, named === undefined ? 'list' : 'mention', chosen.tokens);
  }
}

/** Enum slots take the one allowed value the request spells out ("minify", "nearest", "snake_case"). */
export function bindEnums(state: BindingState): void {
  for (const slot of state.slots) {
    if (slot.enumValues === undefined || !isFree(state, slot)) continue;
    const matches: Array<{ value: unknown; exact: boolean; tokens: number[] }> = [];
    for (const value of slot.enumValues) {
      if (typeof value !== 'string') continue;
      const words = value.toLowerCase().split(/[_\-\s]+/).filter((word) => word !== '');
      if (words.length === 0 || words.some((word) => !/\p{L}/u.test(word))) continue;
      for (let start = 0; start + words.length <= state.tokens.length; start += 1) {
        const span = words.map((_, k) => state.tokens[start + k]);
        if (!span.every((token, k) => token?.kind === 'word' && stem(token.lower) === stem(words[k] ?? ''))) continue;
        const exact = span.every((token, k) => token?.kind === 'word' && token.lower === words[k]);
        matches.push({ value, exact, tokens: words.map((_, k) => start + k) });
      }
    }
    const distinct = [...new Set(matches.map((match) => match.value))];
    const exact = [...new Set(matches.filter((match) => match.exact).map((match) => match.value))];
    const chosen = distinct.length === 1 ? distinct[0] : exact.length === 1 ? exact[0] : undefined;
    if (chosen !== undefined) {
      for (const match of matches) if (match.value === chosen) for (const index of match.tokens) state.spentWords.add(index);
      bind(state, slot, chosen, 'enum');
    } else if (distinct.length > 1) {
      state.reasons.push(`${slot.name} could be ${distinct.map((value) => JSON.stringify(value)).join(' or ')}`);
    }
  }
}

const UNIT_STOP_WORDS = new Set([
  'of', 'to', 'in', 'into', 'from', 'and', 'or', 'the', 'a', 'an', 'is', 'are', 'was', 'percent', 'percentage',
  'times', 'plus', 'minus', 'per', 'by', 'on', 'at', 'for', 'with', 'as', 'than', 'more', 'less', 'out', 'it', 'that',
]);
// Where a unit is written says which one it is. "5 km" (the unit of the number taken as the value)
// and "from km" name the unit converted from; "to miles", "in miles", "into MB", "as feet" and
// "how many miles" the unit converted to.
const SOURCE_MARKERS = new Set(['from']);
const TARGET_MARKERS = new Set(['to', 'into', 'in', 'as']);
const QUANTITY_QUESTION = new Set(['many', 'much']);

interface UnitMention {
  text: string;
  index: number;
  role: UnitRole;
}

function unitMentions(state: BindingState): UnitMention[] {
  const mentions: UnitMention[] = [];
  const { tokens } = state;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    const before = tokens[i - 1];
    if (token?.kind !== 'word' || UNIT_STOP_WORDS.has(token.lower) || state.spentWords.has(i)) continue;
    let role: UnitRole | undefined;
    if (before?.kind === 'number') role = state.used.has(i - 1) ? 'source' : undefined;
    else if (before?.kind === 'word' && SOURCE_MARKERS.has(before.lower)) role = 'source';
    else if (before?.kind === 'word' && TARGET_MARKERS.has(before.lower)) role = 'target';
    else if (before?.kind === 'word' && QUANTITY_QUESTION.has(before.lower) && isWord(tokens[i - 2], 'how')) role = 'target';
    // "to miles or feet": an alternative to a unit is in the same role, so the request is unclear.
    else if (before?.kind === 'word' && (before.lower === 'or' || before.lower === 'and')) role = mentions.find((mention) => mention.index === i - 2)?.role;
    if (role !== undefined) mentions.push({ text: unitText(tokens, i), index: i, role });
  }
  return mentions;
}

function isWord(token: RequestToken | undefined, lower: string): boolean {
  return token?.kind === 'word' && token.lower === lower;
}

/**
 * Unit slots that say which end of a conversion they are (`from`, `to`) take the one unit written in
 * that role, wherever it stands: "convert 5 km to miles", "how many miles is 5 km", "from kg to lb:
 * 10". Two different units in one role leave the slot open, with the reason. Unit slots that do not
 * say take the remaining units in order of appearance.
 */
export function bindUnits(state: BindingState): void {
  const slots = state.slots.filter((slot) => slot.unit && isFree(state, slot));
  if (slots.length === 0) return;
  const mentions = unitMentions(state);
  const taken = new Set<number>();
  for (const slot of slots) {
    if (slot.unitRole === undefined) continue;
    const inRole = mentions.filter((mention) => mention.role === slot.unitRole);
    const distinct = [...new Set(inRole.map((mention) => mention.text))];
    if (distinct.length > 1) {
      state.reasons.push(`${slot.name} could be ${distinct.map((text) => JSON.stringify(text)).join(' or ')}`);
      continue;
    }
    const text = distinct[0];
    if (text === undefined || !slotAccepts(slot, text)) continue;
    for (const mention of inRole) taken.add(mention.index);
    bind(state, slot, text, 'unit', inRole.map((mention) => mention.index));
  }
  const rest = mentions.filter((mention) => !taken.has(mention.index));
  for (const slot of slots) {
    if (slot.unitRole !== undefined || !isFree(state, slot)) continue;
    const unit = rest.shift();
    if (unit !== undefined && slotAccepts(slot, unit.text)) bind(state, slot, unit.text, 'unit', [unit.index]);
  }
}

/** "km/h" and "m/s" are one unit; "degrees fahrenheit" is fahrenheit. */
function unitText(tokens: RequestToken[], i: number): string {
  const token = tokens[i];
  if (token?.kind !== 'word') return '';
  const slash = tokens[i + 1];
  const next = tokens[i + 2];
  if (slash?.kind === 'symbol' && slash.text === '/' && slash.start === token.end && next?.kind === 'word' && next.start === slash.end) {
    return `${token.text}/${next.text}`;
  }
  const following = tokens[i + 1];
  if (/^degrees?$/.test(token.lower) && following?.kind === 'word') return following.text;
  return token.text;
}
