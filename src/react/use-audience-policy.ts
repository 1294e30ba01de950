/**
 * `attachAudiencePolicy` as a hook: attached while mounted, once per engine
 * and store, with its MediaStreams and retry handed to the provider's
 * MediaRegistry so `<StreamView streamID>` just works.
 */
import { useMemo, useRef } from 'react';
import type { LiveStream } from '../core/status.js';
import type { StatusStore } from '../core/store.js';
import {
  attachAudiencePolicy,
  type AudienceEngine,
  type AudiencePolicy,
  type AudiencePolicyOptions,
  type PlayedMedia,
} from '../policy/audience.js';
import { useMediaRegistry, useStatusStore } from './context.js';
import { createAttachmentCache, useAttachment } from './use-attachment.js';

const policies = createAttachmentCache<{ policy: AudiencePolicy; detach(): void }>();

/**
 * Options for {@link useAudiencePolicy}: the policy's, without `engine`, with
 * an optional explicit store.
 *
 * @example
 * ```ts
 * const options: UseAudiencePolicyOptions = { replayDelayMs: 3000, shouldPlay: (s) => s.user?.userID === hostID };
 * ```
 */
export interface UseAudiencePolicyOptions<E extends AudienceEngine = AudienceEngine>
  extends Omit<AudiencePolicyOptions<E>, 'engine' | 'store'> {
  store?: StatusStore;
}

/**
 * What {@link useAudiencePolicy} returns.
 *
 * @example
 * ```tsx
 * const { retry } = useAudiencePolicy(engine);
 * <button onClick={() => retry('host-main')}>Retry</button>;
 * ```
 */
export interface AudiencePolicyControls {
  /** Plays a stream again now (after the policy gave up); nothing while detached. */
  retry(streamID: string): void;
}

/**
 * Keeps audience playback correct while mounted (seed 003: stop on DELETE,
 * play on ADD, replay a failed play after 3 s, never loop). StrictMode-safe:
 * one set of handlers, one `startPlayingStream` per stream. `shouldPlay`,
 * `playOptions` and `onMediaStream` may change on every render; the other
 * options are read when the engine or store changes. Inside a
 * `StatusProvider`, MediaStreams go to its registry for `StreamView`.
 *
 * @example
 * ```tsx
 * function Audience({ engine }: { engine: ZegoExpressEngine }) {
 *   useZegoWeb(engine);
 *   useAudiencePolicy(engine);
 *   const streams = useRoomStreams();
 *   return <>{streams.map((s) => <StreamView key={s.streamID} streamID={s.streamID} />)}</>;
 * }
 * ```
 */
export function useAudiencePolicy<E extends AudienceEngine>(
  engine: E | null | undefined,
  options: UseAudiencePolicyOptions<E> = {},
): AudiencePolicyControls {
  const store = useStatusStore(options.store);
  const registry = useMediaRegistry();
  const latest = useRef(options);
  latest.current = options;

  const handle = useAttachment(policies, engine, store, () => {
    // The options' own shouldPlay, playOptions and onMediaStream are replaced by
    // ones that read the latest options, so those may change on every render.
    const policy = attachAudiencePolicy<E>({
      ...latest.current,
      engine: engine!,
      store,
      shouldPlay: (stream: LiveStream, roomID: string) => latest.current.shouldPlay?.(stream, roomID) ?? true,
      playOptions: (stream: LiveStream, roomID: string) => {
        const playOptions = latest.current.playOptions;
        return typeof playOptions === 'function' ? playOptions(stream, roomID) : playOptions;
      },
      onMediaStream: (streamID: string, media: PlayedMedia<E> | null) => {
        registry?.set(streamID, (media ?? null) as MediaStream | null);
        latest.current.onMediaStream?.(streamID, media);
      },
    });
    const unsetRetry = registry?.setRetry(policy.retry);
    return {
      policy,
      detach() {
        unsetRetry?.();
        policy.detach();
      },
    };
  });

  return useMemo(() => ({ retry: (streamID: string) => handle.current?.policy.retry(streamID) }), [handle]);
}
