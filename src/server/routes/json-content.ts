/** An OpenAPI `content` entry: the body is JSON of this schema. */
export const json = <T>(schema: T) => ({ 'application/json': { schema } });
