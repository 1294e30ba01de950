// Prints the one plain line CI reads, "N passed, N failed", from what
// `npm test` (scripts/test.mjs) left in test-results/: vitest's JSON report,
// vitest's exit code and the other gates (gates.json). Explanations go before
// it, one "[summary] ..." line each. A run that failed never prints "0 failed":
//
// - Tests are counted one by one (a failing test is one failure, whatever
//   describe blocks it sits in; vitest's numFailedTestSuites counts those too).
// - Tests that did not run count as failed: skipped or todo tests, and tests
//   missing against test/expected-tests.json, the number of tests each folder
//   had when it was last recorded (a floor: adding tests needs no update;
//   removing some does, with `node scripts/summary.mjs --record`). When
//   Chromium cannot start, vitest lists the browser and story files with no
//   test in them and reports success; the floor says how many were expected.
//   A test file listed with no result counts at least one, so a file that
//   drops out is seen even while other files of its folder grew.
// - vitest's exit code counts: a run whose tests all passed but that exited
//   non-zero (an unhandled error or rejection, a failed browser launch)
//   counts one failure more when nothing else explains it.
// - Each other gate (typecheck, build, bench budgets, size, ...) is one check.
// The notes name the failed tests and end with each failed gate's last lines
// (scripts/test.mjs keeps them), so a CI log read from its end says why.
// Exits 1 when anything failed, so .ci/run's status and its line agree.
//
//   node scripts/summary.mjs [results-dir] [--expected file]   (default test-results, test/expected-tests.json)
//   node scripts/summary.mjs --record                          (writes the floors from test-results/vitest.json)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args.splice(at, 2)[1];
};
const expectedFile = option('--expected', 'test/expected-tests.json');
const record = args.includes('--record');
const dir = args.find((arg) => !arg.startsWith('--')) ?? 'test-results';

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
const report = readJson(`${dir}/vitest.json`);
const gates = readJson(`${dir}/gates.json`) ?? [];
/** Folder (path prefix, relative to the working directory) -> tests it had when recorded. */
const expected = readJson(expectedFile) ?? {};

const folderOf = (file) => {
  const path = relative(process.cwd(), file).split('\\').join('/');
  return Object.keys(expected).find((prefix) => path.startsWith(prefix)) ?? path.split('/').slice(0, -1).join('/') + '/';
};

if (record) {
  if (!report) throw new Error(`no ${dir}/vitest.json to record from`);
  const counts = {};
  for (const file of report.testResults) {
    const folder = folderOf(file.name);
    counts[folder] = (counts[folder] ?? 0) + file.assertionResults.filter((test) => test.status === 'passed' || test.status === 'failed').length;
  }
  writeFileSync(expectedFile, `${JSON.stringify(Object.fromEntries(Object.entries(counts).sort()), null, 2)}\n`);
  console.log(`[summary] recorded ${expectedFile}: ${JSON.stringify(counts)}`);
  process.exit(0);
}

const notes = [];
/** Failed tests named in the summary; the rest are in vitest.json. */
const FAILED_TESTS_SHOWN = 10;
/** The first line of a message, at most 200 characters. */
const firstLine = (text) => String(text).split('\n')[0].slice(0, 200);
let passed = 0;
let failed = 0;

const vitestGate = gates.find((gate) => gate.name === 'vitest');
if (!report) {
  const total = Object.values(expected).reduce((sum, n) => sum + n, 0);
  failed += Math.max(total, 1);
  notes.push(`vitest wrote no report: ${Math.max(total, 1)} expected tests counted as failed`);
} else {
  const ran = {};
  const empty = {};
  /** Each failed test, named with the first line of why: CI shows only the end of the log. */
  const failedTests = [];
  let notRun = 0;
  for (const file of report.testResults) {
    const folder = folderOf(file.name);
    const tests = file.assertionResults;
    for (const test of tests) {
      if (test.status === 'passed') passed += 1;
      else if (test.status === 'failed') failedTests.push(`  ${relative(process.cwd(), file.name)} > ${test.fullName}: ${firstLine(test.failureMessages?.[0] ?? '')}`);
      else notRun += 1; // skipped, pending, todo: not run is not passed
    }
    ran[folder] = (ran[folder] ?? 0) + tests.filter((test) => test.status === 'passed' || test.status === 'failed').length;
    if (tests.length === 0) {
      // Listed but empty: the file failed to load, or its browser never started.
      empty[folder] = (empty[folder] ?? 0) + 1;
      const why = file.message ? `: ${firstLine(file.message)}` : '';
      notes.push(`${relative(process.cwd(), file.name)} ran no test (status ${file.status}${why})`);
    }
  }
  if (notRun > 0) notes.push(`${notRun} tests skipped or todo, counted as not passed`);
  let missing = 0;
  for (const folder of new Set([...Object.keys(expected), ...Object.keys(ran)])) {
    const floor = expected[folder] ?? 0;
    const count = ran[folder] ?? 0;
    // Below the floor, or an empty file (at least one test each) while the folder grew elsewhere.
    const short = Math.max(floor - count, empty[folder] ?? 0);
    if (short > 0) {
      missing += short;
      notes.push(`${folder}: ${count} tests ran, ${floor} expected; ${short} counted as failed`);
    }
  }
  const testsFailed = failedTests.length;
  failed += testsFailed + notRun + missing;
  if (testsFailed > 0) {
    notes.push(`${testsFailed} tests failed`, ...failedTests.slice(0, FAILED_TESTS_SHOWN));
    if (testsFailed > FAILED_TESTS_SHOWN) notes.push(`  ... and ${testsFailed - FAILED_TESTS_SHOWN} more (test-results/vitest.json)`);
  }
  if (vitestGate && !vitestGate.passed && testsFailed + notRun + missing === 0) {
    failed += 1;
    notes.push(`vitest exited ${vitestGate.exitCode ?? 'non-zero'} with no failing test: an unhandled error or rejection (see its output)`);
  }
}

for (const gate of gates) {
  if (gate.name === 'vitest') continue; // counted test by test above
  if (gate.passed) passed += 1;
  else {
    failed += 1;
    notes.push(`gate failed: ${gate.name}${gate.tail?.length ? '; the end of its output:' : ''}`);
    for (const line of gate.tail ?? []) notes.push(`  | ${line}`);
  }
}
for (const note of notes) console.log(`[summary] ${note}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
