/**
 * Test-first tool synthesis: a request becomes a spec (tool.json plus a docstring), then a test
 * suite and an implementation written independently from the spec, verified in the sandbox and
 * repaired from the failing tests. Nothing is written anywhere; the agent registers the result.
 * Each stage's prompt is a module in `prompts/`; the repair reply shape is in `repair-reply.ts`.
 */
export { synthesizeTool, DEFAULT_REPAIR_ATTEMPTS } from './synthesize-tool.ts';
export type { SynthesizeToolOptions, SynthesisResult } from './synthesize-tool.ts';
export { SynthesisEventSchema, SynthesisFailureSchema, SuiteSummarySchema, SynthesisStatusSchema } from './events.ts';
export type { SynthesisEvent, SynthesisEventType, SynthesisFailure, SuiteSummary, SynthesisStatus } from './events.ts';
export { ToolSpecSchema, SPEC_PURPOSE, SPEC_SCHEMA_NAME } from './prompts/spec-prompt.ts';
export type { ToolSpec } from './prompts/spec-prompt.ts';
export { TESTS_PURPOSE, MINIMUM_TESTS } from './prompts/tests-prompt.ts';
export { IMPLEMENTATION_PURPOSE } from './prompts/implementation-prompt.ts';
export { REPAIR_PURPOSE, TEST_FIX_MARKER } from './prompts/repair-prompt.ts';
export { parseRepairReply } from './repair-reply.ts';
export type { RepairReply } from './repair-reply.ts';
export { countTests } from './check-test-file.ts';
