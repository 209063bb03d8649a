import { z } from 'zod';
import { MODEL_PURPOSES } from '../model-port.ts';

function isRegex(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

export const ScriptedCallSchema = z.strictObject({
  /** The call this entry answers: `spec`, `tests`, `implementation`, `repair`, `arguments`, `answer`, `plan`. */
  purpose: z.enum(MODEL_PURPOSES),
  /** Optional regular expression, case-insensitive, tested against the prompt (the whole conversation on a re-ask). */
  match: z.string().refine(isRegex, { message: 'not a valid regular expression' }).optional(),
  /**
   * Text for text calls (code in ```ts fences, as a model would write it). For structured calls,
   * a JSON object, or JSON text; both are checked against the call's schema like a real reply.
   */
  reply: z.union([z.string(), z.record(z.string(), z.unknown())]),
});

/**
 * A script for the scripted model (`TOOLSMITH_MODEL=scripted:FILE`): the replies a model would
 * give, so a whole run can be tested offline and deterministically.
 *
 * Each call takes the FIRST entry not yet used whose `purpose` is the call's and whose `match`
 * (if any) matches the prompt. When none is left the call fails with `script_exhausted`.
 * An entry is used once; script two entries to answer a purpose twice (e.g. a re-ask).
 *
 * @example
 * {
 *   "calls": [
 *     { "purpose": "spec", "match": "reverse", "reply": { "name": "reverse_string", "description": "…" } },
 *     { "purpose": "implementation", "reply": "```ts\nexport function reverseString(s: string) { return [...s].reverse().join(''); }\n```" }
 *   ]
 * }
 */
export const ModelScriptSchema = z.strictObject({
  calls: z.array(ScriptedCallSchema),
});

export type ScriptedCall = z.infer<typeof ScriptedCallSchema>;
export type ModelScript = z.infer<typeof ModelScriptSchema>;
