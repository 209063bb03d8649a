// Run as a child process by the crash test: adds versions and executions until killed, printing
// "committed <n>" after each transaction that has returned.
import { openToolStore } from '../open-store.ts';
import { makePackage, makeSuite } from './fixtures.ts';

const dataDir = process.argv[2] ?? '';
const round = Number(process.argv[3] ?? '0');
const { store } = await openToolStore({ dataDir });
process.stdout.write('ready\n');
let committed = 0;
for (let i = 0; ; i += 1) {
  const name = `crash_tool_${i % 4}`;
  const version = `${round + 1}.${Math.floor(i / 4)}.0`;
  await store.addVersion({
    pkg: makePackage({ name, version, description: `Crash test tool ${i} of round ${round}.` }),
    status: i % 3 === 0 ? 'experimental' : 'verified',
    testResults: makeSuite({ passed: 2 }),
    reason: `round ${round} step ${i}`,
    embeddings: [{ embedderId: 'crash-test', vector: [Math.cos(i), Math.sin(i), 1] }],
  });
  await store.recordExecution({ name, version, success: i % 2 === 0, durationMs: i });
  committed += 1;
  process.stdout.write(`committed ${committed}\n`);
}
