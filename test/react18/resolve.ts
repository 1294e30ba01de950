/**
 * Setup file of the `unit-react18` and `component-react18` projects: the same
 * suites on React 18.3 + zustand 4.5, installed beside React 19 + zustand 5
 * under npm aliases (`react-18`, `react-dom-18`, `zustand-4` in package.json).
 *
 * Vite's `resolve.alias` (vitest.config.ts) redirects what Vite transforms:
 * our sources and tests. Packages Vite leaves to Node (react-dom 18,
 * @testing-library/react) `require('react')` themselves; this hook sends those
 * requires to the same aliased copies, so one React 18 runs the whole test
 * (a second React would break hooks). Each test file runs in a fresh worker
 * process, so the hook never reaches the React 19 projects.
 */
import Module from 'node:module';

const ALIASED = /^(react|react-dom|zustand)(\/.*)?$/;
const TARGET: Record<string, string> = { react: 'react-18', 'react-dom': 'react-dom-18', zustand: 'zustand-4' };

type ResolveFilename = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: ResolveFilename };
const resolveFilename = loader._resolveFilename;
loader._resolveFilename = function (this: unknown, request, ...rest) {
  const match = ALIASED.exec(request);
  return resolveFilename.call(this, match ? `${TARGET[match[1]!]}${match[2] ?? ''}` : request, ...rest);
};
