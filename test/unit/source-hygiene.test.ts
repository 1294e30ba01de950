/**
 * Issue 8, "bad input": what the source itself must never contain, checked by
 * reading every file under src/ — no HTML injection or code evaluation, a
 * core without React, DOM timers or wall-clock reads (time comes from the
 * Clock seam, clock.ts), and imports that only point inward (DESIGN §1:
 * core <- adapters/policy/simulator <- react).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const srcDir = join(root, 'src');

interface SourceFile {
  /** Relative to src/, with forward slashes: `core/store.ts`. */
  readonly path: string;
  readonly layer: string;
  readonly text: string;
  /** The text without comments, so a JSDoc that names a forbidden thing does not count. */
  readonly code: string;
}

function stripComments(text: string): string {
  // Good enough for this codebase: block comments, then line comments not inside a URL-ish string.
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const files: SourceFile[] = walk(srcDir).map((full) => {
  const path = relative(srcDir, full).split('\\').join('/');
  const text = readFileSync(full, 'utf8');
  return { path, layer: path.includes('/') ? path.split('/')[0]! : '(root)', text, code: stripComments(text) };
});

/** Module specifiers of every import / export-from / dynamic import in a file. */
function importsOf(file: SourceFile): string[] {
  const specifiers: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of file.code.matchAll(pattern)) specifiers.push(match[1]!);
  return specifiers;
}

/** The src/ layer a relative import lands in, or the bare package name. */
function targetOf(file: SourceFile, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  const target = relative(srcDir, resolve(srcDir, file.path, '..', specifier)).split('\\').join('/');
  return target.includes('/') ? target.split('/')[0]! : '(root)';
}

const offenders = (predicate: (file: SourceFile) => boolean) => files.filter(predicate).map((f) => f.path);

describe('source hygiene (src/)', () => {
  it('reads the whole tree: every layer of DESIGN §1 is there', () => {
    const layers = new Set(files.map((f) => f.layer));
    for (const layer of ['core', 'adapters', 'policy', 'simulator', 'react']) expect(layers).toContain(layer);
    expect(files.length).toBeGreaterThan(30);
  });

  it.each([
    ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
    ['innerHTML', /\binnerHTML\b/],
    ['outerHTML', /\bouterHTML\b/],
    ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
    ['document.write', /\bdocument\.write(?:ln)?\s*\(/],
    ['eval(', /(?<![\w$.])eval\s*\(/],
    ['new Function', /\bnew\s+Function\s*\(/],
    ['setTimeout with a string', /setTimeout\(\s*['"`]/],
  ])('no %s anywhere, not even in comments', (_name, pattern) => {
    expect(offenders((f) => pattern.test(f.text))).toEqual([]);
  });

  it('core imports no React, and only clock.ts touches Date.now / setTimeout / setInterval', () => {
    const core = files.filter((f) => f.layer === 'core');
    expect(core.length).toBeGreaterThan(5);
    expect(core.filter((f) => /from\s*['"]react(?:-dom)?(?:\/[^'"]*)?['"]/.test(f.code)).map((f) => f.path)).toEqual([]);
    const timeUsers = core
      .filter((f) => f.path !== 'core/clock.ts')
      .filter((f) => /\bsetTimeout\s*\(|\bsetInterval\s*\(|\bDate\.now\s*\(|\bnew\s+Date\s*\(|\bperformance\.now\s*\(/.test(f.code))
      .map((f) => f.path);
    expect(timeUsers).toEqual([]);
  });

  it('the simulator runs on its injected clock: only the test pattern (display, not state) uses real timers', () => {
    const simulator = files.filter((f) => f.layer === 'simulator');
    expect(simulator.length).toBeGreaterThan(3);
    const timeUsers = simulator
      // Global timer calls: not `clock.setTimeout(...)`, nor a clock's own `setTimeout(callback, ms) {` method.
      .filter((f) => {
        const code = f.code.replace(/^\s*set(?:Timeout|Interval)\([\w\s,:]*\)\s*\{$/gm, '');
        return /(?<![\w$.])set(?:Timeout|Interval)\s*\(|\bDate\.now\s*\(|\bnew\s+Date\s*\(|\bperformance\.now\s*\(/.test(code);
      })
      .map((f) => f.path);
    expect(timeUsers).toEqual(['simulator/media.ts']);
  });

  // The simulator may draw a test pattern on a canvas, behind a `typeof document` guard (media.ts).
  it('core, adapters and policy touch no DOM or window global', () => {
    const pure = files.filter((f) => ['core', 'adapters', 'policy'].includes(f.layer));
    expect(pure.filter((f) => /\b(?:window|document|localStorage|sessionStorage)\s*\./.test(f.code)).map((f) => f.path)).toEqual([]);
  });

  it('imports point inward: core <- adapters / policy / simulator <- react', () => {
    // Which src layers each layer may import (besides itself).
    const allowed: Record<string, readonly string[]> = {
      core: [],
      adapters: ['core'],
      policy: ['core'],
      simulator: ['core'],
      devtools: ['core'],
      react: ['core', 'adapters', 'policy'],
      '(root)': ['core', 'adapters', 'policy'],
    };
    const layers = new Set(Object.keys(allowed));
    const violations: string[] = [];
    for (const file of files) {
      for (const specifier of importsOf(file)) {
        const target = targetOf(file, specifier);
        if (!specifier.startsWith('.')) {
          // Packages: React only in the react layer; zustand only in core (the store).
          if (/^react(?:-dom)?$/.test(target) && file.layer !== 'react') violations.push(`${file.path} -> ${specifier}`);
          continue;
        }
        if (target === file.layer) continue;
        if (!layers.has(target) || !allowed[file.layer]?.includes(target)) violations.push(`${file.path} -> ${specifier}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('the import scan sees real imports (guards against a regex that matches nothing)', () => {
    const store = files.find((f) => f.path === 'core/store.ts')!;
    expect(importsOf(store)).toEqual(expect.arrayContaining(['zustand/vanilla', './clock.js', './reducer.js']));
    const banner = files.find((f) => f.path === 'react/reconnecting-banner.tsx')!;
    expect(importsOf(banner).length).toBeGreaterThan(0);
  });

  it('vitest keeps failing runs on unhandled errors and rejections', () => {
    const config = readFileSync(join(root, 'vitest.config.ts'), 'utf8');
    expect(config).not.toMatch(/dangerouslyIgnoreUnhandledErrors/);
  });
});
