import { randomInt } from 'node:crypto';

// No 0/o, 1/l/i: ids are read aloud and typed back (`toolsmith chat --session k7mq2x9d`).
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A short random id, 8 characters from a 31-letter alphabet (about 40 bits). */
export function newSessionId(): string {
  let id = '';
  for (let i = 0; i < 8; i += 1) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}
