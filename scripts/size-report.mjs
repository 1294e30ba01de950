// Size report straight from src/ (no build needed, so it can run while
// something else owns dist/): bundles each size-limit target with esbuild the
// way @size-limit/preset-small-lib does (minify, ESM, peers external, UTF-8),
// gzips it, and lists what each module adds to the minified bundle.
// `npm run size` on dist/ is the gate; this is for finding where bytes go.
//
//   node scripts/size-report.mjs            totals for core and react
//   node scripts/size-report.mjs core -v    plus per-module bytes
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const src = (file) => resolve(root, 'src', file);

function coreNames() {
  const names = new Set();
  // The modules src/core/index.ts re-exports (internal ones like guards.ts are not).
  const index = readFileSync(src('core/index.ts'), 'utf8');
  for (const [, base] of index.matchAll(/export \* from '\.\/([\w-]+)\.js'/g)) {
    const file = `${base}.ts`;
    const text = readFileSync(src(`core/${file}`), 'utf8');
    for (const m of text.matchAll(/^export (?:const|let|function|class|abstract class) (\w+)/gm)) names.add(m[1]);
  }
  return [...names].sort();
}

const targets = {
  core: `export { ${coreNames().join(', ')} } from ${JSON.stringify(src('index.ts'))};`,
  whole: `export * from ${JSON.stringify(src('index.ts'))};`,
  react: `export * from ${JSON.stringify(src('react/index.ts'))};`,
  useRoomState: `export { useRoomState } from ${JSON.stringify(src('react/index.ts'))};`,
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
    external: ['react', 'react-dom', 'zustand', 'react/*', 'zustand/*'],
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
