// The package as an app sees it: `npm pack` the built package, install the
// tarball into a fresh Vite + React + TypeScript app in a temporary
// directory, import every entry (`.`, `/zh-CN`, `/react`, `/react/zh-CN`,
// `/simulator`, `/devtools`, `/styles.css`), then:
// - type-check the app (strict, library .d.ts checked too) and build it;
// - type-check src/strict.ts with plain tsc (no Vite types, so nothing
//   declares `*.css` but the package) under strict, exactOptionalPropertyTypes
//   and noUncheckedIndexedAccess, passing `undefined` explicitly to
//   representative props and options (issue 15);
// - require() and import() every entry in Node, and check that a provider
//   loaded one way reaches hooks loaded the other way (one React context);
// - run a Jest test (default config: no transform of node_modules) that
//   requires every entry and renders the banner on the server.
// The app's toolchain is pinned to the versions in this repository's
// package.json (Jest: JEST below); `--prefer-offline` reuses the npm cache.
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

// Jest for the require() consumer; not a dependency of this repository.
const JEST = '30.5.2';

// The JavaScript entries: every export but the stylesheet and package.json.
const ENTRIES = Object.keys(pkg.exports)
  .filter((key) => !/\.(css|json)$/.test(key))
  .map((key) => pkg.name + key.slice(1));

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

// Plain tsc, strict + exactOptionalPropertyTypes + noUncheckedIndexedAccess:
// explicit `undefined` for representative props and options, and the
// stylesheet imported with nothing but the package's own declarations.
const STRICT_SOURCE = `import 'zego-status-kit/styles.css';
import { createElement, createRef } from 'react';
import {
  attachAudiencePolicy,
  connectZegoWeb,
  createStatusStore,
  describeError,
  systemClock,
  type StatusStoreOptions,
} from 'zego-status-kit';
import {
  ConnectionStatusBadge,
  KickedOutOverlay,
  ReconnectingBanner,
  StatusProvider,
  StreamView,
  en,
  formatDuration,
  useReconnectingBanner,
  type ReconnectingBannerProps,
  type StatusMessageOverrides,
  type StatusProviderProps,
  type StreamViewProps,
} from 'zego-status-kit/react';
import { createSimulatedRoom } from 'zego-status-kit/simulator';
import { connectDevtools, fromPlainState, toPlainState } from 'zego-status-kit/devtools';

declare const maybeId: string | undefined;
declare const maybeMs: number | undefined;
declare const maybeMessages: StatusMessageOverrides | undefined;
declare const maybeRetry: (() => void) | undefined;

const options: StatusStoreOptions = { clock: undefined, roomRetryTimeMs: maybeMs, heartbeatTimeoutMs: undefined, onListenerError: undefined };
const store = createStatusStore(options);
const room = createSimulatedRoom({ clock: systemClock, roomRetryTimeMs: maybeMs, heartbeatTimeoutMs: undefined });
const engine = room.createEngine({ userID: 'viewer', userName: undefined });
const disconnect = connectZegoWeb(engine, store, { roomRetryTimeMs: maybeMs });
const policy = attachAudiencePolicy({ engine, store, clock: undefined, replayDelayMs: maybeMs, maxReplayAttempts: undefined, shouldPlay: undefined, roomID: maybeId });
const stopDevtools = connectDevtools(store, { name: undefined, extension: undefined, onWarning: undefined });

const provider: StatusProviderProps = { store, messages: maybeMessages, locale: undefined, mediaRegistry: undefined, children: undefined };
const banner: ReconnectingBannerProps = {
  roomID: maybeId,
  store: undefined,
  messages: { reconnecting: undefined, retry: 'Try again' },
  showDelayMs: maybeMs,
  minVisibleMs: undefined,
  connectingNoticeMs: undefined,
  onRetry: maybeRetry,
  unstyled: undefined,
  ref: createRef<HTMLDivElement>(),
};
const view: StreamViewProps = { streamID: 'host-main', media: undefined, muted: undefined, label: maybeId, onRetry: undefined, videoProps: undefined };
export const tree = createElement(
  StatusProvider,
  provider,
  createElement(ReconnectingBanner, banner),
  createElement(ConnectionStatusBadge, { roomID: maybeId, hideText: undefined, messages: maybeMessages }),
  createElement(KickedOutOverlay, { roomID: maybeId, onRejoin: maybeRetry, onLeave: undefined, contained: undefined }),
  createElement(StreamView, view),
);
export function useBannerText(): string | null {
  return useReconnectingBanner(maybeId, { store: undefined, messages: maybeMessages, reconnectedMs: maybeMs }).title;
}
const restored = fromPlainState(JSON.parse(JSON.stringify(toPlainState(store.getState()))));
const first = [...store.getState().rooms.keys()][0];
// noUncheckedIndexedAccess: an index may be absent.
const firstRoom: string | undefined = first;
export const text: string = formatDuration(maybeMs ?? 0, en) + describeError(1002033).message + String(restored !== null) + String(firstRoom);
policy.detach();
disconnect();
stopDevtools();
`;

