// The test run StrykerJS repeats for each mutant (`npm run mutate`, see
// scripts/mutate.mjs and docs/mutation.md): the node suites only, the ones
// that exercise src/core, src/policy, src/adapters and src/simulator. jsdom,
// Chromium and Storybook runs are too slow to repeat per mutant on two shared
// cores; source-hygiene reads src/ as text, which Stryker rewrites.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/unit/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
    // peer-versions checks the installed react/zustand (injected by vitest.config.ts's projects), not src/.
    exclude: ['test/unit/source-hygiene.test.ts', 'test/unit/summary.test.ts', 'test/unit/peer-versions.test.ts'],
    // A tenth of each fuzz suite's runs per mutant (test/fuzz/seed.ts); the
    // fixed seeds still run, so a result replays.
    env: { ZSK_FUZZ_SCALE: '0.1' },
    // Stryker's instrumented code runs several times slower than the build.
    testTimeout: 60_000,
  },
});
