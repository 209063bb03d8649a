import { userError } from '../errors.ts';

export const MODEL_PROVIDERS = ['openai', 'anthropic', 'openai-compatible', 'scripted'] as const;
export type ModelProvider = (typeof MODEL_PROVIDERS)[number];

const EXAMPLES = 'openai:gpt-4.1-mini, anthropic:claude-sonnet-4-5, openai-compatible:qwen2.5-coder:7b or scripted:./script.json';

/** Splits `provider:model` at the first colon only: Ollama model names carry their own (`qwen2.5-coder:7b`). */
export function parseModelSpec(spec: string): { provider: ModelProvider; name: string } {
  const colon = spec.indexOf(':');
  const provider = colon === -1 ? spec.trim() : spec.slice(0, colon).trim();
  const name = colon === -1 ? '' : spec.slice(colon + 1).trim();
  if (!(MODEL_PROVIDERS as readonly string[]).includes(provider)) {
    throw userError(
      'model_provider_unknown',
      `Unknown model provider "${provider}" in TOOLSMITH_MODEL="${spec}"; valid providers are ${MODEL_PROVIDERS.join(', ')}.`,
      `set TOOLSMITH_MODEL to provider:model, e.g. ${EXAMPLES}`,
    );
  }
  if (name === '') {
    throw userError(
      'model_spec_invalid',
      `TOOLSMITH_MODEL="${spec}" names no model after "${provider}:".`,
      `set TOOLSMITH_MODEL to provider:model, e.g. ${EXAMPLES}`,
    );
  }
  return { provider: provider as ModelProvider, name };
}