// Jest's default config: CommonJS, node environment, node_modules untransformed.
const JEST_TEST = `const React = require('react');
const { renderToString } = require('react-dom/server');
const entries = ${JSON.stringify(ENTRIES)};

test('require() loads every entry', () => {
  for (const entry of entries) expect(Object.keys(require(entry)).length).toBeGreaterThan(0);
  expect(typeof require('zego-status-kit').createStatusStore).toBe('function');
  expect(typeof require('zego-status-kit/react').ReconnectingBanner).toBe('object');
  expect(require('zego-status-kit/react/zh-CN').zhCN.locale).toBe('zh-CN');
  expect(typeof require('zego-status-kit/devtools').connectDevtools).toBe('function');
});

test('a store, the provider and the banner work through require()', () => {
  const { createStatusStore } = require('zego-status-kit');
  const { StatusProvider, ReconnectingBanner, formatDuration, en } = require('zego-status-kit/react');
  const store = createStatusStore();
  store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINING', errorCode: 0, at: 0 });
  store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'RECONNECTING', errorCode: 1000017, at: 1000 });
  const html = renderToString(React.createElement(StatusProvider, { store }, React.createElement(ReconnectingBanner)));
  expect(html).toContain('Reconnecting');
  expect(formatDuration(258000, en)).toBe('4 min 18 s');
});
`;

// Node itself: require() and import() of every entry agree, and the two
// copies they load share one React context (no dual-package hazard).
const NODE_CHECK = `import { createRequire } from 'node:module';
import { strict as assert } from 'node:assert';
const require = createRequire(import.meta.url);
const entries = ${JSON.stringify(ENTRIES)};
for (const entry of entries) {
  const cjs = Object.keys(require(entry)).sort();
  const esm = Object.keys(await import(entry)).filter((key) => key !== 'default' && key !== 'module.exports').sort();
  assert.deepEqual(cjs, esm, entry + ': require() and import() export different names');
  assert.ok(cjs.length > 0, entry + ' exports nothing');
}
const React = require('react');
const { renderToString } = require('react-dom/server');
const cjs = require('zego-status-kit/react');
const esm = await import('zego-status-kit/react');
assert.notEqual(cjs.StatusProvider, esm.StatusProvider, 'expected two copies of the module (CommonJS and ESM)');
const { createStatusStore } = await import('zego-status-kit');
const store = createStatusStore();
store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'RECONNECTING', errorCode: 1000017, at: 0 });
for (const [provider, banner] of [[cjs, esm], [esm, cjs]]) {
  const html = renderToString(React.createElement(provider.StatusProvider, { store }, React.createElement(banner.ReconnectingBanner)));
  assert.match(html, /Reconnecting/, 'a provider loaded one way does not reach a banner loaded the other way');
}
console.log('node: require() and import() of ' + entries.length + ' entries agree; one context across both');
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
  const targets = (target) => (typeof target === 'string' ? [target] : Object.values(target).flatMap(targets));
  const missing = Object.values(pkg.exports)
    .flatMap(targets)
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
        devDependencies: { ...Object.fromEntries(devDeps.map((name) => [name, pinned(name)])), jest: JEST },
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
  mkdirSync(join(app, 'strict'));
  writeFileSync(join(app, 'strict/strict.ts'), STRICT_SOURCE);
  writeFileSync(
    join(app, 'strict/tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'DOM'],
          module: 'ESNext',
          moduleResolution: 'bundler',
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          noUncheckedSideEffectImports: true,
          skipLibCheck: false,
          noEmit: true,
          // Plain tsc: no ambient types at all, so only the package can declare styles.css.
          types: [],
        },
        files: ['strict.ts'],
      },
      null,
      2,
    ),
  );
  mkdirSync(join(app, 'jest'));
  writeFileSync(join(app, 'jest/require.test.cjs'), JEST_TEST);
  writeFileSync(join(app, 'node-check.mjs'), NODE_CHECK);

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

  // 5. Plain tsc, strict + exactOptionalPropertyTypes + noUncheckedIndexedAccess.
  sh(join(app, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'strict/tsconfig.json'], app);
  log('strict tsc (exactOptionalPropertyTypes, noUncheckedIndexedAccess, styles.css with no Vite types): ok');

  // 6. Node: require() and import() of every entry; one context across both.
  log(sh(process.execPath, ['node-check.mjs'], app).trim());

  // 7. Jest, default config.
  sh(join(app, 'node_modules/.bin/jest'), ['--ci', 'jest'], app);
  log('jest (default config, require() of every entry): ok');
  ok = true;
} catch (error) {
  console.error(`[consumer] FAILED: ${error instanceof Error ? error.message : error}`);
} finally {
  if (process.env.ZSK_KEEP_CONSUMER) log(`kept ${app}`);
  else rmSync(app, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
