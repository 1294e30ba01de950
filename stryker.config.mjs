// @ts-check
// StrykerJS for `npm run mutate` (scripts/mutate.mjs runs it one folder at a
// time). A report, not a gate: docs/mutation.md has the scores and the
// surviving mutants with why each is equivalent or what test now kills it.
const folder = process.env.ZSK_MUTATE_FOLDER ?? 'core';
const reports = `reports/mutation/${folder}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [`src/${folder}/**/*.ts`, `!src/${folder}/index.ts`],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutate.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Only the tests that reach a mutant run for it.
  coverageAnalysis: 'perTest',
  // Every test that kills a mutant is recorded (not only the first), so the
  // report shows which suites carry the score (docs/mutation.md derives the
  // score before issue 17's tests from it).
  disableBail: true,
  // Two cores shared with other work: one mutant at a time, and a generous
  // timeout so a slow moment is not mistaken for an infinite loop.
  concurrency: 1,
  timeoutMS: 20_000,
  timeoutFactor: 3,
  // Reruns only test mutants whose code or covering tests changed
  // (reports/ is git-ignored; the first run on a machine is a full one).
  incremental: true,
  incrementalFile: `${reports}/incremental.json`,
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  cleanTempDir: 'always',
  tempDirName: `.stryker-tmp/${folder}`,
};
