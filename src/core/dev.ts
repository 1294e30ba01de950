/**
 * Development-only code (warnings that name a fix), the way React ships its
 * own: bundlers replace `process.env.NODE_ENV`, and a production bundle
 * keeps none of it. `inDevelopment(() => ...)` compiles to an empty function
 * there, and minifiers (esbuild, terser, rolldown) drop calls to an empty
 * function together with the callback's code and strings.
 *
 * Internal: imported by src/, not exported from the package.
 */

// Bundlers replace `process.env.NODE_ENV`; with no bundler and no `process`, say nothing.
declare const process: { env: Record<string, string | undefined> };

/**
 * Runs `run` unless `process.env.NODE_ENV` is `'production'`; never when
 * there is no `process` (no bundler). What `run` throws is swallowed: a
 * warning must never break the app.
 *
 * @internal
 */
export function inDevelopment(run: () => void): void {
  try {
    if (process.env.NODE_ENV !== 'production') run();
  } catch {
    // No `process` (a page without a bundler), or a warning that failed: nothing to say.
  }
}
