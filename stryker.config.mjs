// @ts-check
// StrykerJS for `npm run mutate` (scripts/mutate.mjs runs it one folder at a
// time). A report, not a gate: docs/mutation.md has the scores and the
// surviving mutants with why each is equivalent or what test now kills it.
const folder = process.env.ZSK_MUTATE_FOLDER ?? 'core';
const reports = `reports/mutation/${folder}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // ZSK_MUTATE_FILES (comma-separated paths under src/<folder>/) narrows a run to some files.
  mutate: process.env.ZSK_MUTATE_FILES?.split(',') ?? [`src/${folder}/**/*.ts`, `!src/${folder}/index.ts`],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutate.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Only the tests that reach a mutant run for it.
  coverageAnalysis: 'perTest',
  // Two cores shared with other work: one mutant at a time. A mutant that
  // loops forever (persistent-map has a few) costs its timeout: 5 s on top of
  // 1.5x the covering tests' own time keeps that short without calling a slow
  // moment an infinite loop.
  concurrency: 1,
  timeoutMS: 5_000,
  timeoutFactor: 1.5,
  // Reruns only test mutants whose code or covering tests changed
  // (reports/ is git-ignored; the first run on a machine is a full one).
  incremental: true,
  incrementalFile: `${reports}/incremental.json`,
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  cleanTempDir: 'always',
  // Build and test output is not copied into the sandbox (npm test rewrites it meanwhile).
  ignorePatterns: ['test-results', 'dist', 'storybook-static', 'coverage', '.size-limit-tmp', '*.tgz', 'examples/*/dist'],
  tempDirName: `.stryker-tmp/${folder}`,
};
