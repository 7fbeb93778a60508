import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // The CLI tests spawn bin/shenbao.mjs, which runs the build in out/cli.
    globalSetup: ['test/support/buildNodePrograms.ts'],
  },
});
