// The package as an app sees it: `npm pack` the built package, install the
// tarball into a fresh Vite + React + TypeScript app in a temporary
// directory, import every entry (`.`, `/zh-CN`, `/react`, `/react/zh-CN`, `/simulator`,
// `/styles.css`), then type-check it (strict, library .d.ts checked too) and
// build it. The app's toolchain is pinned to the versions in this
// repository's package.json; `--prefer-offline` reuses the npm cache.
//
//   node scripts/consumer-test.mjs          (builds dist/ first if missing)
//   ZSK_KEEP_CONSUMER=1 node scripts/...     keeps the temporary app
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const started = Date.now();
const log = (message) => console.log(`[consumer] ${((Date.now() - started) / 1000).toFixed(1)} s  ${message}`);

function sh(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status ?? result.signal})`);
  }
  return result.stdout;
}

const pinned = (name) => {
  const version = pkg.devDependencies?.[name];
  if (!version) throw new Error(`consumer-test: ${name} is not a devDependency of ${pkg.name}`);
  return version;
};

// Uses every entry the way an app would; compiled with the app's strict tsconfig.
const APP_SOURCE = `import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  createStatusStore,
  describeError,
  selectRoom,
  statusReducer,
  systemClock,
  type StatusStore,
} from 'zego-status-kit';
import {
  ConnectionStatusBadge,
  KickedOutOverlay,
  ReconnectingBanner,
  StatusProvider,
  StreamView,
  useAudiencePolicy,
  useRoomState,
  useRoomStreams,
  useZegoWeb,
  type StatusMessages,
} from 'zego-status-kit/react';
import { zhCNErrors } from 'zego-status-kit/zh-CN';
import { zhCN } from 'zego-status-kit/react/zh-CN';
import { createSimulatedRoom, type SimulatedEngine } from 'zego-status-kit/simulator';
import 'zego-status-kit/styles.css';

const initial = statusReducer(createStatusStore().getState(), {
  type: 'roomStateChanged',
  at: 0,
  roomID: 'r1',
  reason: 'LOGINING',
  errorCode: 0,
});
const phase: string = selectRoom(initial, 'r1').phase;
const tokenHelp: string = describeError(1002033, zhCNErrors).message;

function Audience({ engine }: { engine: SimulatedEngine }) {
  useZegoWeb(engine);
  const { retry } = useAudiencePolicy(engine, { replayDelayMs: 3000 });
  const room = useRoomState('r1');
  const streams = useRoomStreams('r1');
  return (
    <main data-phase={room.phase}>
      <ConnectionStatusBadge roomID="r1" />
      <ReconnectingBanner roomID="r1" onRetry={() => void engine.loginRoom('r1', 'token')} />
      <KickedOutOverlay roomID="r1" onLeave={() => engine.logoutRoom('r1')} />
      {streams.map((stream) => (
        <StreamView key={stream.streamID} streamID={stream.streamID} onRetry={() => retry(stream.streamID)} />
      ))}
    </main>
  );
}

function App() {
  const [chinese, setChinese] = useState(false);
  const store: StatusStore = useMemo(() => createStatusStore(), []);
  const engine = useMemo(() => createSimulatedRoom({ clock: systemClock }).createEngine({ userID: 'viewer' }), []);
  const messages: StatusMessages | undefined = chinese ? zhCN : undefined;
  return (
    <StatusProvider store={store} {...(messages ? { messages } : {})}>
      <p title={tokenHelp}>{phase}</p>
      <button type="button" onClick={() => setChinese((value) => !value)}>
        {chinese ? 'English' : '中文'}
      </button>
      <Audience engine={engine} />
    </StatusProvider>
  );
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
`;

const app = mkdtempSync(join(tmpdir(), 'zsk-consumer-'));
let ok = false;
try {
  if (!existsSync(join(root, 'dist/index.js'))) {
    log('dist/ missing: building');
    sh('npx', ['vite', 'build'], root);
  }

  // 1. Pack exactly what `npm publish` would ship.
  const [packed] = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', app], root));
  const files = packed.files.map((file) => file.path);
  const missing = Object.values(pkg.exports)
    .flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
    .map((target) => target.replace(/^\.\//, ''))
    .filter((target) => !files.includes(target));
  if (missing.length > 0) throw new Error(`the tarball lacks export targets: ${missing.join(', ')}`);
  const stray = files.filter((file) => !/^(dist\/|package\.json$|README|LICENSE)/i.test(file));
  if (stray.length > 0) throw new Error(`the tarball ships files outside dist/: ${stray.join(', ')}`);
  log(`packed ${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(1)} KiB (unpacked ${(packed.unpackedSize / 1024).toFixed(1)} KiB)`);

  // 2. A fresh Vite + React + TypeScript app.
  const deps = ['react', 'react-dom', 'zustand'];
  const devDeps = ['vite', '@vitejs/plugin-react', 'typescript', '@types/react', '@types/react-dom'];
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify(
      {
        name: 'zsk-consumer',
        private: true,
        type: 'module',
        dependencies: {
          [pkg.name]: `file:./${packed.filename}`,
          ...Object.fromEntries(deps.map((name) => [name, pinned(name)])),
        },
        devDependencies: Object.fromEntries(devDeps.map((name) => [name, pinned(name)])),
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          module: 'ESNext',
          moduleResolution: 'bundler',
          jsx: 'react-jsx',
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          isolatedModules: true,
          verbatimModuleSyntax: true,
          noUncheckedSideEffectImports: true,
          // The kit's own .d.ts are checked too (no skipLibCheck).
          skipLibCheck: false,
          noEmit: true,
          // TypeScript 6 loads no @types by default; vite/client types the CSS import.
          types: ['vite/client'],
        },
        include: ['src'],
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(app, 'vite.config.ts'),
    "import { defineConfig } from 'vite';\nimport react from '@vitejs/plugin-react';\n\nexport default defineConfig({ plugins: [react()] });\n",
  );
  writeFileSync(
    join(app, 'index.html'),
    '<!doctype html>\n<html lang="en">\n  <body>\n    <div id="root"></div>\n    <script type="module" src="/src/main.tsx"></script>\n  </body>\n</html>\n',
  );
  mkdirSync(join(app, 'src'));
  writeFileSync(join(app, 'src/main.tsx'), APP_SOURCE);

  // 3. Install the tarball and the pinned toolchain.
  sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], app);
  log('installed');

  // 4. Type-check and build.
  sh(join(app, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'tsconfig.json'], app);
  log('tsc --noEmit: ok');
  const buildLog = sh(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], app);
  if (/use client|module level directive/i.test(buildLog)) throw new Error(`vite warned about directives:\n${buildLog}`);
  const assets = readdirSync(join(app, 'dist/assets'));
  const js = assets.filter((name) => name.endsWith('.js')).map((name) => readFileSync(join(app, 'dist/assets', name), 'utf8')).join('\n');
  const css = assets.filter((name) => name.endsWith('.css')).map((name) => readFileSync(join(app, 'dist/assets', name), 'utf8')).join('\n');
  if (!js.includes('zsk-')) throw new Error('the app bundle has no zsk- class names: the kit was not bundled');
  if (!css.includes('--zsk-')) throw new Error('the app CSS has no --zsk- variables: styles.css was not bundled');
  log(`vite build: ok (${assets.join(', ')})`);
  ok = true;
} catch (error) {
  console.error(`[consumer] FAILED: ${error instanceof Error ? error.message : error}`);
} finally {
  if (process.env.ZSK_KEEP_CONSUMER) log(`kept ${app}`);
  else rmSync(app, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
