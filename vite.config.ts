import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  // The plugin looks for svelte.config.js in Vite's root (renderer/); ours sits at the top.
  plugins: [svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) })],
  build: {
    outDir: fileURLToPath(new URL(`./${process.env.KIOSK_DIST ?? 'dist'}/renderer`, import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    // No inline scripts or data: modules, so the strict CSP (script-src 'self') holds.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
