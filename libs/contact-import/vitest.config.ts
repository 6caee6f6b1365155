import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  ssr: { resolve: { conditions: ['@textbank/source', ...defaultServerConditions] } },
  test: {
    environment: 'node',
    include: ['src/**/*.spec.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    // worker threads run compiled JavaScript: build dist before the worker tests use it
    globalSetup: ['./test/build-once.ts'],
  },
});
