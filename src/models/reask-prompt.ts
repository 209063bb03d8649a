/**
 * Purpose: the follow-up sent once when a structured reply fails to parse or to fit its schema.
 * It quotes the validation error so the model can correct exactly what was wrong; the bad reply
 * itself precedes it in the conversation as the assistant's turn.
 */
export function reaskPrompt(options: { schemaName: string; error: string }): string {
  return [
    `Your previous reply could not be used as \`${options.schemaName}\`.`,
    '',
    'Validation error:',
    options.error,
    '',
    'Reply again with only the corrected JSON value: no prose, no code fences.',
  ].join('\n');
}
