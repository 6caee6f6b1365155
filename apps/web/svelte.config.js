// Present so vite-plugin-svelte stops warning; `lang="ts"` needs no preprocessor.
export default {};
