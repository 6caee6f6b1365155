import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  ssr: { resolve: { conditions: ['@textbank/source', ...defaultServerConditions] } },
  test: { environment: 'node', include: ['src/**/*.spec.ts'], pool: 'forks', testTimeout: 30_000 },
});
