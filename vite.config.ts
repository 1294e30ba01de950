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

// Server-component frameworks need 'use client' on every module that runs
// React hooks or renders, not only on the `zego-status-kit/react` barrel:
// bundlers that honour `sideEffects` may import a component's module directly
// and skip the barrel. A module under src/react/ is client code when it
// imports react / react-dom or another such module; after the build has seen
// the module graph, each of those gets the directive as a banner (src
// entries that carry their own, index.ts and zh-CN.ts, keep theirs).
const clientModules = new Set<string>();
function useClient(): Plugin {
  return {
    name: 'zsk-use-client',
    apply: 'build',
    buildEnd() {
      const reactDir = resolve(root, 'src/react') + '/';
      const isReact = (id: string) => /^react(-dom)?($|\/)/.test(id);
      const ids = [...this.getModuleIds()].filter((id) => id.startsWith(reactDir));
      let grew = true;
      while (grew) {
        grew = false;
        for (const id of ids) {
          if (clientModules.has(id)) continue;
          const imported = this.getModuleInfo(id)?.importedIds ?? [];
          if (imported.some((dep) => isReact(dep) || clientModules.has(dep))) {
            clientModules.add(id);
            grew = true;
          }
        }
      }
    },
    // Guard: rolldown may drop module directives; fail the build rather than ship without them.
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.moduleIds.some((id) => clientModules.has(id))) continue;
        if (!/^\s*['"]use client['"]/.test(chunk.code)) this.error(`${chunk.fileName} lacks 'use client'`);
      }
    },
  };
}
function useClientBanner(chunk: { moduleIds: readonly string[] }): string {
  const own = chunk.moduleIds.some((id) => /src\/react\/(index|zh-CN)\.ts$/.test(id));
  return !own && chunk.moduleIds.some((id) => clientModules.has(id)) ? "'use client';" : '';
}

const external = [/^react($|\/)/, /^react-dom($|\/)/, /^zustand($|\/)/, /^zego-express-engine-webrtc($|\/)/];

export default defineConfig({
  plugins: [
    react(),
    dts({ tsconfigPath: resolve(root, 'tsconfig.build.json'), entryRoot: resolve(root, 'src'), include: ['src'] }),
    copyStyles(),
    useClient(),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: resolve(root, 'src/index.ts'),
        'zh-CN': resolve(root, 'src/zh-CN.ts'),
        'react/index': resolve(root, 'src/react/index.ts'),
        'react/zh-CN': resolve(root, 'src/react/zh-CN.ts'),
        'simulator/index': resolve(root, 'src/simulator/index.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      output: {
        // One file per source module: with `sideEffects` limited to CSS, app
        // bundlers drop every module an app does not use (e.g. a lone
        // useRoomState does not pull in the policies, adapters or error catalog).
        preserveModules: true,
        preserveModulesRoot: resolve(root, 'src'),
        entryFileNames: '[name].js',
        banner: useClientBanner,
      },
    },
  },
});
