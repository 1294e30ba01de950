/**
 * Issue 8, "React under fuzz": random event sequences against the mounted
 * components — ReconnectingBanner, KickedOutOverlay, StreamRemovedOverlay,
 * ConnectionStatusBadge and StreamView — under <StrictMode>, inside an error
 * boundary, wired as an app would wire them (useZegoWeb + useAudiencePolicy
 * on a fake web engine whose plays may fail). Events: every room reason plus
 * unknown ones (through the adapter and straight into the store), stream
 * ADD/DELETE with any delete reason, player states, the policy's own events,
 * clicks on whatever button is shown, remounts, and clock advances from 0 ms
 * to 5 min.
 *
 * After every step: the boundary was never hit, React logged nothing
 * (console.error / console.warn fail the run: act warnings, key warnings,
 * hydration and effect-cleanup errors all go there), the badge shows the
 * store's phase, at most one dialog is open, and the banner and every overlay
 * are mounted (their live regions stay while hidden) with a known data-state,
 * role="alert" exactly when failed, and empty exactly when hidden. After
 * unmount (and one microtask turn for the deferred detaches of
 * useZegoWeb/useAudiencePolicy): no timer left on the manual clock and no
 * handler left on the engine.
 *
 * jsdom is slow, so the run count is modest: 200 runs of up to 30 steps
 * (≈ 3,000 steps, ≈ 2 s here); the reducer fuzz (test/fuzz/reducer.fuzz.test.ts)
 * covers the state space with 10,000 sequences. The test also checks that the
 * runs reached every banner, overlay and dialog state, hidden included.
 */
import fc from 'fast-check';
import { Component, StrictMode, useState, type ReactNode } from 'react';
import { act, fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { selectRoom } from '../../src/core/selectors.js';
import { ROOM_REASONS } from '../../src/core/states.js';
import type { StatusEvent } from '../../src/core/events.js';
import { StatusProvider } from '../../src/react/context.js';
import { ConnectionStatusBadge } from '../../src/react/connection-status-badge.js';
import { KickedOutOverlay } from '../../src/react/kicked-out-overlay.js';
import { ReconnectingBanner } from '../../src/react/reconnecting-banner.js';
import { StreamRemovedOverlay } from '../../src/react/stream-removed-overlay.js';
import { StreamView } from '../../src/react/stream-view.js';
import { useAudiencePolicy } from '../../src/react/use-audience-policy.js';
import { useZegoWeb } from '../../src/react/use-zego-web.js';
import { createFakeWebEngine, ROOM, setup } from '../component/helpers.js';

const NUM_RUNS = 200;
const MAX_STEPS = 30;
const STREAMS = ['host-main', 'guest'] as const;
const BANNER_STATES = ['connecting', 'reconnecting', 'reconnected', 'failed'];
const OVERLAY_STATES = ['waiting', 'retrying', 'unavailable', 'connecting'];
/** The banner's and overlays' live regions stay mounted while there is nothing to show: hidden and empty. */
const HIDDEN = 'hidden';

// ---- the app under test ---------------------------------------------------------------

class Boundary extends Component<{ onError: (error: unknown) => void; children?: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? <p data-testid="boundary">boundary hit</p> : this.props.children;
  }
}

/** A web-engine stand-in whose plays resolve with fake media, or reject as the SDK does while `failing`. */
function createEngine() {
  const base = createFakeWebEngine();
  const control = { failing: false };
  const engine = {
    ...base,
    startPlayingStream(streamID: string) {
      base.calls.push(`start ${streamID}`);
      return control.failing
        ? Promise.reject({ code: 1104001, msg: 'play failed' })
        : Promise.resolve({ id: `media-${streamID}` } as unknown as MediaStream);
    },
  };
  return { engine, control };
}

type Engine = ReturnType<typeof createEngine>['engine'];

interface AppProps {
  engine: Engine;
  showDelayMs: number;
  minVisibleMs: number;
  /** Flipping it remounts the tiles (fresh effects, fresh timers). */
  tileKey: number;
  /** What an app's Retry / Rejoin buttons do: log in again. */
  relogin: () => void;
  /** Issue 13: the adapter detached for a while (the app attached it late), so the store misses what the engine says meanwhile. */
  attached?: boolean;
}

