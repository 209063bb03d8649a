import { z } from 'zod';

/** snake_case: lower-case words joined by single underscores, starting with a letter. */
export const TOOL_NAME_PATTERN = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

const jsonSchemaObject = z.record(z.string(), z.unknown());

export const ParametersSchema = z
  .looseObject({
    type: z.literal('object', { error: 'parameters must be a JSON Schema with "type": "object" (one object argument)' }),
    properties: z.record(z.string(), jsonSchemaObject).default({}),
    required: z.array(z.string()).optional(),
  })
  .superRefine((schema, ctx) => {
    for (const key of schema.required ?? []) {
      if (!(key in schema.properties)) {
        ctx.addIssue({ code: 'custom', path: ['required'], message: `required names "${key}", which is not in properties` });
      }
    }
  });

export const RuntimeSchema = z.enum(['isolate', 'process'], {
  error: (issue) => `runtime must be "isolate" or "process", not ${JSON.stringify(issue.input)}`,
});

export const CapabilitiesSchema = z
  .strictObject({
    /** Folders the tool may read below, resolved against real paths on the host. */
    'fs.read': z.array(z.string().min(1)).optional(),
  })
  .default({});

export const ToolManifestSchema = z.strictObject({
  name: z
    .string()
    .max(64, 'name must be at most 64 characters')
    .regex(TOOL_NAME_PATTERN, 'name must be snake_case (lower-case letters, digits and single underscores, starting with a letter)'),
  description: z.string().trim().min(1, 'description must not be empty'),
  parameters: ParametersSchema,
  returns: jsonSchemaObject,
  runtime: RuntimeSchema.default('isolate'),
  capabilities: CapabilitiesSchema,
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'version must be semantic, like "1.0.0"')
    .default('1.0.0'),
});

export type ToolManifest = z.infer<typeof ToolManifestSchema>;
export type ToolManifestInput = z.input<typeof ToolManifestSchema>;
export type ToolRuntime = z.infer<typeof RuntimeSchema>;
export type ToolCapabilities = z.infer<typeof CapabilitiesSchema>;

/** The files of a tool package, by their names in the folder. */
export const TOOL_FILE = 'tool.ts';
export const TEST_FILE = 'tool.test.ts';
export const MANIFEST_FILE = 'tool.json';

/**
 * A tool package held in memory: the unit the sandbox, registry and synthesis pass around.
 * `dir` is set only when it was read from a folder, for messages.
 */
export interface ToolPackage {
  manifest: ToolManifest;
  source: string;
  tests: string;
  dir?: string;
}
