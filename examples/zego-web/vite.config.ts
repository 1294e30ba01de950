import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The example uses the kit straight from the repository's source (no
// separate install: react, react-dom, zustand and zego-express-engine-webrtc
// resolve from the repository's node_modules). tsconfig.json maps the same
// specifiers for the type-checker.
const src = resolve(import.meta.dirname, '../../src');

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^zego-status-kit$/, replacement: resolve(src, 'index.ts') },
      { find: /^zego-status-kit\/react$/, replacement: resolve(src, 'react/index.ts') },
      { find: /^zego-status-kit\/react\/zh-CN$/, replacement: resolve(src, 'react/zh-CN.ts') },
      { find: /^zego-status-kit\/styles\.css$/, replacement: resolve(src, 'react/styles.css') },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The ZEGO SDK alone is about 1.6 MB unminified; that is the SDK, not the kit.
    chunkSizeWarningLimit: 2500,
  },
});
