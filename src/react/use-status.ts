/**
 * The one base hook: a selector over the store on React's
 * useSyncExternalStore (zustand's `useStore` shape), with an optional
 * equality function so derived objects do not re-render on every event.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { StatusState } from '../core/status.js';
import type { StatusStore } from '../core/store.js';
import { useStatusStore } from './context.js';

/**
 * Decides whether two selections are the same (then the component does not re-render).
 *
 * @example
 * ```ts
 * const sameCode: EqualityFn<{ code: number }> = (a, b) => a.code === b.code;
 * ```
 */
export type EqualityFn<T> = (a: T, b: T) => boolean;

/**
 * Selects a slice of the status state and re-renders only when it changes
 * (by `Object.is`, or `equalityFn`). The store is `store`, else the provider's.
 *
 * @example
 * ```tsx
 * function Reason() {
 *   const reason = useStatus((s) => selectRoom(s).reason);
 *   return <span>{reason}</span>;
 * }
 * ```
 */
export function useStatus<T>(
  selector: (state: StatusState) => T,
  equalityFn?: EqualityFn<T>,
  store?: StatusStore,
): T {
  const api = useStatusStore(store);
  // The last committed selection: a new selector (inline arrow) reuses it when equal.
  const committed = useRef<{ value: T } | null>(null);
  const getSelection = useMemo(() => {
    // The state last selected from, and the selection handed out for it.
    let seen: StatusState | undefined;
    let last = committed.current;
    return (): T => {
      const state = api.getState();
      if (state !== seen) {
        seen = state;
        const next = selector(state);
        if (!last || !(equalityFn ?? Object.is)(last.value, next)) last = { value: next };
      }
      return last!.value;
    };
  }, [api, selector, equalityFn]);
  const value = useSyncExternalStore(api.subscribe, getSelection, getSelection);
  useEffect(() => {
    committed.current = { value };
  }, [value]);
  return value;
}
