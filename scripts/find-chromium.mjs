// Finds a Chromium for the browser tests without ever downloading one:
// an explicit path variable, then the system's, then playwright's; where
// there is none, installs Debian's with apt when it can, else says how.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function fromPlaywright() {
  try {
    const require = createRequire(import.meta.url);
    const path = require('playwright').chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function locate() {
  for (const name of ['ZSK_CHROMIUM', 'CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH']) {
    const path = process.env[name];
    if (path) {
      if (existsSync(path)) return path;
      console.error(`[zsk] ${name}=${path} does not exist; looking elsewhere.`);
    }
  }
  return SYSTEM_PATHS.find((path) => existsSync(path)) ?? fromPlaywright();
}

function aptInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) return false;
  console.log('[zsk] No Chromium found; installing Debian\'s chromium with apt-get ...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  return spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env }).status === 0;
}

/** Returns the path of a Chromium, installing one with apt if needed; exits with advice otherwise. */
export function findChromium() {
  let path = locate();
  if (!path && aptInstall()) path = locate();
  if (!path) {
    console.error(
      [
        '[zsk] The browser tests need Chromium and none was found.',
        '  Install one:   sudo apt-get update && sudo apt-get install -y chromium',
        '  or point to one: ZSK_CHROMIUM=/path/to/chromium npm test',
      ].join('\n'),
    );
    process.exit(1);
  }
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(findChromium());
