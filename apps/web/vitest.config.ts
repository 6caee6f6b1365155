import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Components are rendered with svelte/server in a node environment: the specs
// assert on HTML, so no DOM library is needed.
export default defineConfig({
  plugins: [svelte()],
  resolve: { conditions: ['@textbank/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@textbank/source', ...defaultServerConditions] } },
  test: { environment: 'node', include: ['src/**/*.spec.ts'] },
});
