import swc from 'unplugin-swc';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

const swcPlugin = () =>
  swc.vite({
    module: { type: 'es6' },
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
  });

// Tests run in Vite's SSR environment: conditions go under ssr.resolve, and
// replacing the list drops Vite's defaults, so they are spread back in.
const ssr = { resolve: { conditions: ['@textbank/source', ...defaultServerConditions] } };

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [swcPlugin()],
        ssr,
        test: { name: 'unit-int', environment: 'node', include: ['src/**/*.unit.spec.ts', 'src/**/*.int.spec.ts'], pool: 'forks', testTimeout: 30_000 },
      },
      {
        plugins: [swcPlugin()],
        ssr,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/**/*.e2e.spec.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
