// Size budgets (issue 8), measured on the built package in dist/ (run
// `npm run build` first; `npm test` does). Every check is bundled and minified by esbuild
// (@size-limit/preset-small-lib 12) and gzipped; react, react-dom and zustand are
// peers and not counted. `npm run size` fails when a check is over its limit.
//
// "Core" means src/core (state model, reducer, store, selectors, error
// catalog, clock) imported from the `zego-status-kit` entry, with adapters and
// policies tree-shaken away; the whole `.` entry (core + adapters + policies)
// is measured too, for the record.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = import.meta.dirname;
const dist = (file) => resolve(root, 'dist', file);
const ignore = ['react', 'react-dom', 'zustand'];
// esbuild escapes non-ASCII text (\uXXXX, 6 bytes a character) unless told to
// keep UTF-8 (3 bytes), as Vite and other app bundlers do.
const utf8 = (config) => ({ ...config, charset: 'utf8' });

// The opt-in media-health extension (issue 14): its own check below, not "core alone".
const MEDIA_HEALTH = ['media-events.d.ts', 'media-health.d.ts', 'media-selectors.d.ts', 'device-error.d.ts'];

// Runtime names of the core: declared in dist/core/*.d.ts and exported at
// runtime by dist/index.js (types and interfaces drop out).
async function coreExports() {
  const runtime = new Set(Object.keys(await import(dist('index.js'))));
  const declared = new Set();
  for (const file of readdirSync(dist('core')).filter((name) => name.endsWith('.d.ts') && !MEDIA_HEALTH.includes(name))) {
    const text = readFileSync(dist(`core/${file}`), 'utf8');
    for (const match of text.matchAll(/export declare (?:const|let|function|class|enum|abstract class) (\w+)/g)) {
      declared.add(match[1]);
    }
  }
  const names = [...declared].filter((name) => runtime.has(name)).sort();
  if (names.length === 0) throw new Error('size-limit: found no core exports in dist/core/*.d.ts');
  return names;
}

// Neither Chinese catalog may ship in an English bundle: not the UI catalog
// (src/react/i18n/zh-CN.ts) in `zego-status-kit/react`, not describeError's
// messages (src/core/errors-zh-CN.ts) there or in the core. Their strings are
// read from the sources (placeholders cut out, runs shorter than 4 characters
// dropped), and a plugin fails the check if any of them is in the bundle, raw
// or \u-escaped.
function zhCatalogStrings() {
  const strings = new Set();
  for (const file of ['src/react/i18n/zh-CN.ts', 'src/core/errors-zh-CN.ts']) {
    const source = readFileSync(resolve(root, file), 'utf8');
    for (const match of source.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)) {
      for (const run of match[1].split(/\{\w+\}/)) {
        const text = run.trim();
        if (/[\u3400-\u9fff]/.test(text) && text.length >= 4) strings.add(text);
      }
    }
  }
  if (strings.size < 40) throw new Error(`size-limit: read only ${strings.size} Chinese strings from the zh-CN catalogs`);
  const escape = (text) => text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  return [...strings].flatMap((text) => [text, escape(text), escape(text).toLowerCase()]);
}

function noZhCatalog(config) {
  const strings = zhCatalogStrings();
  config = utf8(config);
  config.plugins = [
    ...(config.plugins ?? []),
    {
      name: 'zsk-no-zh-cn-catalog',
      setup(build) {
        build.onEnd((result) => {
          for (const file of Object.keys(result.metafile?.outputs ?? {})) {
            const code = readFileSync(resolve(file), 'utf8');
            const found = strings.filter((text) => code.includes(text));
            if (found.length > 0) {
              const text = `a zh-CN catalog leaked into an English bundle (${found.length} strings, e.g. ${JSON.stringify(found[0])})`;
              return { errors: [{ text }] };
            }
          }
          return undefined;
        });
      },
    },
  ];
  return config;
}

const core = await coreExports();

export default [
  {
    name: 'zego-status-kit/react: everything (English, no zh-CN catalogs)',
    path: dist('react/index.js'),
    import: '*',
    gzip: true,
    ignore,
    limit: '8 KB',
    modifyEsbuildConfig: noZhCatalog,
  },
  {
    name: "zego-status-kit/react: { useRoomState } alone",
    path: dist('react/index.js'),
    import: '{ useRoomState }',
    gzip: true,
    ignore,
    limit: '2 KB',
    modifyEsbuildConfig: utf8,
  },
  {
    name: `zego-status-kit: core alone (${core.length} exports of src/core, no zh-CN catalog)`,
    path: dist('index.js'),
    import: `{ ${core.join(', ')} }`,
    gzip: true,
    ignore,
    limit: '4 KB',
    modifyEsbuildConfig: noZhCatalog,
  },
  {
    name: 'zego-status-kit: createStatusStore + mediaHealth() (issue 14 opt-in), for the record',
    path: dist('index.js'),
    import: '{ createStatusStore, mediaHealth }',
    gzip: true,
    ignore,
    modifyEsbuildConfig: utf8,
  },
  {
    name: 'zego-status-kit: whole entry (core + adapters + policies), for the record',
    path: dist('index.js'),
    import: '*',
    gzip: true,
    ignore,
    modifyEsbuildConfig: utf8,
  },
  {
    name: 'zego-status-kit/zh-CN: describeError in Chinese, for the record',
    path: dist('zh-CN.js'),
    import: '*',
    gzip: true,
    ignore,
    modifyEsbuildConfig: utf8,
  },
  {
    name: 'zego-status-kit/react/zh-CN: the Chinese UI catalog (with describeError in Chinese), for the record',
    path: dist('react/zh-CN.js'),
    import: '*',
    gzip: true,
    ignore,
    modifyEsbuildConfig: utf8,
  },
  {
    name: 'zego-status-kit/styles.css',
    path: dist('styles.css'),
    disablePlugins: ['@size-limit/esbuild'],
    gzip: true,
    limit: '2.5 KB',
  },
];
