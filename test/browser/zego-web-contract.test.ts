/**
 * Run-time contract with the real web SDK (zego-express-engine-webrtc 3.12),
 * in Chromium, offline: the browser resolves every host name to nothing
 * (`--host-resolver-rules`, vitest.config.ts) and the engine is given a dead
 * local server, so nothing leaves the machine (DESIGN §4). What 3.12 does
 * then: LOGINING at once; when its retry time runs out, loginRoom rejects
 * `{ code: 1002031, msg: 'login timeout' }` and LOGIN_FAILED 1002031 follows.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ZegoExpressEngine } from 'zego-express-engine-webrtc';
import { systemClock } from '../../src/core/clock.js';
import type { StatusEvent } from '../../src/core/events.js';
import { selectRoom } from '../../src/core/selectors.js';
import { createStatusStore } from '../../src/core/store.js';
import { connectZegoWeb, mediaHealth } from '../../src/adapters/index.js';

/** A port nothing listens on; the host is the one name the resolver rules leave alone. */
const DEAD_SERVER = 'wss://127.0.0.1:9/ws';
/** Seconds (`setEngineConfig({ roomRetryTime })`, DESIGN §4): short, so the test takes seconds, not 5 min. */
const ROOM_RETRY_TIME_S = 3;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('zego-express-engine-webrtc, offline', () => {
  it(
    'unreachable server: the store goes LOGINING -> LOGIN_FAILED 1002031 and the rejection is handled',
    async () => {
      // Quiet console, and no remote log upload attempts (they would fail offline anyway).
      ZegoExpressEngine.presetLogConfig({ logLevel: 'error', remoteLogLevel: 'disable' });
      const engine = new ZegoExpressEngine(1, DEAD_SERVER);
      engine.setDebugVerbose(false);
      engine.setEngineConfig({ roomRetryTime: ROOM_RETRY_TIME_S });

      const store = createStatusStore({ clock: systemClock });
      const events: StatusEvent[] = [];
      cleanups.push(store.subscribeEvents((event) => events.push(event)));
      const disconnect = connectZegoWeb(engine, store, { roomRetryTimeMs: ROOM_RETRY_TIME_S * 1000 });
      cleanups.push(disconnect);

      const startedAt = systemClock.now();
      const login = engine.loginRoom('contract-room', 'not-a-real-token', { userID: 'contract-user', userName: 'Contract' });
      // LOGINING arrives at once (synchronously or within a tick).
      await vi.waitFor(() => expect(selectRoom(store.getState(), 'contract-room').reason).toBe('LOGINING'), {
        timeout: 2_000,
      });
      const logining = selectRoom(store.getState(), 'contract-room');
      expect(logining.phase).toBe('connecting');
      expect(logining.retryDeadline).toBe(logining.loginStartedAt! + ROOM_RETRY_TIME_S * 1000);

      // The rejected promise is caught here, as an app must.
      const outcome = await login.then(
        (value) => ({ resolved: value }),
        (error: unknown) => ({ rejected: error }),
      );
      expect(outcome).toEqual({ rejected: expect.objectContaining({ code: 1002031 }) });

      await vi.waitFor(() => expect(selectRoom(store.getState(), 'contract-room').reason).toBe('LOGIN_FAILED'), {
        timeout: 5_000,
      });
      const room = selectRoom(store.getState(), 'contract-room');
      expect(room).toMatchObject({ phase: 'failed', errorCode: 1002031 });
      expect(room.lastError?.code).toBe(1002031);
      // It took about the retry time, not the 5-minute default.
      expect(systemClock.now() - startedAt).toBeLessThan(30_000);

      const reasons = events.flatMap((e) => (e.type === 'roomStateChanged' ? [e.reason] : []));
      expect(reasons[0]).toBe('LOGINING');
      expect(reasons.at(-1)).toBe('LOGIN_FAILED');
      expect(reasons).not.toContain('LOGINED');

      disconnect();
      // After disconnect the adapter hears nothing more from the engine.
      const count = events.length;
      engine.logoutRoom('contract-room');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(events.length).toBe(count);
    },
    60_000,
  );

  it('media health (issue 14): the real engine knows every callback the web adapter registers for it', () => {
    ZegoExpressEngine.presetLogConfig({ logLevel: 'error', remoteLogLevel: 'disable' });
    const engine = new ZegoExpressEngine(1, DEAD_SERVER);
    engine.setDebugVerbose(false);
    // 3.12's on() returns false for an event it does not know (DESIGN §4): every registration must say true.
    const registered: [string, unknown][] = [];
    const on = engine.on.bind(engine);
    const spy = { on: (event: string, callback: never) => (registered.push([event, on(event as never, callback)]), registered.at(-1)![1]), off: engine.off.bind(engine) };
    const store = createStatusStore({ clock: systemClock, extensions: [mediaHealth({ browserConnectivity: false })] });
    const disconnect = connectZegoWeb(spy as never, store);
    cleanups.push(disconnect);
    const media = registered.slice(5);
    expect(media.map(([event]) => event)).toEqual(Object.keys(mediaHealth().web!.readers));
    expect(media.filter(([, known]) => known !== true)).toEqual([]);
  });
});
