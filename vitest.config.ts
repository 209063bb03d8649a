import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Tool packages under fixtures are run inside the sandbox, not by vitest itself.
    exclude: ['**/node_modules/**', '**/fixtures/**'],
    pool: 'forks',
    // isolated-vm needs the node snapshot off on Node 20+.
    execArgv: ['--no-node-snapshot'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
