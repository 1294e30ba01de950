/**
 * A scheduled replay that fell due: the overlay stops counting ("Retrying in
 * 0 s" for the rest of an outage) and says "Connecting…" until the store says
 * otherwise, with no timer left ticking. The policy marks a replay due without
 * a store event when the viewer's own room is RECONNECTING at dueAt, and plays
 * it on RECONNECTED (src/policy/audience.ts).
 */
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { connectZegoWeb } from '../../src/adapters/index.js';
import { createManualClock } from '../../src/core/clock.js';
import { selectPlayer } from '../../src/core/selectors.js';
import { createStatusStore } from '../../src/core/store.js';
import { attachAudiencePolicy, type AudienceEngine } from '../../src/policy/index.js';
import { StatusProvider } from '../../src/react/context.js';
import { en } from '../../src/react/i18n/en.js';
import { StreamRemovedOverlay } from '../../src/react/stream-removed-overlay.js';
import { createSimulatedRoom, PLAYER_RETRY_TIMEOUT_MS, type SimulatedEngine } from '../../src/simulator/index.js';
import { HOST, MINUTE, SECOND, playing, setup, type Setup } from './helpers.js';

/** A failed play and the policy's replay at `dueAt`, as the audience policy records them. */
function failedWithReplay(t: Setup, attempt: number, dueAt: number) {
  t.player('host-main', 'NO_PLAY', 1004020);
  t.emit({ type: 'replayScheduled', target: 'player', streamID: 'host-main', attempt, dueAt });
}

/** The overlay, with a count of its commits. */
function overlay(t: Setup) {
  const renders = { count: 0 };
  const view = t.view(
    <Profiler id="overlay" onRender={() => void (renders.count += 1)}>
      <StreamRemovedOverlay streamID="host-main" />
    </Profiler>,
  );
  return { renders, ...view };
}

/** Advances `ms` one second at a time, each step in its own act(), so every tick would show as a commit. */
function secondBySecond(t: Setup, ms: number) {
  for (let left = ms; left > 0; left -= SECOND) act(() => t.clock.advance(Math.min(SECOND, left)));
}

function expectConnecting(status: HTMLElement) {
  expect(status).toHaveAttribute('data-state', 'connecting');
  expect(status).toHaveTextContent(/^Connecting…$/);
  expect(screen.queryByRole('timer')).toBeNull();
}

