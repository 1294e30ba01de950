/**
 * The MediaStream of a played stream, from the provider's registry.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { useMediaRegistry } from './context.js';

/** No media (the server snapshot), and the unsubscribe of no subscription. */
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
  const [subscribe, get] = useMemo(
    () =>
      [
        (listener: () => void) => registry?.subscribe(streamID, listener) ?? none,
        () => registry?.get(streamID) ?? null,
      ] as const,
    [registry, streamID],
  );
  return useSyncExternalStore(subscribe, get, none);
}
