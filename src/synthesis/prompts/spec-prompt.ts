// The spec stage's prompt: turns a request into a tool's contract (tool.json plus a docstring),
// which the test writer and the implementer then work from independently.
import { z } from 'zod';
import type { ModelPurpose } from '../../models/index.ts';
import { compileJsonSchema, ToolManifestSchema } from '../../tool-package/index.ts';

export const SPEC_PURPOSE = 'spec' as const satisfies ModelPurpose;
export const SPEC_SCHEMA_NAME = 'tool_spec';

/**
 * The spec reply: every field of `tool.json` plus `docstring`. It is strict enough that a reply
 * which would not make a valid manifest fails here, so the model layer asks again with the reason.
 */
export const ToolSpecSchema = ToolManifestSchema.extend({
  description: z
    .string()
    .trim()
    .min(1, 'description must not be empty')
    .max(300, 'description must be one short line (at most 300 characters)')
    .refine((text) => !/[\r\n]/.test(text), 'description must be one line; put details in docstring'),
  docstring: z
    .string()
    .trim()
    .min(20, 'docstring must describe the function, its examples and the edge cases it handles'),
}).superRefine((spec, ctx) => {
  for (const key of ['parameters', 'returns'] as const) {
    const compiled = compileJsonSchema(spec[key]);
    if (!compiled.ok) ctx.addIssue({ code: 'custom', path: [key], message: `${key} is not a valid JSON Schema: ${compiled.message}` });
  }
});

export type ToolSpec = z.infer<typeof ToolSpecSchema>;

export const SPEC_SYSTEM_PROMPT = `You design one tool for Toolsmith, an agent that answers requests by calling small, tested TypeScript functions run in a sandbox.
Reply with one JSON object, the tool's spec, with these fields:
- "name": snake_case, verb first and specific (reverse_string, parse_csv_line, count_words), at most 64 characters.
- "description": one line saying what the tool does and returns; it is what search matches requests against.
- "parameters": a JSON Schema (draft 2020-12) of the ONE object argument: {"type": "object", "properties": {...}, "required": [...], "additionalProperties": false}. Give every property a "type" and a "description"; add "default", "minimum", "enum" where they apply.
- "returns": a JSON Schema of the JSON value the function returns.
- "runtime": "isolate" (the default: plain JavaScript with no Node APIs) or "process" only if the tool truly needs Node built-ins.
- "capabilities": {} unless the tool must read files, then {"fs.read": ["<folder>"]}. There is never network access.
- "version": "1.0.0".
- "docstring": what the function does; each parameter; the return value; 2 to 4 examples written as name({...}) → result; the edge cases it handles (empty input, zero, negative numbers, boundaries, Unicode) and what it returns for each; the invalid inputs it rejects, each with the Error it throws.
Design rules:
- One focused, reusable function; prefer a general tool (convert_units) over a one-off (convert_5_miles).
- Deterministic: the same arguments always give the same result; no clock, randomness or network.
- If the request needs the network, design the part that works on text passed in instead.
- The function is synchronous unless it reads files.`;

export interface SpecPromptInput {
  /** What the user asked for, in their words. */
  request: string;
  /** Behaviour the user showed, in their words or as `input → output`. */
  examples?: readonly string[];
}

export function buildSpecPrompt(input: SpecPromptInput): string {
  const examples = input.examples ?? [];
  return [
    `Request: ${input.request.trim()}`,
    ...(examples.length === 0 ? [] : ['', 'Examples from the user (the tool must agree with them):', ...examples.map((example) => `- ${example}`)]),
    '',
    'Design the tool that answers this request and others like it. Reply with the spec as JSON.',
  ].join('\n');
}
