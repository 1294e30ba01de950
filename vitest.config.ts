import { resolve } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import chromiumArgs from './scripts/chromium-args.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

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
// (Also used by vitest.render-report.config.ts.)
export const browser = (name: string, provider = chromium) => ({
  enabled: true,
  headless: true,
  provider,
  instances: [{ browser: 'chromium' as const, name }],
  screenshotFailures: false,
});

// The unit and component suites run twice: on React 19 + zustand 5 (the
// devDependencies) and on React 18.3 + zustand 4.5, the oldest peers the
// package accepts, installed under npm aliases (react-18, react-dom-18,
// zustand-4). Vite's aliases cover what Vite transforms; test/react18/resolve.ts
// covers the packages Node loads itself.
const react18 = {
  resolve: {
    alias: [
      { find: /^react(-dom)?(\/.*)?$/, replacement: 'react$1-18$2' },
      { find: /^zustand(\/.*)?$/, replacement: 'zustand-4$1' },
    ],
  },
};
// What test/*/peer-versions.test.* expect each project to run on.
const peers19 = { provide: { peers: { react: pkg.devDependencies.react, zustandMajor: 5 } } };
const peers18 = { provide: { peers: { react: pkg.devDependencies['react-18'].replace('npm:react@', ''), zustandMajor: 4 } } };
const unitTests = ['test/unit/**/*.test.ts', 'test/fuzz/**/*.test.ts'];
const componentTests = ['test/component/**/*.test.{ts,tsx}', 'test/fuzz/**/*.test.tsx'];
const react18Setup = resolve(root, 'test/react18/resolve.ts');

export default defineConfig({
  plugins: [react()],
  test: {
    // Two cores: keep the pool small so the browser project has room.
    maxWorkers: 2,
    // Two cores shared with other work: ordinary tests were seen taking over
    // vitest's 5 s default at load 25-40. Time is injected (manual clocks), so a
    // limit only has to catch a hang; the heavy tests set their own, with why.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          ...peers19,
          include: unitTests,
        },
      },
      {
        extends: true,
        ...react18,
        test: { name: 'unit-react18', environment: 'node', include: unitTests, setupFiles: [react18Setup], ...peers18 },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          ...peers19,
          include: componentTests,
          setupFiles: [resolve(root, 'test/setup-dom.ts')],
        },
      },
      {
        extends: true,
        ...react18,
        test: {
          name: 'component-react18',
          environment: 'jsdom',
          ...peers18,
          include: componentTests,
          setupFiles: [react18Setup, resolve(root, 'test/setup-dom.ts')],
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
      {
        // The same story tests with the locale toolbar on 简体中文: play functions
        // assert through the active catalog, so they pass in either language.
        extends: true,
        plugins: [storybookTest({ configDir: resolve(root, '.storybook'), initialGlobals: { locale: 'zh-CN' } })],
        // After the other projects (groupOrder), so no more than two Chromiums run at once on two cores.
        test: { name: 'storybook-zh-CN', browser: browser('storybook-zh-CN-chromium', autoplayAllowed), testTimeout: 30_000, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
