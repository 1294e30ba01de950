// Type-checks every ```ts / ```tsx block of README.md as its own module, the
// way a reader would paste it into an app: `zego-status-kit/*` resolve to the
// sources in src/, and the names the README says come from the app (appID,
// token, zg, store, ...) are declared once below. A block that does not
// compile fails `npm test`, so the README cannot teach code that breaks.
//
//   node scripts/readme-check.mjs
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'test-results/readme');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');

const blocks = [];
for (const match of readme.matchAll(/^```(tsx?)\n([\s\S]*?)^```/gm)) {
  const line = readme.slice(0, match.index).split('\n').length + 1;
  blocks.push({ line, code: match[2] });
}
if (blocks.length < 5) throw new Error(`readme-check: found only ${blocks.length} ts/tsx blocks in README.md`);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = blocks.map(({ line, code }) => {
  const file = `readme-line-${line}.tsx`;
  // `export {}` keeps every block a module of its own, like a file in an app.
  writeFileSync(resolve(out, file), `${code}\nexport {};\n`);
  return file;
});

// What the README's snippets take from the app around them.
writeFileSync(
  resolve(out, 'app-globals.d.ts'),
  `import type { ZegoExpressEngine } from 'zego-express-engine-webrtc';
import type { StatusStore } from 'zego-status-kit';
import type { SimulatedEngine } from 'zego-status-kit/simulator';

declare global {
  /** The ZEGO project's values, which the README leaves to the app. */
  const appID: number;
  const server: string;
  const token: string;
  const user: Parameters<ZegoExpressEngine['loginRoom']>[2];
  /** The app's engine, store and camera stream in snippets that do not create them. */
  const zg: ZegoExpressEngine;
  const store: StatusStore;
  const localStream: MediaStream;
  /** The simulated host and viewer of the simulator section's first snippet, used by the ones after it. */
  const host: SimulatedEngine;
  const viewer: SimulatedEngine;
  /** The app's own handlers. */
  function rejoin(): void;
  function leave(): void;
  function attach(streamID: string, media: MediaStream | null): void;
}
`,
);
const src = (path) => [`../../src/${path}`];
writeFileSync(
  resolve(out, 'tsconfig.json'),
  JSON.stringify(
    {
      extends: '../../tsconfig.json',
      compilerOptions: {
        types: ['node', 'vite/client'],
        // A snippet shows one piece of an app; what it declares for later use is fine.
        noUnusedLocals: false,
        paths: {
          'zego-status-kit': src('index.ts'),
          'zego-status-kit/zh-CN': src('zh-CN.ts'),
          'zego-status-kit/react': src('react/index.ts'),
          'zego-status-kit/react/zh-CN': src('react/zh-CN.ts'),
          'zego-status-kit/simulator': src('simulator/index.ts'),
          'zego-status-kit/devtools': src('devtools/index.ts'),
          'zego-status-kit/styles.css': src('react/styles.css'),
        },
      },
      include: ['*.tsx', 'app-globals.d.ts'],
    },
    null,
    2,
  ),
);

const result = spawnSync('npx', ['tsc', '--noEmit', '-p', resolve(out, 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
const report = `${result.stdout}${result.stderr}`.replaceAll(`test-results/readme/`, '').replace(/readme-line-(\d+)\.tsx\((\d+),(\d+)\)/g, (_, line, row, col) => `README.md:${Number(line) + Number(row) - 1}:${col}`);
if (result.status !== 0) {
  console.error(`readme-check: FAILED: README code does not compile:\n${report}`);
  process.exit(1);
}
console.log(`readme-check: ${files.length} README code blocks type-check against src/ (lines ${blocks.map((b) => b.line).join(', ')})`);