function App({ engine, showDelayMs, minVisibleMs, tileKey, relogin, attached = true }: AppProps) {
  useZegoWeb(attached ? engine : null);
  useAudiencePolicy(engine);
  const [left, setLeft] = useState(false);
  return (
    <>
      <ConnectionStatusBadge />
      <ReconnectingBanner showDelayMs={showDelayMs} minVisibleMs={minVisibleMs} onRetry={relogin} />
      {!left && <KickedOutOverlay onRejoin={relogin} onLeave={() => setLeft(true)} />}
      <div key={tileKey}>
        <StreamView streamID="host-main" muted showDelayMs={showDelayMs} minVisibleMs={minVisibleMs} />
        <div className="tile">
          <StreamRemovedOverlay streamID="guest" />
        </div>
      </div>
    </>
  );
}

// ---- random steps -----------------------------------------------------------------------

type Step =
  | { kind: 'room'; reason: string | number; errorCode: number; extendedData: string }
  | { kind: 'storeRoom'; reason: string; errorCode: number }
  | { kind: 'streams'; updateType: 'ADD' | 'DELETE'; streamIDs: string[]; extendedData: string }
  | { kind: 'player'; streamID: string; state: string | number; errorCode: number }
  | { kind: 'policy'; type: 'replayScheduled' | 'replayStarted' | 'replayGaveUp' | 'replayCancelled'; streamID: string; attempt: number; inMs: number; reset: boolean }
  | { kind: 'advance'; ms: number }
  | { kind: 'failPlays'; failing: boolean }
  | { kind: 'click'; index: number }
  | { kind: 'remount' }
  // Issue 13: the room lifecycle.
  | { kind: 'rejoin' }
  | { kind: 'switchRoom'; to: string }
  | { kind: 'toggleAttach' };

/** The other room of the two-room runs (issue 13). */
const OTHER_ROOM = 'r2';
/** The one warning the adapter gives in development when events come for a room whose login the store never saw. */
const UNSEEN_LOGIN = /whose login this store never saw/;
const OUT_PHASES = new Set(['idle', 'failed', 'kicked']);

const errorCode = fc.constantFrom(0, 0, 1000017, 1002051, 1002053, 1002031, 1002033, 1002050, 1002055, 1002002, 1004020, -1, 42);
const extendedData = fc.constantFrom(
  '',
  'login timeout',
  '{bad json',
  '{"custom_kickout_message":"<img src=x onerror=alert(1)>"}',
  '{"custom_kickout_message":"Signed in on your phone"}',
  '{"stream_delete_reason":1}',
  '{"stream_delete_reason":2}',
  '{"stream_delete_reason":6}',
  '{"stream_delete_reason":99}',
);
const streamID = fc.constantFrom(...STREAMS, 'ghost');
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('room' as const),
      reason: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...ROOM_REASONS) },
        { weight: 1, arbitrary: fc.constantFrom('BOGUS', 'Logining', 'KICK_OUT', 9, -1, 3) },
      ),
      errorCode,
      extendedData,
    }),
  },
  // Straight into the reducer, past the adapter's filter: unknown reasons included.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('storeRoom' as const), reason: fc.constantFrom('BOGUS', '', 'RECONNECTING', 'LOGINED', 'KICKOUT'), errorCode }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('streams' as const),
      updateType: fc.constantFrom('ADD' as const, 'DELETE' as const),
      streamIDs: fc.subarray([...STREAMS, 'ghost'], { minLength: 1 }),
      extendedData,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('player' as const),
      streamID,
      state: fc.oneof(fc.constantFrom('NO_PLAY', 'PLAY_REQUESTING', 'PLAYING'), fc.constantFrom('BOGUS', 7)),
      errorCode: fc.constantFrom(0, 1004020, 1104001),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('policy' as const),
      type: fc.constantFrom('replayScheduled' as const, 'replayStarted' as const, 'replayGaveUp' as const, 'replayCancelled' as const),
      streamID,
      attempt: fc.integer({ min: 0, max: 5 }),
      inMs: fc.integer({ min: -2000, max: 10_000 }),
      reset: fc.boolean(),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.oneof(fc.constantFrom(0, 1, 120, 200, 999, 1000, 1500, 2000, 3000, 3001, 90_000, 300_000), fc.integer({ min: 0, max: 10_000 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('failPlays' as const), failing: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('click' as const), index: fc.nat({ max: 3 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'remount' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'rejoin' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('switchRoom' as const), to: fc.constantFrom(ROOM, OTHER_ROOM) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'toggleAttach' as const }) },
);

// ---- console watch ------------------------------------------------------------------------

let consoleSpies: MockInstance[] = [];
beforeEach(() => {
  consoleSpies = (['error', 'warn'] as const).map((method) => vi.spyOn(console, method).mockImplementation(() => undefined));
});
afterEach(() => {
  for (const spy of consoleSpies) spy.mockRestore();
});
const consoleCalls = () =>
  consoleSpies
    .flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(' ').slice(0, 500)))
    // Expected when the run emits before its login, or attaches late (issue 13): the adapter's one development warning.
    .filter((call) => !UNSEEN_LOGIN.test(call));

