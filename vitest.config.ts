import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Tool packages under fixtures are run inside the sandbox, not by vitest itself.
    exclude: ['**/node_modules/**', '**/fixtures/**'],
    pool: 'forks',
    // Vitest's default (a core fewer than the machine has) runs one file at a time on two cores, but
    // most tests wait on child processes, databases and a browser: on 2 cores the suite took 767 s
    // one file at a time and 554 s two at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // isolated-vm needs the node snapshot off on Node 20+.
    execArgv: ['--no-node-snapshot'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
