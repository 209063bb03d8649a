import type { LanguageModel } from 'ai';
import type { ModelDriver } from '../model-driver.ts';
import type { ProviderSettings } from '../provider-settings.ts';
import type { RetrySettings } from '../retry-policy.ts';
import { createAiSdkDriver } from './ai-sdk-driver.ts';

/** Loaded lazily by `createModel`: only a provider model pulls in the AI SDK. */
export async function createProviderDriver(options: { settings: ProviderSettings; timeoutMs: number; retry?: RetrySettings }): Promise<ModelDriver> {
  const { settings } = options;
  return createAiSdkDriver({
    id: `${settings.provider}:${settings.modelName}`,
    languageModel: await loadLanguageModel(settings),
    baseURL: settings.baseURL,
    keyVariable: settings.keyVariable,
    timeoutMs: options.timeoutMs,
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  });
}

// Key and base URL are always passed explicitly: the provider packages would otherwise fall back
// to process.env, and only config decides what the environment says.
async function loadLanguageModel(settings: ProviderSettings): Promise<LanguageModel> {
  switch (settings.provider) {
    case 'openai': {
      const { createOpenAI } = await import('@ai-sdk/openai');
      return createOpenAI({ apiKey: settings.apiKey ?? '', baseURL: settings.baseURL })(settings.modelName);
    }
    case 'anthropic': {
      const { createAnthropic } = await import('@ai-sdk/anthropic');
      return createAnthropic({ apiKey: settings.apiKey ?? '', baseURL: settings.baseURL })(settings.modelName);
    }
    case 'openai-compatible': {
      const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
      // Ollama, vLLM, LM Studio, llama.cpp and OpenRouter all accept `json_schema` response formats.
      return createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: settings.baseURL,
        ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
        supportsStructuredOutputs: true,
        includeUsage: true,
      })(settings.modelName);
    }
  }
}
