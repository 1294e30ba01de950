/**
 * Issue 17, "a green run means what it says": scripts/summary.mjs, the line
 * CI reads, against a real, deliberately failing vitest run
 * (test/fixtures/summary-run) and against the reports of runs that cannot be
 * staged here (Chromium that does not start, vitest that writes nothing).
 * A run that failed never prints "0 failed"; tests are counted, not describe
 * blocks; tests that did not run count as not passed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const SUMMARY = join(root, 'scripts/summary.mjs');
const FIXTURE = join(root, 'test/fixtures/summary-run');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh working directory holding test-results/ with the given files (JSON), and test/expected-tests.json. */
function workspace(files: { vitest?: unknown; gates?: unknown; expected?: unknown }) {
  const cwd = mkdtempSync(join(tmpdir(), 'zsk-summary-'));
  dirs.push(cwd);
  mkdirSync(join(cwd, 'test-results'));
  mkdirSync(join(cwd, 'test'));
  if (files.vitest !== undefined) writeFileSync(join(cwd, 'test-results/vitest.json'), JSON.stringify(files.vitest));
  if (files.gates !== undefined) writeFileSync(join(cwd, 'test-results/gates.json'), JSON.stringify(files.gates));
  if (files.expected !== undefined) writeFileSync(join(cwd, 'test/expected-tests.json'), JSON.stringify(files.expected));
  return cwd;
}

/** Runs summary.mjs in `cwd`: its exit status, its explanations and its last line. */
function summarize(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [SUMMARY, ...args], { cwd, encoding: 'utf8' });
  const lines = run.stdout.trim().split('\n');
  return { status: run.status, line: lines.at(-1), notes: lines.slice(0, -1).join('\n'), stderr: run.stderr };
}

/** A vitest JSON report: files as path -> test statuses, plus vitest's own totals where a test needs them. */
function report(cwd: string, files: Record<string, string[]>, totals: Record<string, unknown> = {}) {
  const testResults = Object.entries(files).map(([path, statuses]) => ({
    name: join(cwd, path),
    status: statuses.includes('failed') ? 'failed' : 'passed',
    message: '',
    assertionResults: statuses.map((status, i) => ({ title: `test ${i}`, fullName: `test ${i}`, ancestorTitles: [], status, failureMessages: [] })),
  }));
  return { success: true, numFailedTestSuites: 0, ...totals, testResults };
}

const vitestGate = (passed: boolean, exitCode = passed ? 0 : 1) => ({ name: 'vitest', passed, exitCode, seconds: 1 });

describe('summary.mjs against a real, deliberately failing vitest run', () => {
  /** Runs vitest on the fixture files given, as scripts/test.mjs runs it, and records its gate. */
  function vitestRun(...files: string[]) {
    const cwd = workspace({ expected: {} });
    // The outer vitest's own variables would make the inner one think it is a worker.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_OPTIONS'));
    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', join(FIXTURE, 'vitest.config.ts'), '--reporter=json', `--outputFile.json=${join(cwd, 'test-results/vitest.json')}`, ...files],
      { cwd: FIXTURE, env, encoding: 'utf8' },
    );
    writeFileSync(join(cwd, 'test-results/gates.json'), JSON.stringify([vitestGate(run.status === 0, run.status ?? 1)]));
    const json = JSON.parse(readFileSync(join(cwd, 'test-results/vitest.json'), 'utf8'));
    return { cwd, status: run.status, json };
  }

  it('a passing test that leaves an unhandled rejection: vitest exits 1 with success: true; the line says 1 failed', () => {
    const run = vitestRun('unhandled.fixture.ts');
    // What vitest does, which the old summary trusted:
    expect(run.status).toBe(1);
    expect(run.json).toMatchObject({ success: true, numPassedTests: 1, numFailedTests: 0 });
    const summary = summarize(run.cwd);
    expect(summary.line).toBe('1 passed, 1 failed');
    expect(summary.notes).toContain('vitest exited 1 with no failing test');
    expect(summary.status).toBe(1);
  }, 60_000);

  it('one failing test two describe blocks deep counts once, not once per suite', () => {
    const run = vitestRun('nested.fixture.ts');
    expect(run.status).toBe(1);
    // vitest counts the failed describe blocks as failed suites too; the old summary added them.
    expect(run.json.numFailedTests).toBe(1);
    expect(run.json.numFailedTestSuites).toBeGreaterThan(1);
    expect(summarize(run.cwd).line).toBe('1 passed, 1 failed');
  }, 60_000);
});

