import type { Model, ModelCallRecord } from './model-port.ts';

/**
 * Wraps a model so every reply it produces (a re-asked one included) is reported to `onCall`,
 * alongside any `onCall` a caller passes per call.
 *
 * @example
 * const records: ModelCallRecord[] = [];
 * const logged = withCallLog({ model, onCall: (record) => records.push(record) });
 */
export function withCallLog(options: { model: Model; onCall: (record: ModelCallRecord) => void }): Model {
  const { model, onCall } = options;
  const chain = (own: ((record: ModelCallRecord) => void) | undefined) => (record: ModelCallRecord) => {
    own?.(record);
    onCall(record);
  };
  return {
    id: model.id,
    generateObject: (call) => model.generateObject({ ...call, onCall: chain(call.onCall) }),
    generateText: (call) => model.generateText({ ...call, onCall: chain(call.onCall) }),
  };
}
