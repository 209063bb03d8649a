import { ToolsmithError } from '../errors.ts';
import { extractCode } from '../models/index.ts';
import type { Model, ModelPurpose } from '../models/index.ts';

/** A reply that was turned down, handed to the prompt builder for the second try. */
export interface RejectedReply {
  reply: string;
  reason: string;
}

/**
 * Asks for a file as text, extracts its code and checks it. A reply with no code or with
 * problems is asked for once more with the reason; a second bad reply is the model's fault.
 */
export async function askForCode(options: {
  model: Model;
  purpose: ModelPurpose;
  system: string;
  buildPrompt: (retry: RejectedReply | undefined) => string;
  /** Problems with the code, as sentences for the model; empty when it is acceptable. */
  check: (code: string) => string[];
  /** The error code when the second reply is still unacceptable, e.g. `tests_invalid`. */
  invalidCode: string;
  /** What the file is, for messages: `test file`, `implementation`. */
  what: string;
  signal?: AbortSignal | undefined;
}): Promise<string> {
  const { model, purpose, system, buildPrompt, check, invalidCode, what, signal } = options;
  let retry: RejectedReply | undefined;
  for (let attempt = 1; ; attempt++) {
    const { text } = await model.generateText({ purpose, system, prompt: buildPrompt(retry), ...(signal === undefined ? {} : { signal }) });
    const outcome = readCode(text, check);
    if (outcome.ok) return outcome.code;
    if (attempt >= 2) {
      if (outcome.error !== undefined) throw outcome.error;
      throw new ToolsmithError({
        kind: 'model',
        code: invalidCode,
        message: `the model's ${what} was rejected twice: ${outcome.reason}`,
        hint: 'try again, or use a stronger model for this purpose',
        details: { reply: text },
      });
    }
    retry = { reply: text, reason: outcome.reason };
  }
}

type CodeOutcome = { ok: true; code: string } | { ok: false; reason: string; error?: ToolsmithError };

function readCode(text: string, check: (code: string) => string[]): CodeOutcome {
  let code: string;
  try {
    code = extractCode(text, { language: 'ts' });
  } catch (error) {
    if (ToolsmithError.isInstance(error) && error.kind === 'model') return { ok: false, reason: error.message, error };
    throw error;
  }
  const problems = check(code);
  return problems.length === 0 ? { ok: true, code } : { ok: false, reason: problems.join(' ') };
}
