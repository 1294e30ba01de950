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
