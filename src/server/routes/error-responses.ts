import { ErrorResponseSchema } from '../../api-contract/index.ts';
import { json } from './json-content.ts';

const errorContent = json(ErrorResponseSchema);

/** The error statuses a route can answer with, for the OpenAPI document. */
export function errorResponses(...statuses: Array<400 | 401 | 404 | 413 | 415 | 429 | 502 | 503>) {
  const descriptions = {
    400: 'bad input (invalid JSON, a body or query that breaks the schema, bad arguments)',
    401: 'missing or wrong bearer token (when TOOLSMITH_API_TOKEN is set)',
    404: 'not found',
    413: 'body too large',
    415: 'body is not JSON',
    429: 'too many requests running; see Retry-After',
    502: 'the model replied wrongly',
    503: 'the machine or a dependency failed',
  } as const;
  return Object.fromEntries([401, ...statuses].map((status) => [status, { description: descriptions[status as keyof typeof descriptions], content: errorContent }]));
}
