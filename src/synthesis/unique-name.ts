import { userError } from '../errors.ts';

const MAX_NAME_LENGTH = 64;
const MAX_SUFFIX = 100;

/**
 * `name` if the library does not have it, else the first free `name_2`, `name_3`, ... (cut so the
 * result stays within the 64 characters a manifest allows).
 */
export async function chooseFreeName(name: string, nameTaken: (name: string) => boolean | Promise<boolean>): Promise<string> {
  if (!(await nameTaken(name))) return name;
  for (let suffix = 2; suffix <= MAX_SUFFIX; suffix++) {
    const tail = `_${suffix}`;
    const base = name.slice(0, MAX_NAME_LENGTH - tail.length).replace(/_+$/, '');
    const candidate = `${base}${tail}`;
    if (!(await nameTaken(candidate))) return candidate;
  }
  throw userError(
    'tool_name_unavailable',
    `the library already has "${name}" and every name from ${name}_2 to ${name}_${MAX_SUFFIX}`,
    'remove unused versions from the library, or ask for the tool in more specific words',
  );
}
