// Run as a child process by the tests: opens the store in argv[2] and reports what happened as JSON.
import { ToolsmithError } from '../../../errors.ts';
import { openToolStore } from '../open-store.ts';

const dataDir = process.argv[2] ?? '';
try {
  const { close } = await openToolStore({ dataDir });
  await close();
  process.stdout.write(JSON.stringify({ opened: true }));
} catch (error) {
  process.stdout.write(JSON.stringify(ToolsmithError.isInstance(error) ? { opened: false, ...error.toJSON() } : { opened: false, message: String(error) }));
}
