import { createDrivenModel } from './driven-model.ts';
import { parseModelSpec } from './model-spec.ts';
import type { Model } from './model-port.ts';
import { resolveProviderSettings, type ModelEnv } from './provider-settings.ts';
import type { RetrySettings } from './retry-policy.ts';
import { loadScriptedModel } from './scripted/create-scripted-model.ts';

export interface CreateModelOptions {
  /** `provider:model`: `openai:gpt-4.1-mini`, `anthropic:claude-sonnet-4-5`, `openai-compatible:qwen2.5-coder:7b`, `scripted:FILE`. */
  spec: string;
  /** Keys and base URLs, already merged from the environment and `.env` by the caller. */
  env?: ModelEnv;
  /** Where `scripted:FILE` is resolved from. */
  cwd: string;
  /** Time limit for each try of each call. Default 120 000 ms. */
  timeoutMs?: number;
  /** Backoff for transient API failures (429, 5xx, network, timeouts). */
  retry?: RetrySettings;
}

/**
 * Builds the model `spec` names. Bad settings (unknown provider, missing key or base URL, a bad
 * script) throw `user` errors naming the variable to set. The AI SDK is loaded only here, and only
 * for provider models.
 *
 * @example
 * const model = await createModel({ spec: 'openai:gpt-4.1-mini', env: { OPENAI_API_KEY: key }, cwd: process.cwd() });
 */
export async function createModel(options: CreateModelOptions): Promise<Model> {
  const { provider, name } = parseModelSpec(options.spec);
  if (provider === 'scripted') return loadScriptedModel({ file: name, cwd: options.cwd });
  const settings = resolveProviderSettings({ provider, modelName: name, env: options.env ?? {} });
  const { createProviderDriver } = await import('./providers/provider-driver.ts');
  const driver = await createProviderDriver({
    settings,
    timeoutMs: options.timeoutMs ?? 120_000,
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  });
  return createDrivenModel({ driver });
}
