// Size report straight from src/ (no build needed, so it can run while
// something else owns dist/): bundles each JavaScript check of .size-limit.mjs
// with esbuild the way @size-limit/preset-small-lib does (minified, a
// production build, UTF-8; zustand bundled, react external), from the
// sources instead of dist/, gzips it, and lists what each module adds to the
// minified bundle. `npm run size` on dist/ is the gate; this is for finding
// where bytes go (its figures are within a few bytes of the gate's).
//
//   node scripts/size-report.mjs             totals for each check
//   node scripts/size-report.mjs banner -v   plus per-module bytes, for the checks whose name contains "banner"
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import checks from '../.size-limit.mjs';

const root = resolve(import.meta.dirname, '..');
// dist/ entry -> its source.
const source = (file) => file.replace(`${root}/dist/react/index.js`, `${root}/src/react/index.ts`).replace(`${root}/dist/index.js`, `${root}/src/index.ts`);
const targets = Object.fromEntries(
  checks
    .filter((check) => check.import)
    .map((check) => {
      const imports = typeof check.import === 'string' ? { [check.path]: check.import } : check.import;
      // As size-limit writes its entry: import the names and use them.
      const contents = Object.entries(imports)
        .map(([file, names]) => `import ${names} from ${JSON.stringify(source(file))};\nconsole.log(${names.replace(/[{}]/g, '')});`)
        .join('\n');
      return [check.name, contents];
    }),
);

const [only, flag] = process.argv.slice(2);
for (const [name, contents] of Object.entries(targets)) {
  if (only && !name.includes(only)) continue;
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    charset: 'utf8',
    logLevel: 'error',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['react', 'react-dom'],
  });
  const code = result.outputFiles[0].contents;
  // size-limit takes off what esbuild's wrapper of an empty project weighs (more with a require shim for external react).
  const wrapper = Buffer.from(code).includes('Dynamic require of ') ? 182 : 46;
  console.log(`min ${String(code.length).padStart(6)} B   gzip ${String(gzipSync(code).length - wrapper).padStart(5)} B   ${name}`);
  if (flag === '-v') {
    const inputs = Object.values(result.metafile.outputs)[0].inputs;
    for (const [file, { bytesInOutput }] of Object.entries(inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)) {
      if (bytesInOutput > 0) console.log(`   ${String(bytesInOutput).padStart(6)}  ${file.replace(`${root}/`, '')}`);
    }
  }
}
