/**
 * Real media for the browser tests: a MediaStream with a picture (the
 * simulator's canvas test pattern) and sound (a WebAudio oscillator), played
 * by a web-engine stand-in with the SDK's callback shapes, so the README's
 * drop-in (useZegoWeb + useAudiencePolicy + StreamView) runs unchanged.
 */
import { act, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { expect } from 'vitest';
import type { StatusStore } from '../../src/core/store.js';
import {
  ConnectionStatusBadge,
  ReconnectingBanner,
  StartMediaButton,
  StatusProvider,
  StreamView,
  useAudiencePolicy,
  useRoomState,
  useRoomStreams,
  useTokenRenewal,
} from '../../src/react/index.js';
import { connectZegoWeb } from '../../src/adapters/zego-web.js';
import { createTestPattern, stopSimulatedMedia } from '../../src/simulator/media.js';

/** A live stream with one video and one audio track, and how to end it. */
export function createAVStream(streamID: string): { media: MediaStream; stop(): void } {
  const picture = createTestPattern(streamID);
  if (!(picture instanceof MediaStream)) throw new Error('no canvas capture in this browser');
  const audio = new AudioContext();
  const tone = audio.createOscillator();
  const sink = audio.createMediaStreamDestination();
  tone.connect(sink);
  tone.start();
  const media = new MediaStream([...picture.getVideoTracks(), ...sink.stream.getAudioTracks()]);
  return {
    media,
    stop() {
      stopSimulatedMedia(media);
      tone.stop();
      void audio.close();
    },
  };
}

type Callback = (...args: unknown[]) => void;

/** What the README's Room needs of `zg`, with real media, plus `join` to drive the room and `dispose`. */
export interface FakeAVEngine {
  on(event: string, callback: Callback): boolean;
  off(event: string, callback: Callback): boolean;
  startPlayingStream(streamID: string): Promise<MediaStream>;
  stopPlayingStream(streamID: string): void;
  loginRoom(roomID: string): Promise<boolean>;
  renewToken(token: string, roomID?: string): boolean;
  /** The MediaStream it played for `streamID`, if any. */
  mediaOf(streamID: string): MediaStream | undefined;
  /** LOGINING, LOGINED, then a stream ADD with one stream per host name (`stream-<name>`), as the web SDK calls back. */
  join(roomID: string, hosts: readonly string[]): void;
  /** Stops every stream it played. */
  dispose(): void;
}

export function createFakeAVEngine(): FakeAVEngine {
  const handlers = new Map<string, Set<Callback>>();
  const playing = new Map<string, { media: MediaStream; stop(): void }>();
  const emit = (event: string, ...args: unknown[]) => handlers.get(event)?.forEach((callback) => callback(...args));
  const player = (streamID: string, state: string) => emit('playerStateUpdate', { streamID, state, errorCode: 0 });
  return {
    on(event, callback) {
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event)!.add(callback);
      return true;
    },
    off(event, callback) {
      return handlers.get(event)?.delete(callback) ?? false;
    },
    async startPlayingStream(streamID) {
      player(streamID, 'PLAY_REQUESTING');
      const stream = createAVStream(streamID);
      playing.set(streamID, stream);
      queueMicrotask(() => player(streamID, 'PLAYING'));
      return stream.media;
    },
    stopPlayingStream(streamID) {
      playing.get(streamID)?.stop();
      playing.delete(streamID);
      player(streamID, 'NO_PLAY');
    },
    async loginRoom() {
      return true;
    },
    renewToken: () => true,
    mediaOf: (streamID) => playing.get(streamID)?.media,
    join(roomID, hosts) {
      emit('roomStateChanged', roomID, 'LOGINING', 0, '');
      emit('roomStateChanged', roomID, 'LOGINED', 0, '');
      const streamList = hosts.map((name) => ({ streamID: `stream-${name}`, user: { userID: name, userName: name } }));
      emit('roomStreamUpdate', roomID, 'ADD', streamList, '');
    },
    dispose() {
      playing.forEach((stream) => stream.stop());
      playing.clear();
    },
  };
}

/** What a `<video>` is doing, over `ms` of real time: paused, muted, a decoded picture, time moving. */
export async function playbackOf(video: HTMLVideoElement, ms = 600) {
  const start = video.currentTime;
  await new Promise((resolve) => setTimeout(resolve, ms));
  return { paused: video.paused, muted: video.muted, hasPicture: video.videoWidth > 0, advancing: video.currentTime > start };
}

const ROOM = 'live-1';

const fetchToken = async (roomID: string) => `token-for-${roomID}`;

/** The README's drop-in Room, as written there (kick-out overlay left out: no kick-out here). */
function Room({ zg, roomID }: { zg: FakeAVEngine; roomID: string }) {
  useAudiencePolicy(zg);
  useTokenRenewal({ engine: zg, roomID, fetchToken });
  const live = useRoomStreams(roomID);
  const lost = useRoomState(roomID).removedStreams.filter((s) => s.deleteReason !== 'stopped');
  return (
    <>
      <ConnectionStatusBadge roomID={roomID} />
      <ReconnectingBanner roomID={roomID} onRetry={() => zg.loginRoom(roomID)} />
      {/* Only while the browser blocks playback: one click starts every tile. */}
      <StartMediaButton />
      {[...live, ...lost].map((s) => (
        <StreamView key={s.streamID} streamID={s.streamID} roomID={roomID} label={s.user?.userName ?? s.streamID} />
      ))}
    </>
  );
}

/** Joins the room once mounted, as an app does after rendering its room view. */
function App({ store, zg, hosts }: { store: StatusStore; zg: FakeAVEngine; hosts: string[] }) {
  useEffect(() => zg.join(ROOM, hosts), [zg, hosts]);
  return (
    <StatusProvider store={store}>
      <Room zg={zg} roomID={ROOM} />
    </StatusProvider>
  );
}

const mounted: { root: Root; host: HTMLElement; zg: FakeAVEngine; disconnect(): void }[] = [];
export async function mountDropIn(store: StatusStore, hosts: string[]) {
  const zg = createFakeAVEngine();
  // As the README does where the engine is created.
  const disconnect = connectZegoWeb(zg, store);
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  mounted.push({ root, host, zg, disconnect });
  await act(async () => root.render(<App store={store} zg={zg} hosts={hosts} />));
  return { zg, host };
}
/** Unmounts every drop-in and stops its media (afterEach). */
export async function unmountAll(): Promise<void> {
  for (const { root, host, zg, disconnect } of mounted.splice(0)) {
    await act(async () => root.unmount());
    host.remove();
    disconnect();
    zg.dispose();
  }
}

/** The `<video>` showing host `name`'s stream, once the policy has played it. */
export const videoOf = async (host: HTMLElement, name: string): Promise<HTMLVideoElement> => {
  const { zg } = mounted.find((each) => each.host === host)!;
  let video: HTMLVideoElement | undefined;
  await expect
    .poll(() => (video = [...host.querySelectorAll('video')].find((each) => each.srcObject && each.srcObject === zg.mediaOf(`stream-${name}`))))
    .toBeTruthy();
  return video!;
};

