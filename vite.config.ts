import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
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
      // Types for `import 'zego-status-kit/styles.css'` (the "types" condition
      // of its export): without them TypeScript 6 reports TS2882 (a side-effect
      // import it cannot resolve) unless the app declares `*.css` itself.
      for (const types of ['styles.css.d.ts', 'styles.css.d.cts']) {
        writeFileSync(resolve(root, 'dist', types), '// zego-status-kit/styles.css: a stylesheet, no exports.\nexport {};\n');
      }
    },
  };
}

// Server components: every module that runs React hooks or renders is a
// client module and gets 'use client' (as a banner, once the build has seen
// the module graph); every other module stays a plain module, so its values
// and functions (formatDuration, en, kitClass, CONNECTING_NOTICE_MS ...) reach
// server code as themselves, not as client references. A module under
// src/react/ is client code when it imports react / react-dom or another such
// module. The entries only re-export, so they carry no directive: a server
// component may import `formatDuration` and `ReconnectingBanner` from
// `zego-status-kit/react` alike. preserveModules keeps one file per module,
// so no plain module shares a file with a client one.
const ENTRIES = {
  index: 'src/index.ts',
  'zh-CN': 'src/zh-CN.ts',
  'react/index': 'src/react/index.ts',
  'react/zh-CN': 'src/react/zh-CN.ts',
  'simulator/index': 'src/simulator/index.ts',
  'devtools/index': 'src/devtools/index.ts',
};
const entryFiles = new Set(Object.values(ENTRIES).map((file) => resolve(root, file)));
const clientModules = new Set<string>();
function useClient(): Plugin {
  return {
    name: 'zsk-use-client',
    apply: 'build',
    buildEnd() {
      const reactDir = resolve(root, 'src/react') + '/';
      const isReact = (id: string) => /^react(-dom)?($|\/)/.test(id);
      const ids = [...this.getModuleIds()].filter((id) => id.startsWith(reactDir) && !entryFiles.has(id));
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
      if (clientModules.size === 0) this.error('found no client modules under src/react/');
    },
    // Guard: rolldown may drop module directives; fail the build rather than
    // ship a client module without one, or a plain module with one.
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const client = chunk.moduleIds.some((id) => clientModules.has(id));
        if (client !== /^\s*['"]use client['"]/.test(chunk.code)) {
          this.error(`${chunk.fileName} ${client ? "lacks 'use client'" : "has 'use client' but is not a client module"}`);
        }
      }
    },
  };
}
function useClientBanner(chunk: { moduleIds: readonly string[] }): string {
  return chunk.moduleIds.some((id) => clientModules.has(id)) ? "'use client';" : '';
}

const external = [/^react($|\/)/, /^react-dom($|\/)/, /^zustand($|\/)/, /^zego-express-engine-webrtc($|\/)/];

export default defineConfig({
  plugins: [
    react(),
    dts({
      tsconfigPath: resolve(root, 'tsconfig.build.json'),
      entryRoot: resolve(root, 'src'),
      include: ['src'],
      // .d.ts beside the ESM .js, .d.cts beside the CommonJS .cjs.
      outDirs: ['dist', { dir: 'dist', moduleFormat: 'cjs' }],
    }),
    copyStyles(),
    useClient(),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: false,
    lib: {
      entry: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, resolve(root, file)])),
      formats: ['es', 'cjs'],
      fileName: (format, name) => `${name}.${format === 'es' ? 'js' : 'cjs'}`,
    },
    rolldownOptions: {
      external,
      // Constants stay named imports: inlined, they would leave a bare
      // `import "./constants.js"` behind, which app bundlers warn about.
      optimization: { inlineConst: false },
      output: {
        // One file per source module: with `sideEffects` limited to CSS, app
        // bundlers drop every module an app does not use (e.g. a lone
        // useRoomState does not pull in the policies, adapters or error catalog).
        preserveModules: true,
        preserveModulesRoot: resolve(root, 'src'),
        banner: useClientBanner,
      },
    },
  },
});
