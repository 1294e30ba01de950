// Static Storybook smoke test (issue 7): builds storybook-static (or reuses a
// build newer than every input), serves it on 127.0.0.1, loads every
// Playground story in Chromium and fails on any console error, page error or
// story failure (play function, or an a11y violation: preview sets
// a11y.test = 'error'). Also saves screenshots of the Matrix story in the
// light and dark themes into test-results/screenshots/ for a reviewer to
// look at: artifacts, not assertions.
//
//   node scripts/storybook-smoke.mjs            # build if stale, then test
//   node scripts/storybook-smoke.mjs --rebuild  # always build first
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'storybook-static');
const shotDir = join(root, 'test-results', 'screenshots');
const STORY_TIMEOUT_MS = 60_000;
const started = Date.now();
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);
const failures = [];

// ---- 1. a fresh build -------------------------------------------------------------

/** Newest mtime under the given paths (files and folders, recursively). */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    latest = Math.max(latest, stat.mtimeMs);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  paths.forEach((path) => visit(join(root, path)));
  return latest;
}

const indexFile = join(outDir, 'index.json');
const inputs = ['src', 'stories', '.storybook', 'package.json', 'package-lock.json', 'README.md'];
const fresh = existsSync(indexFile) && statSync(indexFile).mtimeMs > newest(inputs);
if (fresh && !process.argv.includes('--rebuild')) {
  console.log('[smoke] reusing storybook-static: it is newer than src/, stories/, .storybook/ and package.json');
} else {
  const buildStarted = Date.now();
  console.log('[smoke] npx storybook build -o storybook-static --quiet');
  const build = spawnSync('npx', ['storybook', 'build', '-o', 'storybook-static', '--quiet'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error(`[smoke] FAILED: storybook build exited with ${build.status ?? build.signal}`);
    process.exit(1);
  }
  console.log(`[smoke] built in ${seconds(buildStarted)} s`);
}

const index = JSON.parse(readFileSync(indexFile, 'utf8'));
const stories = Object.values(index.entries ?? {}).filter((entry) => entry.type === 'story');
const playground = stories.filter((entry) => entry.title === 'Playground');
const matrix = stories.filter((entry) => /matrix/i.test(entry.title) || /matrix/i.test(entry.name));
if (playground.length === 0) {
  console.error('[smoke] FAILED: no story titled "Playground" in storybook-static/index.json');
  process.exit(1);
}

// ---- 2. a tiny static server ------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Paths the server could not serve, to name them when Chromium logs a bare "404". */
const notFound = [];
const server = createServer((request, response) => {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    response.writeHead(400).end();
    return;
  }
  if (pathname === '/favicon.ico' && !existsSync(join(outDir, 'favicon.ico'))) {
    // Chromium asks for it by itself because iframe.html links no icon: not a page resource.
    response.writeHead(204).end();
    return;
  }
  const file = normalize(join(outDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
  if (!file.startsWith(outDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
    notFound.push(pathname);
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${server.address().port}`;

// ---- 3. Chromium ------------------------------------------------------------------

const browser = await chromium.launch({
  executablePath: process.env.ZSK_CHROMIUM || '/usr/bin/chromium',
  // The same flags as vitest.config.ts; nothing leaves the machine (DESIGN §4).
  args: JSON.parse(readFileSync(new URL('./chromium-args.json', import.meta.url), 'utf8')),
});

/**
 * Opens one story and waits for Storybook's storyFinished event (render,
 * play function and a11y check done). Returns its status and the console
 * and page errors seen meanwhile.
 */
async function openStory(id, globals) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Catch the preview's channel as it is created, to hear storyFinished.
  await context.addInitScript(() => {
    let channel;
    Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
      configurable: true,
      get: () => channel,
      set(next) {
        channel = next;
        next?.on?.('storyFinished', (payload) => {
          globalThis.__zskStoryFinished = payload;
        });
      },
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.stack ?? error.message}`));
  // Chromium's console line for a failed load does not say which URL: this does.
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const url = `${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story${globals ? `&globals=${globals}` : ''}`;
  const opened = Date.now();
  const missingBefore = notFound.length;
  let finished = null;
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => globalThis.__zskStoryFinished, null, { timeout: STORY_TIMEOUT_MS });
    finished = await page.evaluate(() => {
      const { status, reporters } = globalThis.__zskStoryFinished;
      // Only what is printable: the a11y report's rule ids.
      return {
        status,
        reports: (reporters ?? []).map((report) => ({
          type: report.type,
          status: report.status,
          violations: (report.result?.violations ?? []).map((violation) => `${violation.id} (${violation.nodes?.length ?? 0})`),
        })),
      };
    });
    // Errors that arrive just after the story settles still count.
    await page.waitForTimeout(500);
  } catch (error) {
    errors.push(`did not finish: ${error.message.split('\n')[0]}`);
  }
  for (const path of notFound.slice(missingBefore)) errors.push(`not in storybook-static: ${path}`);
  return { page, context, errors, finished, url, seconds: seconds(opened) };
}

function describeFinished(finished) {
  if (!finished) return 'no storyFinished event';
  const reports = finished.reports.map((r) => `${r.type} ${r.status}${r.violations.length ? `: ${r.violations.join(', ')}` : ''}`);
  return `${finished.status}${reports.length ? ` [${reports.join('; ')}]` : ''}`;
}

try {
  for (const story of playground) {
    const result = await openStory(story.id);
    const ok =
      result.errors.length === 0 &&
      result.finished?.status === 'success' &&
      result.finished.reports.every((report) => report.status !== 'failed');
    console.log(`[smoke] ${ok ? 'ok  ' : 'FAIL'} ${story.id} (${result.seconds} s): ${describeFinished(result.finished)}`);
    if (!ok) failures.push({ id: story.id, url: result.url, errors: result.errors, finished: describeFinished(result.finished) });
    await result.context.close();
  }

  // Screenshots of the matrix story in both themes: artifacts for review, not assertions
  // (console and page errors there still fail the run).
  if (matrix.length === 0) {
    console.log('[smoke] note: no story titled "Matrix" in the build; screenshots skipped');
  } else {
    mkdirSync(shotDir, { recursive: true });
    for (const story of matrix) {
      for (const theme of ['light', 'dark']) {
        const result = await openStory(story.id, theme === 'dark' ? 'theme:dark' : undefined);
        const file = join(shotDir, `${story.id}--${theme}.png`);
        await result.page.screenshot({ path: file, fullPage: true }).catch((error) => result.errors.push(`screenshot: ${error.message}`));
        console.log(`[smoke] ${result.errors.length ? 'FAIL' : 'shot'} ${story.id} ${theme} -> ${file.slice(root.length + 1)} (${describeFinished(result.finished)})`);
        if (result.errors.length) failures.push({ id: `${story.id} (${theme})`, url: result.url, errors: result.errors, finished: describeFinished(result.finished) });
        await result.context.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}

if (failures.length > 0) {
  console.error(`\n[smoke] FAILED: ${failures.length} page(s)`);
  for (const failure of failures) {
    console.error(`- ${failure.id}: ${failure.finished}\n  ${failure.url}`);
    for (const error of failure.errors) console.error(`  ${error}`);
  }
  process.exit(1);
}
console.log(`[smoke] ok: ${playground.length} playground stories, ${matrix.length} matrix stories screenshotted, ${seconds(started)} s`);
