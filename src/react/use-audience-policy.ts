/**
 * `attachAudiencePolicy` as a hook: attached while mounted, once per engine,
 * store and roomID, with its MediaStreams and retry handed to the provider's
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

/** A hook sharing a policy: its options as of its latest render. */
type Sharer = { readonly current: UseAudiencePolicyOptions<never> };

const policies = createAttachmentCache<{ policy: AudiencePolicy; detach(): void }, Sharer>();

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
 * one set of handlers, one `startPlayingStream` per stream. Inside a
 * `StatusProvider`, MediaStreams go to its registry for `StreamView`, and its
 * retry reaches every policy on the same engine and store.
 *
 * One policy per engine, store and `roomID`: hooks with the same three (and
 * StrictMode's second mount) share one; hooks for different rooms get one
 * each. The policies of one engine share its plays: a stream live in two of
 * their rooms (a host that moved from one room to the other) is played once,
 * and stopped only when no room they serve lists it; Retry reaches it from
 * any of them. Options of hooks sharing a policy:
 * - `onMediaStream`: every mounted sharer's is called;
 * - `shouldPlay`, `playOptions`: at each use, those of the first mounted
 *   sharer that passes them (effects mount children before parents); they
 *   may change on every render;
 * - `replayDelayMs`, `maxReplayAttempts`, `clock`: those of the hook that
 *   attached the policy, read when the engine, store or roomID changes.
 * Streams already live when the policy attaches are judged by that hook
 * alone. So give these options to one hook per room, or the same to all.
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
 *
 * @example
 * ```tsx
 * // Two rooms on one engine: a policy each.
 * function Stage({ engine }: { engine: ZegoExpressEngine }) {
 *   useAudiencePolicy(engine, { roomID: 'stage', shouldPlay: (s) => s.user?.userID === 'host' });
 *   return <StreamView streamID="host-main" />;
 * }
 * function Lobby({ engine }: { engine: ZegoExpressEngine }) {
 *   const { retry } = useAudiencePolicy(engine, { roomID: 'lobby' });
 *   return <button onClick={() => retry('lobby-cam')}>Retry</button>;
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

  const handle = useAttachment(
    policies,
    engine,
    store,
    (users, shared) => {
      // shouldPlay, playOptions and onMediaStream are replaced by ones that
      // read the sharers' latest options, so those may change on every render.
      const pick = <K extends 'shouldPlay' | 'playOptions'>(name: K) => users.find((user) => user.current[name])?.current[name];
      const policy = attachAudiencePolicy<E>({
        ...latest.current,
        engine: engine!,
        store,
        shouldPlay: (stream: LiveStream, roomID: string) => pick('shouldPlay')?.(stream, roomID) ?? true,
        playOptions: (stream: LiveStream, roomID: string) => {
          const playOptions = pick('playOptions');
          return typeof playOptions === 'function' ? playOptions(stream, roomID) : playOptions;
        },
        onMediaStream: (streamID: string, media: PlayedMedia<E> | null) => {
          registry?.set(streamID, media as MediaStream | null);
          for (const user of users) user.current.onMediaStream?.(streamID, media as never);
        },
      });
      // The registry's retry asks every policy of this engine and store (each ignores streams outside its room).
      const retry = (streamID: string) => shared.forEach((each) => each.handle.policy.retry(streamID));
      registry?.setRetry(retry);
      return {
        policy,
        detach() {
          // Each such retry asks the same live map: leave one while policies remain, none after the last.
          const unset = registry?.setRetry(retry);
          if (!shared.size) unset?.();
          policy.detach();
        },
      };
    },
    options.roomID,
    latest as Sharer,
  );

  return useMemo(() => ({ retry: (streamID: string) => handle.current?.policy.retry(streamID) }), [handle]);
}
