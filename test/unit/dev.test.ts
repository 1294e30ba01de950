/**
 * inDevelopment (src/core/dev.ts): the kit's development-only warnings run
 * unless process.env.NODE_ENV is "production" (which app bundlers set, and
 * under which a production bundle keeps none of them: .size-limit.mjs fails a
 * bundle that holds one), and never break the app.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inDevelopment } from '../../src/core/dev.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('inDevelopment', () => {
  it('runs its callback in development and in tests', () => {
    const run = vi.fn();
    inDevelopment(run);
    vi.stubEnv('NODE_ENV', 'development');
    inDevelopment(run);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('does nothing when NODE_ENV is "production"', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const run = vi.fn();
    inDevelopment(run);
    expect(run).not.toHaveBeenCalled();
  });

  it('does nothing without a process (a page without a bundler), and a callback that throws breaks nothing', () => {
    const run = vi.fn();
    vi.stubGlobal('process', undefined);
    expect(() => inDevelopment(run)).not.toThrow();
    vi.unstubAllGlobals();
    expect(run).not.toHaveBeenCalled();
    expect(() =>
      inDevelopment(() => {
        throw new Error('a warning that failed');
      }),
    ).not.toThrow();
  });
});
