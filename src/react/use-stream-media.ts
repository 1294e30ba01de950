/**
 * The MediaStream of a played stream, from the provider's registry.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { useMediaRegistry } from './context.js';

const noSubscription = () => () => {};
const none = () => null;

/**
 * The MediaStream `useAudiencePolicy` got for `streamID` (through the
 * provider's MediaRegistry), or `null`; re-renders when it changes.
 *
 * @example
 * ```tsx
 * function Audio({ streamID }: { streamID: string }) {
 *   const media = useStreamMedia(streamID);
 *   return <p>{media ? 'playing' : 'no media yet'}</p>;
 * }
 * ```
 */
export function useStreamMedia(streamID: string): MediaStream | null {
  const registry = useMediaRegistry();
  const subscribe = useCallback(
    (listener: () => void) => (registry ? registry.subscribe(streamID, listener) : noSubscription()),
    [registry, streamID],
  );
  const get = useCallback(() => (registry ? registry.get(streamID) : null), [registry, streamID]);
  return useSyncExternalStore(subscribe, get, none);
}
