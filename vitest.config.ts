import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
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

// One Chromium per browser project; each instance needs a name of its own.
const browser = (name: string) => ({
  enabled: true,
  headless: true,
  provider: chromium,
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
          browser: browser('browser-chromium'),
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: resolve(root, '.storybook') })],
        // The matrix (18 stores, two themes, an a11y pass) needs more than 15 s on a loaded 2-core machine.
        test: { name: 'storybook', browser: browser('storybook-chromium'), testTimeout: 30_000 },
      },
      {
        // The same story tests with the locale toolbar on 简体中文: play functions
        // assert through the active catalog, so they pass in either language.
        extends: true,
        plugins: [storybookTest({ configDir: resolve(root, '.storybook'), initialGlobals: { locale: 'zh-CN' } })],
        // After the other projects (groupOrder), so no more than two Chromiums run at once on two cores.
        test: { name: 'storybook-zh-CN', browser: browser('storybook-zh-CN-chromium'), testTimeout: 30_000, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
