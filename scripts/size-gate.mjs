// npm test's size gate (issue 15's budgets; issue 17: a budget cannot go
// missing silently). Before measuring, it checks the size-limit config
// itself: every budget named in BUDGETS (.size-limit.mjs) must be there as a
// check with exactly that limit, no check may lack a limit, and every
// JavaScript check must be measured as shipped (zustand bundled; no zh-CN
// catalog, no devtools; asShipped()). Then it runs size-limit and fails on any
// check over its limit, a drop-in banner not below LiveKit's, or a media
// component more than MEDIA_ON_TOP.bytes over the provider's check (issue 14).
//
//   node scripts/size-gate.mjs                 (needs dist/: npm test builds it first)
//   node scripts/size-gate.mjs --config-only   only the config checks (no dist/ needed)
//   ZSK_SIZE_CONFIG=other.mjs node scripts/size-gate.mjs --config-only
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const configPath = resolve(root, process.env.ZSK_SIZE_CONFIG ?? '.size-limit.mjs');
const { default: checks, BUDGETS, LIVEKIT_BANNER_BYTES, MEDIA_ON_TOP, OVER_BUDGET = {} } = await import(pathToFileURL(configPath).href);
const BANNER = Object.keys(BUDGETS ?? {}).find((name) => name.startsWith('drop-in banner'));

const problems = [];
if (!BUDGETS || Object.keys(BUDGETS).length < 6) problems.push('.size-limit.mjs exports no BUDGETS (or fewer than the six of issue 15)');
if (!BANNER || !(LIVEKIT_BANNER_BYTES > 0)) problems.push('.size-limit.mjs names no drop-in banner budget or no LIVEKIT_BANNER_BYTES');
for (const [name, limit] of Object.entries(BUDGETS ?? {})) {
  const found = checks.filter((check) => check.name === name);
  if (found.length !== 1) problems.push(`budget "${name}": ${found.length === 0 ? 'no check' : `${found.length} checks`} of that name`);
  else if (found[0].limit !== limit) problems.push(`budget "${name}": limit ${found[0].limit ?? 'missing'}, BUDGETS says ${limit}`);
}
// Issue 14: each media component within MEDIA_ON_TOP.bytes of the base check.
if (!(MEDIA_ON_TOP?.bytes > 0) || !(MEDIA_ON_TOP.checks?.length > 0)) problems.push(".size-limit.mjs exports no MEDIA_ON_TOP (issue 14's bound on the media components)");
for (const name of MEDIA_ON_TOP ? [MEDIA_ON_TOP.base, ...MEDIA_ON_TOP.checks] : []) {
  if (!checks.some((check) => check.name === name)) problems.push(`MEDIA_ON_TOP names "${name}", which is no check`);
}
for (const [name, ceiling] of Object.entries(OVER_BUDGET)) {
  if (name === 'onTop') continue;
  if (!BUDGETS?.[name]) problems.push(`OVER_BUDGET names "${name}", which is no named budget`);
  if (!(ceiling > 0)) problems.push(`OVER_BUDGET "${name}": ceiling ${ceiling} is not a number of bytes`);
}
for (const name of Object.keys(OVER_BUDGET.onTop ?? {})) {
  if (!MEDIA_ON_TOP?.checks?.includes(name)) problems.push(`OVER_BUDGET.onTop names "${name}", which MEDIA_ON_TOP does not check`);
}
for (const check of checks) {
  if (!check.limit) problems.push(`check "${check.name}" has no limit (every check is a budget)`);
  const javascript = !check.disablePlugins?.includes('@size-limit/esbuild');
  if (javascript && !check.modifyEsbuildConfig?.asShipped) problems.push(`check "${check.name}" is not asShipped()`);
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`size gate: FAILED: ${problem}`);
  process.exit(1);
}
if (process.argv.includes('--config-only')) {
  console.log(`size gate: config ok (${checks.length} budgets)`);
  process.exit(0);
}

const result = spawnSync('npx', ['size-limit', '--json'], { cwd: root, encoding: 'utf8' });
let measured;
try {
  measured = JSON.parse(result.stdout);
} catch {
  measured = undefined;
}
if (!Array.isArray(measured)) {
  // size-limit reports an error (a zh-CN catalog or devtools in a bundle, a
  // missing dist/) as `{ "error": "..." }`, or crashes before printing.
  console.error(`size gate: FAILED: size-limit reported no sizes:\n${measured?.error ?? `${result.stdout}${result.stderr}`}`);
  process.exit(1);
}

const kb = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
let failed = 0;
let overs = 0;
for (const check of measured) {
  const ceiling = OVER_BUDGET[check.name];
  let verdict = check.passed ? `ok (budget ${kb(check.sizeLimit)})` : `FAILED: above the budget of ${kb(check.sizeLimit)}`;
  if (!check.passed && typeof ceiling === 'number' && check.size <= ceiling) {
    verdict = `OVER BUDGET: ${kb(check.size - check.sizeLimit)} above ${kb(check.sizeLimit)}, held at its ceiling of ${kb(ceiling)} (OVER_BUDGET)`;
    overs += 1;
  } else if (!check.passed && typeof ceiling === 'number') {
    verdict += ` and its OVER_BUDGET ceiling of ${kb(ceiling)}`;
  } else if (check.passed && typeof ceiling === 'number') {
    verdict += `; now within budget: delete its OVER_BUDGET entry`;
    failed += 1;
  }
  if (check.name === BANNER && check.size >= LIVEKIT_BANNER_BYTES) {
    verdict = `FAILED: not below LiveKit's useConnectionState + ConnectionStateToast (${kb(LIVEKIT_BANNER_BYTES)})`;
  } else if (check.name === BANNER) {
    verdict += `, below LiveKit's ${kb(LIVEKIT_BANNER_BYTES)}`;
  }
  if (verdict.startsWith('FAILED')) failed += 1;
  console.log(`${kb(check.size).padStart(9)}  ${check.name}: ${verdict}`);
}
const sizeOf = (name) => measured.find((check) => check.name === name)?.size;
for (const name of MEDIA_ON_TOP?.checks ?? []) {
  const over = sizeOf(name) - sizeOf(MEDIA_ON_TOP.base);
  const ceiling = OVER_BUDGET.onTop?.[name];
  let verdict = over <= MEDIA_ON_TOP.bytes ? 'ok' : `FAILED: more than ${kb(MEDIA_ON_TOP.bytes)}`;
  if (over > MEDIA_ON_TOP.bytes && over <= ceiling) {
    verdict = `OVER BUDGET: more than ${kb(MEDIA_ON_TOP.bytes)}, held at its ceiling of ${kb(ceiling)} (OVER_BUDGET.onTop)`;
    overs += 1;
  } else if (over <= MEDIA_ON_TOP.bytes && ceiling !== undefined) {
    verdict += '; now within budget: delete its OVER_BUDGET.onTop entry';
    failed += 1;
  } else if (!(over <= MEDIA_ON_TOP.bytes)) failed += 1;
  console.log(`${kb(over).padStart(9)}  ${name.slice(MEDIA_ON_TOP.base.length + 3)} on top of "${MEDIA_ON_TOP.base}": ${verdict} (issue 14)`);
}
if (measured.length !== checks.length) {
  failed += 1;
  console.error(`size gate: FAILED: size-limit measured ${measured.length} of ${checks.length} checks`);
}
if (overs > 0) console.log(`size gate: ${overs} check(s) OVER BUDGET, held at their ceilings (.size-limit.mjs OVER_BUDGET; issue 15 open on them)`);
process.exit(failed === 0 ? 0 : 1);
