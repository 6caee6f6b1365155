import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultClientConditions, defineConfig } from 'vite';

// '@textbank/source' lets Vite bundle @textbank/contracts from its TypeScript
// source, so the web never waits for (or drifts from) a contracts build.
export default defineConfig({
  plugins: [svelte()],
  resolve: { conditions: ['@textbank/source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true },
});
