// examples/nextjs in `npm test` (issue 15): installs the example's pinned
// dependencies when its lockfile changed (zego-status-kit is file:../.., so
// the package under test is this repository's dist/: build it first), runs
// `next build` (which type-checks the app), and checks the prerendered page:
// the server component's text, computed on the server by formatDuration from
// CONNECTING_NOTICE_MS (a client reference would fail the build or render as
// a function's source), and the kit's components rendered inside it.
//
//   node scripts/nextjs-example.mjs      (after npm run build)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const app = resolve(import.meta.dirname, '../examples/nextjs');
// No telemetry, no update checks: nothing leaves the machine at build time.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CI: '1' };
const started = Date.now();
const log = (message) => console.log(`[nextjs] ${((Date.now() - started) / 1000).toFixed(1)} s  ${message}`);

function sh(command, args) {
  const result = spawnSync(command, args, { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    console.error(`[nextjs] FAILED: ${command} ${args.join(' ')} (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  return result.stdout;
}

const installed = join(app, 'node_modules/.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(join(app, 'package-lock.json')).mtimeMs) {
  sh('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']);
  log('npm ci: ok');
}
const output = sh(join(app, 'node_modules/.bin/next'), ['build']);
if (!/Running TypeScript/.test(output)) {
  console.error(`[nextjs] FAILED: next build did not type-check the app:\n${output}`);
  process.exit(1);
}
log('next build (with its TypeScript check): ok');

const html = readFileSync(join(app, '.next/server/app/index.html'), 'utf8').replace(/<!-- -->/g, '');
const expected = [
  ['the server component ran formatDuration(CONNECTING_NOTICE_MS)', 'a login longer than 3 s shows'],
  ['the server component ran formatDuration(RECONNECTED_CONFIRMATION_MS)', 'stays for 2 s.'],
  ['the badge rendered from the server component', 'class="zsk-badge"'],
  ['the banner rendered (empty live region)', 'class="zsk-banner"'],
];
const missing = expected.filter(([, text]) => !html.includes(text));
if (missing.length > 0 || /function\s*\w*\s*\(/.test(html.match(/id="server-facts">[^<]*/)?.[0] ?? '')) {
  for (const [what, text] of missing) console.error(`[nextjs] FAILED: prerendered page lacks ${what} (${JSON.stringify(text)})`);
  process.exit(1);
}
log('prerendered /: server values and the kit\'s components are there');
