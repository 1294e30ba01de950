import { resolve } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import chromiumArgs from './scripts/chromium-args.json' with { type: 'json' };

const root = import.meta.dirname;

// scripts/find-chromium.mjs sets ZSK_CHROMIUM; browsers are never downloaded here.
const chromium = playwright({
  launchOptions: {
    executablePath: process.env.ZSK_CHROMIUM || '/usr/bin/chromium',
    // Shared with scripts/storybook-smoke.mjs. The host-resolver rule keeps
    // everything on the machine: every host name resolves to nothing (DESIGN §4).
    args: chromiumArgs,
  },
});

// Autoplay tests (issue 14) get browsers of their own: the first with the real
// autoplay policy and a page no test has clicked yet (a click anywhere in a
// browser lets every later frame of it play sound), the second with the
// policy off, for the case where the browser allows autoplay with sound (the
// stories use that one too, see below).
const AUTOPLAY_TESTS = ['test/browser/autoplay.test.tsx', 'test/browser/autoplay-allowed.test.tsx'];
const autoplayAllowed = playwright({
  launchOptions: {
    executablePath: process.env.ZSK_CHROMIUM || '/usr/bin/chromium',
    args: [...chromiumArgs, '--autoplay-policy=no-user-gesture-required'],
  },
});

// One Chromium per browser project; each instance needs a name of its own.
const browser = (name: string, provider = chromium) => ({
  enabled: true,
  headless: true,
  provider,
  instances: [{ browser: 'chromium' as const, name }],
  screenshotFailures: false,
});

export default defineConfig({
  plugins: [react()],
  test: {
    // Two cores: keep the pool small so the browser project has room.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.{ts,tsx}', 'test/fuzz/**/*.test.tsx'],
          setupFiles: [resolve(root, 'test/setup-dom.ts')],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, ...AUTOPLAY_TESTS],
          browser: browser('browser-chromium'),
        },
      },
      {
        extends: true,
        test: { name: 'browser-autoplay', include: [AUTOPLAY_TESTS[0]!], browser: browser('autoplay-chromium') },
      },
      {
        extends: true,
        test: {
          name: 'browser-autoplay-allowed',
          include: [AUTOPLAY_TESTS[1]!],
          browser: browser('autoplay-allowed-chromium', autoplayAllowed),
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: resolve(root, '.storybook') })],
        // Stories refuse autoplay themselves, deterministically (refuseAutoplay in
        // stories/support/media-story.ts): their clicks are testing-library events,
        // not user gestures, so the browser's own policy must not refuse as well.
        // The first story of a file also pays for compiling it: on a shared 2-core
        // machine that alone can approach vitest's default 15 s.
        test: { name: 'storybook', testTimeout: 30_000, browser: browser('storybook-chromium', autoplayAllowed) },
      },
    ],
  },
});
