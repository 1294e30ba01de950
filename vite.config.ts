import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import dts from 'vite-plugin-dts';

const root = import.meta.dirname;

// styles.css ships as a file of its own (`zego-status-kit/styles.css`), not
// injected by JavaScript, so apps decide whether to load it.
function copyStyles(): Plugin {
  return {
    name: 'zsk-copy-styles',
    apply: 'build',
    closeBundle() {
      mkdirSync(resolve(root, 'dist'), { recursive: true });
      copyFileSync(resolve(root, 'src/react/styles.css'), resolve(root, 'dist/styles.css'));
    },
  };
}

const external = [/^react($|\/)/, /^react-dom($|\/)/, /^zustand($|\/)/, /^zego-express-engine-webrtc($|\/)/];

export default defineConfig({
  plugins: [
    react(),
    dts({ tsconfigPath: resolve(root, 'tsconfig.build.json'), entryRoot: resolve(root, 'src'), include: ['src'] }),
    copyStyles(),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: resolve(root, 'src/index.ts'),
        react: resolve(root, 'src/react/index.ts'),
        'react-zh-CN': resolve(root, 'src/react/zh-CN.ts'),
        simulator: resolve(root, 'src/simulator/index.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: { external },
  },
});
