/**
 * Where the audience policy's MediaStreams wait for a `StreamView`. Media
 * objects never enter the store, so they live here, keyed by
 * streamID, next to the policy's manual `retry`.
 */

/**
 * A MediaStream per streamID, with change notification, plus the retry action
 * of the audience policy that feeds it.
 *
 * @example
 * ```ts
 * const registry = createMediaRegistry();
 * registry.set('host-main', mediaStream);
 * registry.get('host-main'); // mediaStream
 * ```
 */
export interface MediaRegistry {
  get(streamID: string): MediaStream | null;
  set(streamID: string, media: MediaStream | null): void;
  /** Calls `listener` whenever this stream's media changes. Returns unsubscribe. */
  subscribe(streamID: string, listener: () => void): () => void;
  /** Asks the attached audience policy to play this stream again; false when none is attached. */
  retry(streamID: string): boolean;
  /** Whether a policy registered a retry, so a Retry button would do something. */
  canRetry(): boolean;
  /** Set by `useAudiencePolicy` while attached; returns a function that unsets it (if still this one). */
  setRetry(retry: (streamID: string) => void): () => void;
}

/**
 * Creates an empty {@link MediaRegistry}. `StatusProvider` makes one for you.
 *
 * @example
 * ```ts
 * const registry = createMediaRegistry();
 * const stop = registry.subscribe('s1', () => console.log(registry.get('s1')));
 * ```
 */
export function createMediaRegistry(): MediaRegistry {
  const media = new Map<string, MediaStream>();
  const listeners = new Map<string, Set<() => void>>();
  let retry: ((streamID: string) => void) | null = null;
  return {
    get: (streamID) => media.get(streamID) ?? null,
    set(streamID, value) {
      if ((media.get(streamID) ?? null) === value) return;
      if (value) media.set(streamID, value);
      else media.delete(streamID);
      listeners.get(streamID)?.forEach((listener) => listener());
    },
    subscribe(streamID, listener) {
      const set = listeners.get(streamID) ?? new Set();
      listeners.set(streamID, set.add(listener));
      return () => {
        set.delete(listener);
        if (!set.size) listeners.delete(streamID);
      };
    },
    retry(streamID) {
      if (!retry) return false;
      retry(streamID);
      return true;
    },
    canRetry: () => !!retry,
    setRetry(next) {
      retry = next;
      return () => {
        if (retry === next) retry = null;
      };
    },
  };
}
