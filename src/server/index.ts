/** The HTTP API: a Fetch-API app over one Toolsmith, and a Node listener for it. */
export { createServerApp } from './create-server-app.ts';
export type { CreateServerAppOptions, ServerApp } from './create-server-app.ts';
export type { ServerLimits } from './server-context.ts';
export { startServer } from './start-server.ts';
export type { StartServerOptions, RunningServer } from './start-server.ts';
export { checkBindPolicy, isLoopbackHost } from './bind-policy.ts';
export { statusForError } from './http-errors.ts';