// Each test starts node (summary.mjs): well under a second idle, 6 s seen on a
// machine loaded far past its two cores.
describe('summary.mjs against recorded report shapes', { timeout: 60_000 }, () => {
  it('all green: every test and every gate passed, and nothing is missing', () => {
    const cwd = workspace({ expected: { 'test/unit/': 2 } });
    writeFileSync(join(cwd, 'test-results/vitest.json'), JSON.stringify(report(cwd, { 'test/unit/a.test.ts': ['passed', 'passed'] })));
    writeFileSync(join(cwd, 'test-results/gates.json'), JSON.stringify([vitestGate(true), { name: 'typecheck', passed: true }, { name: 'build', passed: true }]));
    const summary = summarize(cwd);
    expect(summary.line).toBe('4 passed, 0 failed');
    expect(summary.notes).toBe('');
    expect(summary.status).toBe(0);
  });

  it('Chromium does not start: the browser and story files are listed with no test and vitest says success; the floors count them', () => {
    // The shape vitest 4.1 writes when the browser provider cannot launch (seen with ZSK_CHROMIUM=/bin/false).
    const cwd = workspace({ expected: { 'test/unit/': 2, 'test/browser/': 5, 'stories/': 40 } });
    const files = { 'test/unit/a.test.ts': ['passed', 'passed'], 'test/browser/x.test.ts': [], 'test/browser/y.test.tsx': [], 'stories/Banner.stories.tsx': [] };
    writeFileSync(join(cwd, 'test-results/vitest.json'), JSON.stringify(report(cwd, files, { numTotalTests: 2, numPassedTests: 2 })));
    writeFileSync(join(cwd, 'test-results/gates.json'), JSON.stringify([vitestGate(false)]));
    const summary = summarize(cwd);
    expect(summary.line).toBe('2 passed, 45 failed');
    expect(summary.notes).toContain('test/browser/: 0 tests ran, 5 expected; 5 counted as failed');
    expect(summary.notes).toContain('stories/: 0 tests ran, 40 expected; 40 counted as failed');
    expect(summary.notes).toContain('test/browser/x.test.ts ran no test');
    expect(summary.status).toBe(1);
  });

  it('a file that ran no test counts even when its folder grew past the floor elsewhere', () => {
    const cwd = workspace({ expected: { 'test/unit/': 3 } });
    const files = { 'test/unit/a.test.ts': ['passed', 'passed', 'passed', 'passed'], 'test/unit/broken.test.ts': [] };
    writeFileSync(join(cwd, 'test-results/vitest.json'), JSON.stringify(report(cwd, files)));
    writeFileSync(join(cwd, 'test-results/gates.json'), JSON.stringify([vitestGate(false)]));
    expect(summarize(cwd).line).toBe('4 passed, 1 failed');
  });

  it('vitest wrote no report (it crashed, or npm ci failed): every expected test counts as failed', () => {
    const cwd = workspace({ expected: { 'test/unit/': 300, 'test/browser/': 12 } });
    const summary = summarize(cwd);
    expect(summary.line).toBe('0 passed, 312 failed');
    expect(summary.notes).toContain('vitest wrote no report');
  });

  it('nothing recorded and no report: still not "0 failed"', () => {
    expect(summarize(workspace({})).line).toBe('0 passed, 1 failed');
  });

  it('skipped and todo tests count as not passed', () => {
    const cwd = workspace({ expected: { 'test/unit/': 1 } });
    writeFileSync(join(cwd, 'test-results/vitest.json'), JSON.stringify(report(cwd, { 'test/unit/a.test.ts': ['passed', 'skipped', 'todo'] })));
    writeFileSync(join(cwd, 'test-results/gates.json'), JSON.stringify([vitestGate(true)]));
    const summary = summarize(cwd);
    expect(summary.line).toBe('1 passed, 2 failed');
    expect(summary.notes).toContain('2 tests skipped or todo');
  });

  it('failing tests and gates count one each; the failed vitest gate adds nothing the tests already explain', () => {
    const cwd = workspace({ expected: { 'test/unit/': 3 } });
    writeFileSync(join(cwd, 'test-results/vitest.json'), JSON.stringify(report(cwd, { 'test/unit/a.test.ts': ['passed', 'failed', 'failed'] }, { numFailedTestSuites: 4 })));
    writeFileSync(join(cwd, 'test-results/gates.json'), JSON.stringify([vitestGate(false), { name: 'bench budgets', passed: false }, { name: 'build', passed: true }]));
    const summary = summarize(cwd);
    expect(summary.line).toBe('2 passed, 3 failed');
    expect(summary.notes).toContain('gate failed: bench budgets');
  });

  it('names the failed tests and ends with a failed gate\'s last lines, right above the line CI reads', () => {
    const cwd = workspace({ expected: { 'test/unit/': 2 } });
    const vitest = report(cwd, { 'test/unit/a.test.ts': ['passed', 'failed'] });
    (vitest.testResults[0]!.assertionResults[1]!.failureMessages as string[]).push('AssertionError: expected 1 to be 2\n    at a.test.ts:3');
    writeFileSync(join(cwd, 'test-results/vitest.json'), JSON.stringify(vitest));
    const smoke = { name: 'storybook build + smoke', passed: false, exitCode: 1, tail: ['[smoke] FAILED: 1 of 235 story screenshots', '  promised text not visible: "Reconnecting"'] };
    writeFileSync(join(cwd, 'test-results/gates.json'), JSON.stringify([vitestGate(false), smoke]));
    const summary = summarize(cwd);
    expect(summary.line).toBe('1 passed, 2 failed');
    expect(summary.notes).toContain('test/unit/a.test.ts > test 1: AssertionError: expected 1 to be 2');
    expect(summary.notes).not.toContain('at a.test.ts:3');
    const lines = summary.notes.split('\n');
    expect(lines.slice(-3)).toEqual([
      '[summary] gate failed: storybook build + smoke; the end of its output:',
      '[summary]   | [smoke] FAILED: 1 of 235 story screenshots',
      '[summary]   |   promised text not visible: "Reconnecting"',
    ]);
  });

  it('--record writes the floors from the last report, per folder: the tests that ran, passed or failed', () => {
    const cwd = workspace({ expected: { 'test/unit/': 1 } });
    writeFileSync(join(cwd, 'test-results/vitest.json'), JSON.stringify(report(cwd, { 'test/unit/a.test.ts': ['passed', 'passed'], 'stories/b.stories.tsx': ['passed', 'failed'] })));
    expect(summarize(cwd, '--record').status).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'test/expected-tests.json'), 'utf8'))).toEqual({ 'stories/': 2, 'test/unit/': 2 });
  });
});