describe('StreamRemovedOverlay: a replay past its dueAt', () => {
  it('counts down to dueAt, then "Connecting…" exactly at dueAt, with no timer left and no re-render after', () => {
    const t = setup();
    const { renders } = overlay(t);
    act(() => playing(t));
    const idle = t.clock.pending();
    const dueAt = t.clock.now() + 3 * SECOND;
    act(() => failedWithReplay(t, 1, dueAt));
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('data-state', 'retrying');
    expect(status).toHaveTextContent('Retrying in 3 s');
    expect(t.clock.pending()).toBe(idle + 1);

    act(() => t.clock.advance(2 * SECOND));
    expect(status).toHaveTextContent('Retrying in 1 s');
    expect(screen.getByRole('timer')).toHaveTextContent('Retrying in 1 s');
    act(() => t.clock.advance(SECOND - 1));
    expect(status).toHaveTextContent('Retrying in 1 s');
    expect(status).toHaveAttribute('data-state', 'retrying');

    // dueAt: the store still shows the replay pending, as when the policy holds it (room reconnecting).
    act(() => t.clock.advance(1));
    expect(t.clock.now()).toBe(dueAt);
    expect(selectPlayer(t.store.getState(), 'host-main').replay).toEqual({ attempt: 1, dueAt });
    expect(screen.getByRole('status')).toBe(status);
    expectConnecting(status);
    expect(t.clock.pending()).toBe(idle);

    const before = renders.count;
    secondBySecond(t, MINUTE);
    expectConnecting(status);
    expect(screen.queryByText(/Retrying/)).toBeNull();
    expect(t.clock.pending()).toBe(idle);
    expect(renders.count).toBe(before);
  });

  it('a new replay scheduled later counts down again; replayStarted → PLAY_REQUESTING stays "Connecting…" without a flicker', () => {
    const t = setup();
    const { container } = overlay(t);
    act(() => playing(t));
    const idle = t.clock.pending();
    act(() => failedWithReplay(t, 1, t.clock.now() + 3 * SECOND));
    const status = screen.getByRole('status');
    act(() => t.clock.advance(3 * SECOND));
    expectConnecting(status);
    act(() => t.clock.advance(MINUTE));
    expectConnecting(status);

    // The replay was played and failed again: attempt 2, a fresh dueAt.
    act(() => {
      t.emit({ type: 'replayStarted', target: 'player', streamID: 'host-main', attempt: 1 });
      t.player('host-main', 'PLAY_REQUESTING');
    });
    expectConnecting(status);
    const dueAt = t.clock.now() + 5 * SECOND;
    act(() => failedWithReplay(t, 2, dueAt));
    expect(status).toHaveAttribute('data-state', 'retrying');
    expect(status).toHaveTextContent('Retrying in 5 s');
    expect(t.clock.pending()).toBe(idle + 1);
    act(() => t.clock.advance(SECOND + 500));
    expect(status).toHaveTextContent('Retrying in 4 s');
    act(() => t.clock.advance(dueAt - t.clock.now()));
    expectConnecting(status);
    expect(t.clock.pending()).toBe(idle);

    // The policy plays it: replay null, PLAY_REQUESTING: "Connecting…" still, same node; then PLAYING.
    act(() => {
      t.emit({ type: 'replayStarted', target: 'player', streamID: 'host-main', attempt: 2 });
      t.player('host-main', 'PLAY_REQUESTING');
    });
    expect(selectPlayer(t.store.getState(), 'host-main').replay).toBeNull();
    expect(screen.getByRole('status')).toBe(status);
    expectConnecting(status);
    act(() => t.player('host-main', 'PLAYING'));
    expect(screen.getByRole('status')).toBe(status);
    expect(status).toHaveAttribute('data-state', 'hidden');
    expect(status).toBeEmptyDOMElement();
    expect(container.textContent).toBe('');
    expect(t.clock.pending()).toBe(idle);
  });

  it('a replay scheduled with dueAt already past: "Connecting…" at once, no countdown timer', () => {
    const t = setup();
    overlay(t);
    act(() => playing(t));
    const idle = t.clock.pending();
    act(() => failedWithReplay(t, 1, t.clock.now()));
    expectConnecting(screen.getByRole('status'));
    expect(t.clock.pending()).toBe(idle);
  });

  it('the viewer\'s room RECONNECTING through dueAt: "Connecting…" for the whole outage; RECONNECTED → replay → PLAYING', () => {
    const t = setup();
    const { renders } = overlay(t);
    act(() => playing(t));
    const idle = t.clock.pending();
    act(() => t.player('host-main', 'PLAY_REQUESTING'));
    act(() => t.clock.advance(10 * SECOND));
    const dueAt = t.clock.now() + 3 * SECOND;
    act(() => failedWithReplay(t, 1, dueAt));
    const status = screen.getByRole('status');
    act(() => t.clock.advance(SECOND));
    act(() => t.room('RECONNECTING', 1000017));
    expect(status).toHaveTextContent('Retrying in 2 s');
    act(() => t.clock.advance(SECOND));
    expect(status).toHaveTextContent('Retrying in 1 s');
    act(() => t.clock.advance(dueAt - t.clock.now()));
    expectConnecting(status);

    const before = renders.count;
    secondBySecond(t, 2 * MINUTE);
    expectConnecting(status);
    expect(t.clock.pending()).toBe(idle);
    expect(renders.count).toBe(before);

    // RECONNECTED: the policy plays the replay that fell due.
    act(() => {
      t.room('RECONNECTED');
      t.emit({ type: 'replayStarted', target: 'player', streamID: 'host-main', attempt: 1 });
      t.player('host-main', 'PLAY_REQUESTING');
    });
    expect(screen.getByRole('status')).toBe(status);
    expectConnecting(status);
    act(() => t.player('host-main', 'PLAYING'));
    expect(status).toHaveAttribute('data-state', 'hidden');
    expect(t.clock.pending()).toBe(idle);
  });
});

