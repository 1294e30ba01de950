// Size report straight from src/ (no build needed, so it can run while
// something else owns dist/): bundles each size-limit target with esbuild the
// way @size-limit/preset-small-lib does (minify, ESM, UTF-8; zustand bundled,
// react external, as .size-limit.mjs measures),
// gzips it, and lists what each module adds to the minified bundle.
// `npm run size` on dist/ is the gate; this is for finding where bytes go.
//
//   node scripts/size-report.mjs             totals for each budget
//   node scripts/size-report.mjs banner -v   plus per-module bytes
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const src = (file) => resolve(root, 'src', file);

const core = JSON.stringify(src('index.ts'));
const react = JSON.stringify(src('react/index.ts'));
// The budgets of .size-limit.mjs, from src/.
const targets = {
  store: `export { createStatusStore } from ${core};`,
  useRoomState: `export { createStatusStore } from ${core}; export { StatusProvider, useRoomState } from ${react};`,
  banner: `export { createStatusStore } from ${core}; export { StatusProvider, useZegoWeb, ReconnectingBanner } from ${react};`,
  section1: `export { connectZegoWeb, createStatusStore, mediaHealth } from ${core}; export { StatusProvider, useAudiencePolicy, useRoomStreams, useRoomState, ReconnectingBanner, KickedOutOverlay, ConnectionStatusBadge, StreamView } from ${react};`,
};

const [only, flag] = process.argv.slice(2);
for (const [name, contents] of Object.entries(targets)) {
  if (only && only !== name) continue;
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    metafile: true,
    charset: 'utf8',
    logLevel: 'error',
    external: ['react', 'react-dom', 'react/*'],
  });
  const code = result.outputFiles[0].contents;
  console.log(`${name.padEnd(13)} min ${String(code.length).padStart(6)} B   gzip ${String(gzipSync(code, { level: 9 }).length).padStart(5)} B`);
  if (flag === '-v') {
    const inputs = Object.values(result.metafile.outputs)[0].inputs;
    for (const [file, { bytesInOutput }] of Object.entries(inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)) {
      if (bytesInOutput > 0) console.log(`   ${String(bytesInOutput).padStart(6)}  ${file.replace(`${root}/`, '')}`);
    }
  }
}
