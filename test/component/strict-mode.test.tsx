import { describe, expect, it, vi } from 'vitest';
import { act, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { StatusProvider } from '../../src/react/context.js';
import { useAudiencePolicy } from '../../src/react/use-audience-policy.js';
import { useZegoWeb } from '../../src/react/use-zego-web.js';
import { ReconnectingBanner } from '../../src/react/reconnecting-banner.js';
import { createFakeWebEngine, setup } from './helpers.js';

const EVENTS = ['roomStateChanged', 'publisherStateUpdate', 'playerStateUpdate', 'roomStreamUpdate', 'roomUserUpdate'];

describe('StrictMode', () => {
  it('useZegoWeb and useAudiencePolicy attach exactly one set of handlers and play once', async () => {
    const t = setup();
    const engine = createFakeWebEngine();
    // A stream already live before the app mounts.
    t.login();
    t.streams('ADD', [{ streamID: 'host-main' }]);
    function App() {
      useZegoWeb(engine);
      useAudiencePolicy(engine);
      return <ReconnectingBanner />;
    }
    const { unmount, getByRole } = render(
      <StrictMode>
        <StatusProvider store={t.store}>
          <App />
        </StatusProvider>
      </StrictMode>,
    );
    await act(async () => {});
    for (const event of EVENTS) expect(engine.handlerCount(event)).toBe(1);
    expect(engine.calls.filter((c) => c.startsWith('on ')).length).toBe(EVENTS.length);
    expect(engine.calls.filter((c) => c.startsWith('off '))).toEqual([]);
    expect(engine.count('start host-main')).toBe(1);
    expect(engine.count('stop host-main')).toBe(0);

    // The banner's live region is mounted (empty) before anything happens, StrictMode's double mount included.
    const region = getByRole('status');
    expect(region).toHaveAttribute('data-state', 'hidden');
    expect(region).toBeEmptyDOMElement();

    // The engine's events reach the store through the one adapter.
    act(() => engine.emit('roomStateChanged', 'r1', 'RECONNECTING', 1000017, ''));
    expect(getByRole('status')).toBe(region);
    expect(region).toHaveTextContent('Reconnecting…');

    unmount();
    await act(async () => {});
    expect(engine.handlerCount()).toBe(0);
    expect(engine.count('stop host-main')).toBe(1);
  });

  it('a new engine detaches the old one and attaches the new one', async () => {
    const t = setup();
    const a = createFakeWebEngine();
    const b = createFakeWebEngine();
    function App({ engine }: { engine: typeof a }) {
      useZegoWeb(engine);
      return null;
    }
    const { rerender } = render(
      <StatusProvider store={t.store}>
        <App engine={a} />
      </StatusProvider>,
    );
    rerender(
      <StatusProvider store={t.store}>
        <App engine={b} />
      </StatusProvider>,
    );
    await act(async () => {});
    expect(a.handlerCount()).toBe(0);
    expect(b.handlerCount()).toBe(EVENTS.length);
  });
});
