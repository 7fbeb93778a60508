import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { CSP_NONCE_PLACEHOLDER } from './shared/security/csp';
import { ANTD_THEME } from './renderer/src/app/antdTheme';
import { antdStaticStyles } from './scripts/antdStaticStyles';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: { input: { index: resolve(root, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), antdStaticStyles(ANTD_THEME)],
    html: { cspNonce: CSP_NONCE_PLACEHOLDER },
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default: twice the bytes to load and parse at every start.
      minify: 'esbuild',
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
