/**
 * Rules the stylesheet must keep, read from the CSS files themselves.
 *
 * - CJK font stack: Chinese renders as boxes (tofu) on a Linux desktop whose
 *   first fonts have no CJK glyphs unless the stack names a CJK font that
 *   system has. Every `--zsk-font` names the common ones of each platform,
 *   Latin fonts first (so Latin text keeps the system UI font) and the
 *   generic `sans-serif` last.
 * - Tiles stand out: a video tile's edge has at least 3:1 contrast with the
 *   page in every theme (WCAG 2.2, 1.4.11 non-text contrast): its own
 *   background, or the ring drawn around it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const kitCss = readFileSync(resolve(root, 'src/react/styles.css'), 'utf8');
const storyCss = readFileSync(resolve(root, 'stories/support/story.css'), 'utf8');

/** Families every font stack must name, per platform. */
const CJK_FONTS = {
  'Linux (Noto / Source Han, the fonts-noto-cjk package)': ['Noto Sans CJK SC', 'Source Han Sans SC'],
  'Linux (WenQuanYi, the fonts-wqy-* packages)': ['WenQuanYi Micro Hei', 'WenQuanYi Zen Hei'],
  macOS: ['PingFang SC', 'Hiragino Sans GB'],
  Windows: ['Microsoft YaHei'],
  'Android (and Google Fonts)': ['Noto Sans SC', 'Droid Sans Fallback'],
} as const;

const families = (stack: string): string[] => stack.split(',').map((family) => family.trim().replace(/^["']|["']$/g, ''));

/** Every `--zsk-font` declaration of a stylesheet. */
const fontStacks = (css: string): string[] => [...css.matchAll(/--zsk-font\s*:\s*([^;}]+)/g)].map((match) => match[1]!.trim());

describe('CJK font stack: every --zsk-font names a CJK font of each platform, so Chinese never renders as boxes', () => {
  const stacks = [
    ...fontStacks(kitCss).map((stack) => ['src/react/styles.css', stack] as const),
    ...fontStacks(storyCss).map((stack) => ['stories/support/story.css (brand theme)', stack] as const),
  ];

  it('finds the stacks', () => {
    expect(stacks.length).toBeGreaterThanOrEqual(2);
  });

  it.each(stacks)('%s: %s', (_, stack) => {
    const names = families(stack);
    for (const [platform, fonts] of Object.entries(CJK_FONTS)) {
      for (const font of fonts) expect(names, `${platform}: "${font}" is missing from ${stack}`).toContain(font);
    }
    expect(names.at(-1), 'the generic family comes last').toBe('sans-serif');
    const firstCjk = Math.min(...Object.values(CJK_FONTS).flat().map((font) => names.indexOf(font)));
    expect(names.slice(0, firstCjk).length, 'a Latin UI font before the CJK ones').toBeGreaterThan(0);
  });
});

/** The `--zsk-*` declarations of the first top-level block whose selector is `selector`. */
function theme(css: string, selector: RegExp): Map<string, string> {
  const block = css.split('\n').find((line) => selector.test(line));
  if (!block) throw new Error(`no block matches ${selector}`);
  return new Map([...block.matchAll(/(--zsk-[\w-]+):([^;}]+)/g)].map((match) => [match[1]!, match[2]!.trim()]));
}

const luminance = (colour: string): number => {
  const hex = colour.length === 4 ? `#${[...colour.slice(1)].map((c) => c + c).join('')}` : colour;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('video tiles stand out from the page (>= 3:1, WCAG 1.4.11)', () => {
  const light = theme(kitCss, /^:root,\[data-theme=light\]\{/);
  const themes: [string, Map<string, string>][] = [
    ['light', light],
    ['dark', new Map([...light, ...theme(kitCss, /^\[data-theme=dark\]\{/)])],
    ['dark (prefers-color-scheme)', new Map([...light, ...theme(kitCss, /^@media \(prefers-color-scheme:dark\)/)])],
  ];

  it('the tile draws its ring', () => {
    expect(kitCss).toMatch(/\.zsk-stream\{[^}]*box-shadow:0 0 0 1px var\(--zsk-color-video-ring\)/);
  });

  it.each(themes)('%s theme', (_, vars) => {
    const page = vars.get('--zsk-color-bg')!;
    const edges = [vars.get('--zsk-color-video-bg')!, vars.get('--zsk-color-video-ring')!].filter((colour) => /^#([0-9a-f]{3}){1,2}$/i.test(colour));
    const best = Math.max(...edges.map((colour) => contrast(colour, page)));
    expect(best, `tile edge ${edges.join(' / ')} on page ${page}`).toBeGreaterThanOrEqual(3);
  });
});
