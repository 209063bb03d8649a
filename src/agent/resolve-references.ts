import { REFERENCE_CLOSE, REFERENCE_OPEN } from './tokenize-request.ts';

/**
 * A request whose "that", "it" or "the previous result" points at the session's last tool result.
 * `request` has the phrase marked (`now reverse ⟨that⟩`) so binding skips it; `value` is what to bind.
 */
export type ReferenceResolution =
  | { resolved: true; request: string; phrase: string; value: unknown }
  /** `phrase` is set when the request refers back but there is no earlier result. */
  | { resolved: false; request: string; phrase?: string };

const NOUN_PHRASE = /\b(?:(?:the|that|this|my)\s+(?:previous|last|prior|earlier)\s+(?:result|answer|output|value|number|text|string|list)|(?:the|that|this)\s+(?:result|answer|output)|that\s+(?:number|value|text|string|list|date|word))\b/i;
// "that", "it", "this" as an object: at the end of a clause or before a preposition or adverb,
// so "a tool that reverses" or "this JSON" are left alone.
const PRONOUN = /\b(?:that|it|this)\b(?=\s*(?:$|[.,!?;:)])|\s+(?:to|into|in|by|with|and|then|as|from|for|please|again|too|instead|backwards|twice|thrice|over|up|down|around|once|more|now)\b)/i;

/**
 * Finds the first reference to an earlier result in `request` and resolves it to
 * `previousResult` (from `SessionStore.lastToolResult`). Strings bind to the first string
 * parameter and numbers to the first numeric one left free; see `bindArguments`' `reference`.
 *
 * @example
 * resolveReferences({ request: 'now reverse that', previousResult: { value: 'dlrow olleh' } });
 * // { resolved: true, request: 'now reverse ⟨that⟩', phrase: 'that', value: 'dlrow olleh' }
 */
export function resolveReferences(options: { request: string; previousResult?: { value: unknown } }): ReferenceResolution {
  const { request, previousResult } = options;
  const match = NOUN_PHRASE.exec(request) ?? PRONOUN.exec(request);
  if (match === null) return { resolved: false, request };
  const phrase = match[0];
  if (previousResult === undefined) return { resolved: false, request, phrase };
  const marked = `${request.slice(0, match.index)}${REFERENCE_OPEN}${phrase}${REFERENCE_CLOSE}${request.slice(match.index + phrase.length)}`;
  return { resolved: true, request: marked, phrase, value: previousResult.value };
}