// ---- the property ---------------------------------------------------------------------------

describe('components under random event sequences (StrictMode, error boundary)', () => {
  it(`never hit the boundary, never warn, and leave no timer or handler behind (${NUM_RUNS} runs)`, async () => {
    // What the runs showed, to prove they reached every state (a fuzz that shows nothing proves nothing).
    const seen = new Set<string>();
    let stepsRun = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          showDelayMs: fc.constantFrom(0, 500, 1000),
          minVisibleMs: fc.constantFrom(0, 1500),
          loginFirst: fc.boolean(),
          steps: fc.array(step, { minLength: 1, maxLength: MAX_STEPS, size: 'max' }),
        }),
        async ({ showDelayMs, minVisibleMs, loginFirst, steps }) => {
          const t = setup();
          const { engine, control } = createEngine();
          const caught: unknown[] = [];
          const relogin = () => engine.emit('roomStateChanged', ROOM, 'LOGINING', 0, '');
          let tileKey = 0;
          let attached = true;
          /** The room the engine is in: the runs switch between two. */
          let engineRoom = ROOM;
          const ui = () => (
            <StrictMode>
              <Boundary onError={(error) => caught.push(error)}>
                <StatusProvider store={t.store}>
                  <App engine={engine} showDelayMs={showDelayMs} minVisibleMs={minVisibleMs} tileKey={tileKey} relogin={relogin} attached={attached} />
                </StatusProvider>
              </Boundary>
            </StrictMode>
          );
          const view = render(ui());
          await act(async () => {});
          if (loginFirst) {
            await act(async () => {
              engine.emit('roomStateChanged', ROOM, 'LOGINING', 0, '');
              t.clock.advance(120);
              engine.emit('roomStateChanged', ROOM, 'LOGINED', 0, '');
              engine.emit('roomStreamUpdate', ROOM, 'ADD', STREAMS.map((id) => ({ streamID: id, user: { userID: `u-${id}` } })), '');
            });
          }

          const check = (after: string) => {
            const problems = [...caught.map((e) => `boundary: ${String(e)}`), ...consoleCalls()];
            if (problems.length > 0) throw new Error(`after ${after}:\n${problems.join('\n')}`);
            const badge = view.container.querySelector('.zsk-badge');
            expect(badge?.getAttribute('data-state')).toBe(selectRoom(t.store.getState()).phase);
            expect(view.container.querySelectorAll('[role="alertdialog"]').length).toBeLessThanOrEqual(1);
            if (view.container.querySelector('[role="alertdialog"]')) seen.add('dialog');
            if (view.container.querySelector('[data-testid="boundary"]')) seen.add('boundary');
            const banners = view.container.querySelectorAll('.zsk-banner');
            expect(banners).toHaveLength(1);
            const banner = banners[0]!;
            const bannerState = banner.getAttribute('data-state')!;
            seen.add(`banner:${bannerState}`);
            expect([HIDDEN, ...BANNER_STATES]).toContain(bannerState);
            expect(banner.getAttribute('role')).toBe(bannerState === 'failed' ? 'alert' : 'status');
            expect(banner.getAttribute('aria-live')).toBe(bannerState === 'failed' ? 'assertive' : 'polite');
            expect(banner.childNodes.length === 0).toBe(bannerState === HIDDEN);
            for (const stream of view.container.querySelectorAll('.zsk-stream')) seen.add(`stream:${stream.getAttribute('data-state')}`);
            const overlays = view.container.querySelectorAll('.zsk-overlay');
            expect(overlays).toHaveLength(STREAMS.length);
            // Issue 13: nothing shown for a room the user is not in; no room kept after LOGOUT; no unbounded map.
            const state = t.store.getState();
            const current = selectRoom(state);
            if (OUT_PHASES.has(current.phase)) {
              expect([current.streams.size, current.users.size, current.removedStreams.length]).toEqual([0, 0, 0]);
              for (const overlay of overlays) expect(overlay.getAttribute('data-state')).not.toBe('waiting');
            }
            state.rooms.forEach((room) => expect(room.reason).not.toBe('LOGOUT'));
            expect(state.rooms.size).toBeLessThanOrEqual(2);
            expect(state.players.size).toBeLessThanOrEqual(STREAMS.length + 1);
            for (const overlay of overlays) {
              const overlayState = overlay.getAttribute('data-state')!;
              seen.add(`overlay:${overlayState}`);
              expect([HIDDEN, ...OVERLAY_STATES]).toContain(overlayState);
              expect(overlay.getAttribute('role')).toBe(overlayState === 'unavailable' ? 'alert' : 'status');
              expect(overlay.childNodes.length === 0).toBe(overlayState === HIDDEN);
            }
          };
          check('mount');

          for (const [i, s] of steps.entries()) {
            await act(async () => {
              switch (s.kind) {
                case 'room':
                  engine.emit('roomStateChanged', ROOM, s.reason, s.errorCode, s.extendedData);
                  break;
                case 'storeRoom':
                  t.room(s.reason, s.errorCode);
                  break;
                case 'streams':
                  engine.emit(
                    'roomStreamUpdate',
                    ROOM,
                    s.updateType,
                    s.streamIDs.map((id) => ({ streamID: id, user: { userID: `u-${id}` } })),
                    s.extendedData,
                  );
                  break;
                case 'player':
                  engine.emit('playerStateUpdate', { streamID: s.streamID, state: s.state, errorCode: s.errorCode, extendedData: '' });
                  break;
                case 'policy': {
                  const at = t.clock.now();
                  const event = {
                    type: s.type,
                    target: 'player',
                    streamID: s.streamID,
                    attempt: s.attempt,
                    attempts: s.attempt,
                    dueAt: at + s.inMs,
                    reset: s.reset,
                    at,
                  } as unknown as StatusEvent;
                  t.store.dispatch(event);
                  break;
                }
                case 'advance':
                  t.clock.advance(s.ms);
                  break;
                case 'failPlays':
                  control.failing = s.failing;
                  break;
                case 'click': {
                  const buttons = view.container.querySelectorAll('button');
                  const button = buttons[s.index % Math.max(1, buttons.length)];
                  if (button) fireEvent.click(button);
                  break;
                }
                case 'remount':
                  tileKey += 1;
                  view.rerender(ui());
                  break;
                case 'rejoin': // log in to the room the engine is in, again (after a leave, or over a missed one)
                  engine.emit('roomStateChanged', engineRoom, 'LOGINING', 0, '');
                  t.clock.advance(120);
                  engine.emit('roomStateChanged', engineRoom, 'LOGINED', 0, '');
                  engine.emit('roomStreamUpdate', engineRoom, 'ADD', STREAMS.map((id) => ({ streamID: id, user: { userID: `u-${id}` } })), '');
                  break;
                case 'switchRoom': // switchRoom: LOGOUT of the old room, then the new one's login
                  engine.emit('roomStateChanged', engineRoom, 'LOGOUT', 0, '');
                  engineRoom = s.to;
                  engine.emit('roomStateChanged', engineRoom, 'LOGINING', 0, '');
                  t.clock.advance(120);
                  engine.emit('roomStateChanged', engineRoom, 'LOGINED', 0, '');
                  break;
                case 'toggleAttach':
                  attached = !attached;
                  view.rerender(ui());
                  break;
                default:
                  s satisfies never;
              }
            });
            check(`step ${i} ${JSON.stringify(s)}`);
            stepsRun += 1;
          }

          view.unmount();
          // useZegoWeb / useAudiencePolicy detach in a microtask (StrictMode remount safety).
          await act(async () => {});
          if (consoleCalls().length > 0) throw new Error(`on unmount:\n${consoleCalls().join('\n')}`);
          expect(caught).toEqual([]);
          expect(t.clock.pending()).toBe(0);
          expect(engine.handlerCount()).toBe(0);
          for (const spy of consoleSpies) spy.mockClear();
        },
      ),
      { numRuns: NUM_RUNS },
    );
    const expected = [
      'dialog',
      ...[HIDDEN, ...BANNER_STATES].map((state) => `banner:${state}`),
      ...[HIDDEN, ...OVERLAY_STATES].map((state) => `overlay:${state}`),
      'stream:PLAYING',
    ];
    expect([...seen].sort()).toEqual(expect.arrayContaining(expected));
    expect(seen.has('boundary')).toBe(false);
    expect(stepsRun).toBeGreaterThan(NUM_RUNS * 5);
    console.info(`react fuzz: ${NUM_RUNS} runs, ${stepsRun} steps; states seen: ${[...seen].sort().join(', ')}`);
  }, 120_000);
});
