/**
 * Issue 14, autoplay, in real Chromium with its real autoplay policy (no
 * `--autoplay-policy` flag: scripts/chromium-args.json sets none, so sound
 * needs a user gesture here as in a user's browser; autoplay-allowed.test.tsx
 * runs with the policy off, in a browser of its own).
 *
 * The README's drop-in (useZegoWeb + useAudiencePolicy + StreamView, no
 * `muted`) is mounted without any user gesture on an engine whose played
 * stream is a real MediaStream with a picture (canvas test pattern) and sound
 * (a WebAudio oscillator). It must never be a silent black tile claiming to
 * play: either it plays, or it shows its prompt. Then a real click (playwright
 * input, a user gesture) on the prompt must start it with sound.
 */
import { act, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { mediaHealth } from '../../src/adapters/media-health.js';
import { selectAutoplayBlocked } from '../../src/core/media-selectors.js';
import { createStatusStore, type StatusStore } from '../../src/core/store.js';
import {
  ConnectionStatusBadge,
  ReconnectingBanner,
  StartMediaButton,
  StatusProvider,
  StreamView,
  useAudiencePolicy,
  useRoomState,
  useRoomStreams,
  useZegoWeb,
} from '../../src/react/index.js';
import { createFakeAVEngine, playbackOf, type FakeAVEngine } from './media-helpers.js';

const ROOM = 'live-1';

/** The README's drop-in Room, as written there (kick-out overlay left out: no kick-out here). */
function Room({ zg, roomID }: { zg: FakeAVEngine; roomID: string }) {
  useZegoWeb(zg);
  useAudiencePolicy(zg);
  const live = useRoomStreams(roomID);
  const lost = useRoomState(roomID).removedStreams.filter((s) => s.deleteReason !== 'stopped');
  return (
    <>
      <ConnectionStatusBadge roomID={roomID} />
      <ReconnectingBanner roomID={roomID} onRetry={() => zg.loginRoom(roomID)} />
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

const mounted: { root: Root; host: HTMLElement; zg: FakeAVEngine }[] = [];
async function mount(store: StatusStore, hosts: string[]) {
  const zg = createFakeAVEngine();
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  mounted.push({ root, host, zg });
  await act(async () => root.render(<App store={store} zg={zg} hosts={hosts} />));
  return { zg, host };
}
afterEach(async () => {
  for (const { root, host, zg } of mounted.splice(0)) {
    await act(async () => root.unmount());
    host.remove();
    zg.dispose();
  }
});

/** The video of the tile whose name tag says `name`, once the policy has played it. */
const videoOf = async (host: HTMLElement, name: string): Promise<HTMLVideoElement> => {
  let video: HTMLVideoElement | null | undefined;
  await expect
    .poll(() => (video = [...host.querySelectorAll<HTMLElement>('.zsk-stream')].find((tile) => tile.textContent?.includes(name))?.querySelector('video')))
    .toBeTruthy();
  return video!;
};

// These run in order: the first tests must see a page no one has clicked yet.
describe('autoplay in Chromium, real policy: the README drop-in without a user gesture', () => {
  it('without the mediaHealth() extension the tile still says so: it keeps the block itself', async () => {
    expect(navigator.userActivation.hasBeenActive).toBe(false);
    const warn = console.warn;
    console.warn = () => {};
    try {
      const { host } = await mount(createStatusStore(), ['Carol']);
      const video = await videoOf(host, 'Carol');
      await expect.element(page.getByRole('button', { name: 'Turn on sound Carol' })).toBeVisible();
      expect(await playbackOf(video)).toMatchObject({ paused: false, muted: true, hasPicture: true, advancing: true });
      // No store to tell the page-level button: it stays out.
      expect(page.getByRole('button', { name: 'Turn on sound', exact: true }).query()).toBeNull();
    } finally {
      console.warn = warn;
    }
  });

  it('never shows a silent black tile: the picture plays muted and the tile offers "Turn on sound"; a click starts the sound', async () => {
    expect(navigator.userActivation.hasBeenActive).toBe(false);
    const store = createStatusStore({ extensions: [mediaHealth()] });
    const { host } = await mount(store, ['Alice']);
    const video = await videoOf(host, 'Alice');
    const tile = video.closest<HTMLElement>('.zsk-stream')!;

    // Either playing with sound, or the prompt: Chromium refuses sound before a gesture.
    const prompt = page.getByRole('button', { name: 'Turn on sound Alice' });
    await expect.element(prompt).toBeVisible();
    expect(tile.dataset['autoplay']).toBe('audio');
    expect(selectAutoplayBlocked(store.getState()).map((b) => [b.streamID, b.blocked])).toEqual([['stream-Alice', 'audio']]);
    // The picture: playing, muted, frames decoded, time moving.
    const before = await playbackOf(video);
    expect(before).toMatchObject({ paused: false, muted: true, hasPicture: true, advancing: true });
    // The page-level button says the same.
    await expect.element(page.getByRole('button', { name: 'Turn on sound', exact: true })).toBeVisible();

    // A real click (playwright input): a user gesture.
    await userEvent.click(prompt);
    await expect.poll(() => video.muted).toBe(false);
    expect(await playbackOf(video)).toMatchObject({ paused: false, muted: false, hasPicture: true, advancing: true });
    await expect.poll(() => tile.dataset['autoplay']).toBeUndefined();
    expect(selectAutoplayBlocked(store.getState())).toEqual([]);
    await expect.element(page.getByRole('button', { name: /Turn on sound|Tap to play/ })).not.toBeInTheDocument();
  });

  it('after the page got its gesture, a new tile plays with sound at once: no prompt', async () => {
    expect(navigator.userActivation.hasBeenActive).toBe(true);
    const store = createStatusStore({ extensions: [mediaHealth()] });
    const { host } = await mount(store, ['Bob']);
    const video = await videoOf(host, 'Bob');
    await expect.poll(() => video.paused).toBe(false);
    expect(await playbackOf(video)).toMatchObject({ paused: false, muted: false, hasPicture: true, advancing: true });
    expect(selectAutoplayBlocked(store.getState())).toEqual([]);
    expect(page.getByRole('button', { name: /Turn on sound|Tap to play/ }).query()).toBeNull();
  });
});
