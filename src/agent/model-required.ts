import { ToolsmithError } from '../errors.ts';

/** How to configure a model, in one line every "needs a model" message ends with. */
export const MODEL_SETUP =
  'set TOOLSMITH_MODEL=openai:gpt-4.1-mini with OPENAI_API_KEY, or TOOLSMITH_MODEL=anthropic:claude-sonnet-4-5 with ANTHROPIC_API_KEY, ' +
  'or TOOLSMITH_MODEL=openai-compatible:<model> with TOOLSMITH_MODEL_BASE_URL (Ollama, LM Studio), or TOOLSMITH_MODEL=scripted:FILE (in the environment or .env)';

/** Writing a tool needs a model and none is configured. */
export function synthesisNeedsModel(options: { request: string; nearest?: string }): ToolsmithError {
  const nearest = options.nearest === undefined ? 'no tool in the library fits it' : `the closest tool, ${options.nearest}, is not a close enough match`;
  return new ToolsmithError({
    kind: 'user',
    code: 'model_not_configured',
    message: `Answering "${options.request}" needs a new tool (${nearest}), and writing one needs a model, but TOOLSMITH_MODEL is not set.`,
    hint: MODEL_SETUP,
  });
}

/** Deterministic binding could not read the values and there is no model to ask. */
export function argumentsUnreadable(options: { tool: string; reasons: readonly string[]; example: string }): ToolsmithError {
  return new ToolsmithError({
    kind: 'user',
    code: 'arguments_unreadable',
    message: `Could not read the arguments for ${options.tool} from the request: ${options.reasons.join('; ')}.`,
    hint: `phrase the request with the values written out (${options.example}), or configure a model to read it: ${MODEL_SETUP}`,
    details: { tool: options.tool, reasons: [...options.reasons] },
  });
}
