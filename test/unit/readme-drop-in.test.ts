/**
 * Issue 13: the README's drop-in is the natural way to write an app, so it
 * has to be the right one. Its first example connects the engine once, where
 * it is created (a room screen shown after loginRoom then misses nothing), and
 * passes the kit the same retry budget it gives the SDK (with the SDK at 20 s
 * and the kit at its 5 min default, the banner said "gives up in 4 min 42 s"
 * one second before the failure). The hook variant hands over the login.
 * (scripts/readme-check.mjs type-checks these blocks; this checks what they teach.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the size-limit config is plain JavaScript, without types.
import { MEDIA_STEP, SECTION_1 } from '../../.size-limit.mjs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## 1. Drop-in components'), readme.indexOf('## 2. Headless hooks'));
const blocks = [...section.matchAll(/^```tsx\n([\s\S]*?)^```/gm)].map((m) => m[1]!);

describe('README drop-in', () => {
  it('connects the engine once, where it is created, before any component', () => {
    const [first] = blocks;
    const connect = first!.search(/^connectZegoWeb\(zg, store\b/m);
    expect(connect).toBeGreaterThan(first!.indexOf('new ZegoExpressEngine('));
    expect(connect).toBeLessThan(first!.indexOf('function Room'));
    expect(first).not.toMatch(/useZegoWeb\(/);
  });

  it('passes the kit the retry budget it gives the SDK', () => {
    const [first] = blocks;
    const sdk = /setEngineConfig\(\{ roomRetryTime: (\w+) \}\)/.exec(first!);
    expect(sdk).not.toBeNull();
    expect(first).toContain(`roomRetryTimeMs: ${sdk![1]} * 1000`);
  });

  it('the hook variant hands useZegoWeb the login of a room screen shown after loginRoom', () => {
    const hook = blocks.find((block) => block.includes('useZegoWeb('));
    expect(hook).toMatch(/useZegoWeb\(zg, \{ roomID, login\b/);
    expect(hook).toMatch(/const login = zg\.loginRoom\(/);
  });
});

/** The names a README block imports from 'zego-status-kit' (core) and 'zego-status-kit/react'. */
function importsOf(block: string): { core: string[]; react: string[] } {
  const from = (entry: string) =>
    [...block.matchAll(new RegExp(`import \\{([^}]*)\\} from '${entry}';`, 'g'))].flatMap((m) => m[1]!.split(',').map((name) => name.trim()).filter(Boolean)).sort();
  return { core: from('zego-status-kit'), react: from('zego-status-kit/react') };
}

// `npm run size` measures what the README's section 1, and section 1 with the
// media health step, import (issue 15: the size table reports these same
// entries); .size-limit.mjs lists the names, this keeps them the README's.
describe('README drop-in sizes', () => {
  const sorted = (names: { core: string[]; react: string[] }) => ({ core: [...names.core].sort(), react: [...names.react].sort() });

  it("section 1's size check imports exactly what section 1 imports", () => {
    expect(importsOf(blocks[0]!)).toEqual(sorted(SECTION_1));
  });

  it("the media step's size check adds exactly what the media step imports", () => {
    const step = blocks.find((block) => block.includes('mediaHealth()'));
    expect(step).toBeDefined();
    expect(importsOf(step!)).toEqual(sorted(MEDIA_STEP));
  });
});

