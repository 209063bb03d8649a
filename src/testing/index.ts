/**
 * Test helpers for Toolsmith setups: a model that answers from a script, so a run can be tested
 * offline and deterministically. See `ModelScriptSchema` for the file format (`TOOLSMITH_MODEL=scripted:FILE`).
 */
export { createScriptedModel } from '../models/scripted/create-scripted-model.ts';
export { ModelScriptSchema } from '../models/scripted/script-schema.ts';
export type { ModelScript, ScriptedCall } from '../models/scripted/script-schema.ts';
export { withCallLog } from '../models/with-call-log.ts';
