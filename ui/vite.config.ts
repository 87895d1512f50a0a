import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The .ftl files live in ../locales (shared with the Rust side), outside this
// Vite root; the dev server must be allowed to read them.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    fs: { allow: ['..'] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'safari15',
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