describe('StreamRemovedOverlay on the simulator: the viewer loses its network before the replay (the reported repro)', () => {
  it('seed 003 host loss, then viewer.dropNetwork(): "Connecting…" from dueAt to RECONNECTED, not "Retrying in 0 s"', async () => {
    const clock = createManualClock();
    const room = createSimulatedRoom({ clock });
    const viewer = room.createEngine({ userID: 'viewer' });
    const host = room.createEngine({ userID: 'host' });
    const store = createStatusStore({ clock });
    const disconnect = connectZegoWeb(viewer, store);
    const starts: number[] = [];
    const engine: AudienceEngine = {
      startPlayingStream: (streamID, options) => (starts.push(clock.now()), viewer.startPlayingStream(streamID, options)),
      stopPlayingStream: (streamID) => viewer.stopPlayingStream(streamID),
    };
    const policy = attachAudiencePolicy({ engine, store });
    const login = (e: SimulatedEngine) => void e.loginRoom('room-1', 'token', e.user, { userUpdate: true }).catch(() => undefined);
    /** Clock steps of 100 ms, engine promises settled between them, all inside act(). */
    const tick = (ms: number) =>
      act(async () => {
        for (let left = ms; left > 0; left -= Math.min(left, 100)) {
          clock.advance(Math.min(left, 100));
          for (let i = 0; i < 5; i++) await Promise.resolve();
        }
      });
    const player = () => selectPlayer(store.getState(), 'host-main');

    render(
      <StatusProvider store={store} messages={en}>
        <StreamRemovedOverlay streamID="host-main" />
      </StatusProvider>,
    );
    login(viewer);
    await tick(SECOND);
    login(host);
    await tick(500);
    host.startPublishingStream('host-main');
    await tick(2 * SECOND);
    expect(player().state).toBe('PLAYING');
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('data-state', 'hidden');

    // T3: the host drops; the viewer's player retries, then NO_PLAY 1004020 and a replay in 3 s.
    host.dropNetwork();
    await tick(PLAYER_RETRY_TIMEOUT_MS);
    expect(player()).toMatchObject({ state: 'NO_PLAY', errorCode: 1004020 });
    const dueAt = player().replay!.dueAt;
    expect(status).toHaveTextContent('Retrying in 3 s');
    await tick(SECOND);
    // The viewer's network goes too: at dueAt the policy holds the replay (no store event).
    viewer.dropNetwork();
    await tick(SECOND);
    expect(store.getState().rooms.get('room-1')?.reason).toBe('RECONNECTING');
    expect(status).toHaveTextContent('Retrying in 1 s');
    await tick(dueAt - clock.now());
    expect(player().replay).toEqual({ attempt: 1, dueAt });
    expect(starts).toHaveLength(1);
    expectConnecting(status);
    await tick(MINUTE);
    expectConnecting(status);
    await tick(MINUTE);
    expectConnecting(status);
    expect(player().replay).toEqual({ attempt: 1, dueAt });

    // RECONNECTED: the policy plays the replay that fell due, and the stream list
    // catches up (no delete reason in a catch-up list): the host was dropped at T3 + 90 s.
    viewer.restoreNetwork();
    await tick(100);
    expect(starts).toHaveLength(2);
    expect(player().replay).toBeNull();
    expect(status).toHaveAttribute('data-state', 'waiting');
    // A catch-up list says no reason, so the overlay does not claim the host's connection was lost.
    expect(status).toHaveTextContent('Stream ended, waiting for the host…');
    // The host comes back: ADD, played.
    host.restoreNetwork();
    await tick(2 * SECOND);
    expect(starts).toHaveLength(3);
    expect(player().state).toBe('PLAYING');
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'hidden');
    policy.detach();
    disconnect();
  });
});
