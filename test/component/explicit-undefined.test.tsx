/**
 * Issue 15, exactOptionalPropertyTypes: every optional prop and option
 * accepts an explicit `undefined` (`messages={maybe}`, `roomID={maybeId}`),
 * and an explicit `undefined` means what leaving it out means — never
 * "undefined" as text, never a default lost.
 */
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import { selectRoom } from '../../src/core/selectors.js';
import { createStatusStore } from '../../src/core/store.js';
import { ConnectionStatusBadge } from '../../src/react/connection-status-badge.js';
import { StatusProvider } from '../../src/react/context.js';
import { KickedOutOverlay } from '../../src/react/kicked-out-overlay.js';
import { ReconnectingBanner } from '../../src/react/reconnecting-banner.js';
import { StreamView } from '../../src/react/stream-view.js';
import { ROOM, SECOND, setup } from './helpers.js';

describe('explicit undefined props and options', () => {
  it('StatusProvider and the components: undefined props and message keys keep the defaults', () => {
    const t = setup();
    const maybe = undefined;
    render(
      <StatusProvider store={t.store} messages={{ reconnecting: maybe, retry: maybe }} locale={maybe} mediaRegistry={maybe}>
        <ReconnectingBanner
          roomID={maybe}
          store={maybe}
          messages={{ reconnecting: maybe }}
          showDelayMs={maybe}
          minVisibleMs={maybe}
          reconnectedMs={maybe}
          connectingNoticeMs={maybe}
          onRetry={maybe}
          unstyled={maybe}
          ref={maybe}
        />
        <ConnectionStatusBadge roomID={maybe} hideText={maybe} messages={maybe} store={maybe} />
        <KickedOutOverlay roomID={maybe} onRejoin={maybe} onLeave={maybe} contained={maybe} messages={maybe} />
        <StreamView streamID="host-main" media={maybe} muted={maybe} videoProps={maybe} label={maybe} onRetry={maybe} roomID={maybe} />
      </StatusProvider>,
    );
    act(() => {
      t.login();
      t.clock.advance(SECOND);
      t.room('RECONNECTING', 1000017);
    });
    const banner = screen.getAllByRole('status').find((node) => node.classList.contains('zsk-banner'))!;
    expect(banner).toHaveTextContent('Reconnecting…');
    expect(document.body).not.toHaveTextContent('undefined');
    expect(screen.getByRole('img')).toHaveAccessibleName('Connection: Reconnecting');
  });

  it('createStatusStore: undefined options keep the defaults (native retry budget, 90 s heartbeat, system clock)', () => {
    const store = createStatusStore({ clock: undefined, roomRetryTimeMs: undefined, heartbeatTimeoutMs: undefined, removedStreamLimit: undefined, onListenerError: undefined });
    expect(store.getState().config).toEqual({ roomRetryTimeMs: 20 * 60_000, heartbeatTimeoutMs: 90_000, removedStreamLimit: 50 });
    const clock = createManualClock();
    const timed = createStatusStore({ clock, roomRetryTimeMs: undefined });
    timed.dispatch({ type: 'roomStateChanged', roomID: ROOM, reason: 'RECONNECTING', errorCode: 1000017, at: 0, extendedData: undefined });
    expect(selectRoom(timed.getState(), ROOM)).toMatchObject({ retryDeadline: 20 * 60_000, heartbeatDeadline: 90_000 });
  });
});
