export { detectIntent } from './detect-intent.ts';
export type { Intent } from './detect-intent.ts';
export { bindArguments } from './bind-arguments.ts';
export type { ArgumentBinding, BindArgumentsOptions, BindingSource } from './bind-arguments.ts';
export { bindArgumentsWithModel, argumentsSchema } from './bind-arguments-with-model.ts';
export { argumentsPrompt, ARGUMENTS_PURPOSE, ARGUMENTS_SCHEMA_NAME } from './prompts/arguments-prompt.ts';
export type { ArgumentsContext } from './prompts/arguments-prompt.ts';
export { answerPrompt, ANSWER_PURPOSE } from './prompts/answer-prompt.ts';
export { answerTemplate } from './answer-template.ts';
export type { CallResult } from './answer-template.ts';
export { generateAnswer } from './generate-answer.ts';
export { resolveReferences } from './resolve-references.ts';
export type { ReferenceResolution } from './resolve-references.ts';
export { createSessionStore } from './memory/postgres-session-store.ts';
export type { SessionStore } from './memory/session-store-port.ts';
export { MessageInputSchema, MessageRoleSchema, SessionSchema, SessionSummarySchema, SessionMessageSchema } from './memory/session-schemas.ts';
export type { MessageInput, MessageRole, Session, SessionSummary, SessionMessage, ToolResultMessage } from './memory/session-schemas.ts';
export {
  AgentEventSchema,
  AgentErrorSchema,
  SearchHitSchema,
  RequestReceivedEventSchema,
  ContextLoadedEventSchema,
  IntentDetectedEventSchema,
  SearchCompletedEventSchema,
  ArgumentsBoundEventSchema,
  ToolExecutedEventSchema,
  ToolRegisteredEventSchema,
  ModelCalledEventSchema,
  AnswerGeneratedEventSchema,
  RequestFailedEventSchema,
  SynthesisEventSchema,
  createEventStamper,
} from './events.ts';
export type {
  AgentEvent,
  AgentEventType,
  AgentEventBody,
  AgentError,
  SearchHit,
  RequestReceivedEvent,
  ContextLoadedEvent,
  IntentDetectedEvent,
  SearchCompletedEvent,
  ArgumentsBoundEvent,
  ToolExecutedEvent,
  ToolRegisteredEvent,
  ModelCalledEvent,
  AnswerGeneratedEvent,
  RequestFailedEvent,
  SynthesisEvent,
} from './events.ts';
export { createAgent } from './orchestrator.ts';
export type { Agent, AgentOptions, AgentRequest, CreateAgentOptions } from './agent-port.ts';
export { AgentOutcomeSchema, collectOutcome, outcomeFromEvents } from './agent-outcome.ts';
export type { AgentOutcome } from './agent-outcome.ts';
export { MODEL_SETUP } from './model-required.ts';
