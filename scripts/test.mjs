// `npm test`: everything CI checks. Runs every gate even after one fails, so
// one run shows all problems; exits non-zero if any failed. Vitest writes
// test-results/vitest.json; every gate (vitest included, with its exit code) is
// listed in test-results/gates.json so .ci/run can print one "N passed, N failed"
// line (scripts/summary.mjs).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const env = {
  ...process.env,
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  ZSK_CHROMIUM: findChromium(),
};
rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

const gates = [];
/** Lines of a failed gate's output kept for the summary: CI shows only the end of the log. */
const TAIL_LINES = 25;
// eslint-disable-next-line no-control-regex
const plain = (line) => line.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').trimEnd();

/**
 * Runs one gate with its output passed through as it comes, and keeps its
 * last lines: a failed gate's are written to gates.json, and the summary
 * prints them right above the "N passed, N failed" line, where a CI log that
 * shows only its end still says why.
 */
async function run(name, command, args) {
  console.log(`\n[zsk] ${name}: ${[command, ...args].join(' ')}`);
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { stdio: ['inherit', 'pipe', 'pipe'], env });
  let tail = [];
  // Each stream's unfinished last line, kept apart so the two do not run together.
  const partial = { stdout: '', stderr: '' };
  const keep = (stream, chunk) => {
    const lines = (partial[stream] + chunk.toString()).split('\n');
    partial[stream] = lines.pop() ?? '';
    tail.push(...lines.map(plain).filter((line) => line !== ''));
    if (tail.length > 4 * TAIL_LINES) tail = tail.slice(-TAIL_LINES);
  };
  for (const stream of ['stdout', 'stderr']) {
    child[stream].on('data', (chunk) => {
      process[stream].write(chunk);
      keep(stream, chunk);
    });
  }
  const exitCode = await new Promise((done) => {
    child.on('error', (error) => {
      tail.push(`could not start ${command}: ${error.message}`);
      done(null);
    });
    child.on('close', (code) => done(code));
  });
  for (const rest of Object.values(partial)) if (rest) tail.push(plain(rest));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const passed = exitCode === 0;
  gates.push({ name, passed, exitCode, seconds: Math.round(seconds * 10) / 10, ...(passed ? {} : { tail: tail.slice(-TAIL_LINES) }) });
  console.log(`[zsk] ${name}: ${passed ? 'ok' : 'FAILED'} (${seconds.toFixed(1)} s)`);
  return passed;
}

await run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
// Every ts/tsx block of README.md compiles against src/ (scripts/readme-check.mjs).
await run('README code: typecheck', 'node', ['scripts/readme-check.mjs']);
await run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
// Every story in light and dark (Playground also zh-CN): screenshots into
// test-results/screenshots, not blank, its promised text visible (issue 16).
await run('storybook build + smoke', 'node', ['scripts/storybook-smoke.mjs']);

// The package as published: build dist/, lint the package, check its types
// resolve, and install the packed tarball into a fresh app. The later gates
// need dist/, so a failed build fails them without running them.
// `npm run build`: vite build, then scripts/check-dist.mjs on the declarations.
const built = await run('build', 'npm', ['run', '--silent', 'build']);
async function runBuilt(name, command, args) {
  if (built) return run(name, command, args);
  console.log(`\n[zsk] ${name}: FAILED (skipped: the build failed)`);
  gates.push({ name, passed: false, seconds: 0 });
  return false;
}
await runBuilt('publint', 'npx', ['publint', '--strict']);
// ESM and CommonJS, every entry styles.css included: attw's full default
// profile (node10, node16 from CJS and from ESM, bundler).
await runBuilt('attw', 'npx', ['attw', '--pack', '.']);
// Issue 15's size budgets, each required to exist (scripts/size-gate.mjs).
await runBuilt('size', 'node', ['scripts/size-gate.mjs']);
await runBuilt('consumer: pack + install + typecheck + build', 'node', ['scripts/consumer-test.mjs']);
// Issue 17: the throughput, growth and heap budgets of `npm run bench`, each at
// its gate (the budget with a margin for a shared 2-core machine; see
// scripts/bench.mjs), on dist/; the figures go to test-results/bench.json.
await runBuilt('bench budgets', 'node', ['--expose-gc', 'scripts/bench.mjs', '--no-build', '--no-render', '--gate']);
// examples/zego-web runs the kit from src/ against the real ZEGO Web SDK; it
// cannot reach ZEGO here, so it is type-checked and built, not run.
await run('example: typecheck + build', 'npm', ['run', '--silent', 'example:build']);
// examples/nextjs: App Router on the built package (file:../..), a server
// component importing formatDuration; type-checked and built by `next build`.
await runBuilt('example nextjs: typecheck + next build', 'node', ['scripts/nextjs-example.mjs']);

// scripts/summary.mjs counts vitest test by test from its report, and reads
// vitest's exit code from here: a run with no failing test that exited
// non-zero (an unhandled rejection) still counts as a failure.
writeFileSync('test-results/gates.json', JSON.stringify(gates, null, 2));
const failed = gates.filter((gate) => !gate.passed);
console.log(`\n[zsk] gates: ${gates.map((g) => `${g.name} ${g.passed ? 'ok' : 'FAILED'}`).join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
