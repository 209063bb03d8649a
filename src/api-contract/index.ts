/**
 * The HTTP API's wire contract: every body, query and reply as a zod schema. The server validates
 * with it and generates `/openapi.json` from it; `remote/` checks the server's replies with it.
 * Kept apart from `server/` so a client does not load the server.
 */
export * from './api-schemas.ts';
