/**
 * An engine double for the adapter tests: records on/off and lets a test
 * emit callbacks like the SDK, with any arguments.
 */
import { vi } from 'vitest';
import type { EngineCallback } from '../../src/adapters/index.js';

/** An engine double: records on/off and lets the test emit like the SDK. */
export function fakeEngine(options: { throwOn?: string; refuse?: string } = {}) {
  const handlers = new Map<string, Set<EngineCallback>>();
  const engine = {
    on: vi.fn((event: string, callback: EngineCallback) => {
      if (event === options.throwOn) throw new Error(`cannot subscribe to ${event}`);
      if (event === options.refuse) return false;
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(callback);
      return true;
    }),
    off: vi.fn((event: string, callback: EngineCallback) => {
      handlers.get(event)?.delete(callback);
      return true;
    }),
    emit(event: string, ...args: unknown[]) {
      for (const handler of [...(handlers.get(event) ?? [])]) handler(...args);
    },
    count(event?: string) {
      if (event) return handlers.get(event)?.size ?? 0;
      return [...handlers.values()].reduce((n, set) => n + set.size, 0);
    },
  };
  return engine;
}

