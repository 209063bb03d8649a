/**
 * What a request asks for: to get something done with a tool (`use`, the default, which searches
 * the registry first), or explicitly to build a new tool (`create`, which goes straight to
 * synthesis with the description of the tool to build).
 */
export type Intent = { intent: 'use' } | { intent: 'create'; description: string; name?: string };

// Openings that may precede the creation verb: politeness, "can you", "I need you to", "let's".
const OPENING = String.raw`(?:(?:please|hey|hi|ok|okay|so|now)[,!]?\s+)*(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|(?:i|we)\s+(?:need|want|would\s+like|'d\s+like)\s+you\s+to\s+|let'?s\s+|go\s+ahead\s+and\s+|(?:i|we)\s+(?:want|need|would\s+like|'d\s+like)\s+to\s+)?(?:please\s+)?`;
const VERB = String.raw`(?:create|build|make|write|generate|develop|implement|code(?:\s+up)?|whip\s+up|put\s+together)`;
const ARTICLE = String.raw`(?:(?:me|us)\s+)?(?:a|an|one|some)?\s*`;
// Up to two describing words between the article and the noun: "a small JavaScript function".
const NOUN = String.raw`(?:new\s+)?(?:[\w-]+\s+){0,2}?(?:new\s+)?(?:tool|function|utility|helper|command)s?\b`;
const NEED = String.raw`(?:i|we)\s+(?:need|want|would\s+like|'d\s+like)\s+(?:a|an)\s+new\s+(?:[\w-]+\s+){0,2}?(?:tool|function|utility)\b`;

// At the start of the request or of a sentence in it.
const CREATE_PATTERN = new RegExp(String.raw`(?:^|[.!?;]\s+)(?:${OPENING}${VERB}\s+${ARTICLE}${NOUN}|${NEED})`, 'i');
const NAME_PATTERN = /^\s*(?:called|named)\s+[`'"“]?([A-Za-z][\w-]*)[`'"”]?/i;
const CONNECTOR = /^\s*(?:,\s*)?(?:that\s+(?:can|will|would|should)\s+|which\s+(?:can|will|would|should)\s+|that|which|so\s+that\s+it|so\s+that|to|for|able\s+to|capable\s+of|:|-|–|—)\s*/i;

/**
 * Detects an explicit request to build a tool ("create a tool that …", "write me a function to …",
 * "I need a new tool to …"). Anything else, including questions about tools ("what tools can build
 * a website?") and requests that merely use the words ("make me a sandwich"), is `use`.
 *
 * @example
 * detectIntent({ request: 'Create a tool that counts vowels in a string' });
 * // { intent: 'create', description: 'counts vowels in a string' }
 */
export function detectIntent(options: { request: string }): Intent {
  const request = options.request.trim();
  const match = CREATE_PATTERN.exec(request);
  if (match === null) return { intent: 'use' };
  let rest = request.slice(match.index + match[0].length);
  const named = NAME_PATTERN.exec(rest);
  const name = named?.[1];
  if (named !== null) rest = rest.slice(named[0].length);
  const connector = CONNECTOR.exec(rest);
  if (connector !== null) rest = rest.slice(connector[0].length);
  const description = rest.trim().replace(/[\s.!?]+$/, '');
  return {
    intent: 'create',
    description: description === '' ? request : description,
    ...(name === undefined ? {} : { name }),
  };
}
