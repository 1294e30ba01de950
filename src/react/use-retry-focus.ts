/**
 * Where keyboard focus goes after a Retry: the banner's and the overlay's
 * Retry buttons sit in a `role="alert"` root, and what the retry starts
 * (LOGINING, PLAY_REQUESTING) replaces that root with a `role="status"` one.
 * The focused button goes with it, and the browser drops focus to `<body>`:
 * a screen reader goes quiet and the next Tab starts at the top of the page.
 */
import { useCallback, useEffect, useRef, type Ref } from 'react';

/**
 * What {@link useRetryFocus} gives a component: the ref for its root and a
 * wrapper for its Retry action.
 *
 * @example
 * ```tsx
 * const focus = useRetryFocus(live.role, ref);
 * <div key={live.role} ref={focus.ref}>{actionButton(unstyled, focus.retry(onRetry), text.retry)}</div>
 * ```
 *
 * @internal
 */
export interface RetryFocus<T extends HTMLElement> {
  /** The root's ref: keeps the root for the hook and passes it on to the app's `ref`. */
  readonly ref: (node: T | null) => void;
  /** Wraps a Retry action: once it ran, the root that replaces this one takes focus. */
  readonly retry: <A extends unknown[]>(action: ((...args: A) => void) | undefined) => ((...args: A) => void) | undefined;
}

/**
 * After a Retry from the component's own button, moves focus to the root that
 * replaced the one the button was in (`key` is what the root is keyed by), if
 * focus fell to `<body>` with the button; focus the user moved elsewhere is
 * left alone. The new root gets `tabIndex=-1` and takes focus: a screen reader
 * reads what it says ("Connecting…") and the live region keeps announcing
 * what follows; Tab goes on from where the component is on the page.
 *
 * @example
 * ```tsx
 * const live = liveRegion(failed);
 * const focus = useRetryFocus(live.role, ref);
 * return <div key={live.role} ref={focus.ref} {...live}>{failed && <button onClick={focus.retry(onRetry)}>Retry</button>}</div>;
 * ```
 *
 * @internal
 */
export function useRetryFocus<T extends HTMLElement>(key: string, forwarded?: Ref<T>): RetryFocus<T> {
  const root = useRef<T | null>(null);
  const armed = useRef(false);
  const ref = useCallback(
    (node: T | null) => {
      root.current = node;
      if (typeof forwarded === 'function') forwarded(node);
      else if (forwarded) forwarded.current = node;
    },
    [forwarded],
  );
  useEffect(() => {
    if (!armed.current) return;
    armed.current = false;
    const node = root.current;
    const active = node?.ownerDocument.activeElement;
    if (!node || (active && active !== node.ownerDocument.body)) return;
    node.tabIndex = -1;
    node.focus();
  }, [key]);
  const retry = useCallback(
    <A extends unknown[]>(action: ((...args: A) => void) | undefined) =>
      action &&
      ((...args: A) => {
        armed.current = true;
        action(...args);
      }),
    [],
  );
  return { ref, retry };
}
